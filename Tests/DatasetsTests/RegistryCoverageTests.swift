import Datasets
import Foundation
import Testing
import TestSupport

/// The registry against its sources: the medmnist package's INFO table (md5s and split sizes as
/// listed in ../shared/data/README.md and medmnist/info.py), the papers' dataset descriptions, and
/// the official CIFAR-10 / Fashion-MNIST md5s.
@Suite struct RegistryCoverageTests {
    @Test func everyDatasetOfTheThreePapersIsRegistered() {
        let names = DatasetRegistry.all.map(\.name)
        #expect(names == [
            "mnist", "fashion-mnist", "pathmnist", "chestmnist", "dermamnist", "octmnist", "pneumoniamnist", "retinamnist",
            "breastmnist", "bloodmnist", "tissuemnist", "organamnist", "organcmnist", "organsmnist", "medical-mnist",
            "cifar-10", "croatian-fish", "fgvc-aircraft", "busi", "apples-or-tomatoes",
        ])
        #expect(Set(names).count == names.count)
    }

    @Test func registryIdsAreThoseOfThePublishedTables() throws {
        // Every `dataset` cell of the published tables (the Catalog's ids) names a registry entry
        // as it is, and the ids of all three papers together are exactly the registry's.
        var published = Set<String>()
        for paper in ["hqnn", "vision-qrwkv", "ae-vqc"] {
            let csv = try String(contentsOf: Fixtures.url("published/\(paper).csv"), encoding: .utf8)
            let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try #require(rows.first?.firstIndex(of: "dataset"))
            for row in rows.dropFirst() where row.count > column { published.insert(String(row[column])) }
        }
        #expect(published == Set(DatasetRegistry.all.map(\.name)))
        for id in published { #expect(try DatasetRegistry.entry(named: id).name == id) }
        // The earlier spellings still resolve.
        #expect(try DatasetRegistry.entry(named: "FashionMNIST").name == "fashion-mnist")
        #expect(try DatasetRegistry.entry(named: "cifar10").name == "cifar-10")
        #expect(try DatasetRegistry.entry(named: "aircraft737").name == "fgvc-aircraft")
    }

    @Test func entriesAreSelfConsistent() throws {
        for entry in DatasetRegistry.all {
            #expect(!entry.licence.isEmpty && !entry.citation.isEmpty, "\(entry.name)")
            #expect(entry.channels == 1 || entry.channels == 3, "\(entry.name)")
            for split in entry.splits {
                for file in split.fileNames { #expect(throws: Never.self) { try entry.file(named: file) } }
                #expect(split.count > 0)
            }
            for file in entry.files {
                // A file qreport cannot download itself must say how to get it.
                #expect(file.url != nil && file.md5 != nil || file.manualStep != nil, "\(entry.name)/\(file.name)")
                if let md5 = file.md5 { #expect(md5.count == 32 && md5.allSatisfy(\.isHexDigit), "\(entry.name)") }
            }
        }
    }

    @Test func medMNISTMatchesTheOfficialTable() throws {
        // (md5, train, val, test, channels, classes) from medmnist's INFO (v2, Zenodo record 10519652).
        let table: [String: (String, Int, Int, Int, Int, Int)] = [
            "pathmnist": ("a8b06965200029087d5bd730944a56c1", 89996, 10004, 7180, 3, 9),
            "chestmnist": ("02c8a6516a18b556561a56cbdd36c4a8", 78468, 11219, 22433, 1, 14),
            "dermamnist": ("0744692d530f8e62ec473284d019b0c7", 7007, 1003, 2005, 3, 7),
            "octmnist": ("c68d92d5b585d8d81f7112f81e2d0842", 97477, 10832, 1000, 1, 4),
            "pneumoniamnist": ("28209eda62fecd6e6a2d98b1501bb15f", 4708, 524, 624, 1, 2),
            "retinamnist": ("bd4c0672f1bba3e3a89f0e4e876791e4", 1080, 120, 400, 3, 5),
            "breastmnist": ("750601b1f35ba3300ea97c75c52ff8f6", 546, 78, 156, 1, 2),
            "bloodmnist": ("7053d0359d879ad8a5505303e11de1dc", 11959, 1712, 3421, 3, 8),
            "tissuemnist": ("ebe78ee8b05294063de985d821c1c34b", 165466, 23640, 47280, 1, 8),
            "organamnist": ("68e3f8846a6bd62f0c9bf841c0d9eacc", 34561, 6491, 17778, 1, 11),
            "organcmnist": ("b9ceb9546e10131b32923c5bbeaea2b1", 12975, 2392, 8216, 1, 11),
            "organsmnist": ("9ab87b696fb54e2a387ebe992d6ed5f1", 13932, 2452, 8827, 1, 11),
        ]
        #expect(DatasetRegistry.medMNIST.count == 12)
        for (name, row) in table {
            let entry = try DatasetRegistry.entry(named: name)
            let file = try #require(entry.files.first)
            #expect(file.md5 == row.0 && !file.md5IsOfDecompressedContent)
            #expect(file.acceptedNames == ["\(name).npz"])
            #expect(file.url?.absoluteString == "https://zenodo.org/records/10519652/files/\(name).npz?download=1")
            #expect(try entry.split(.train).count == row.1 && entry.split(.validation).count == row.2 && entry.split(.test).count == row.3)
            #expect(entry.channels == row.4 && entry.classNames.count == row.5 && entry.height == 28 && entry.width == 28)
            #expect(entry.isMultiLabel == (name == "chestmnist"))
            #expect(entry.licence == (name == "dermamnist" ? "CC BY-NC 4.0" : "CC BY 4.0"))
        }
    }

    @Test func hqnnAndAEVQCDatasets() throws {
        let medical = DatasetRegistry.medicalMNIST
        #expect(medical.files[0].md5 == "7026b4916a4a9b6c121c92330b25710c" && !medical.files[0].md5IsOfDecompressedContent)
        #expect(try medical.split(.train).count + medical.split(.test).count == 58954)  // HQNN: 47,163 + 11,791
        #expect(medical.classNames.count == 6 && medical.height == 64)
        let cifar = DatasetRegistry.cifar10
        #expect(cifar.files[0].md5 == "c32a1d4ab5d03f1284b67883e8d87530")
        #expect(try cifar.split(.train).count == 50000 && cifar.split(.test).count == 10000)
        // AE-VQC section 3.1: train / test sizes and class counts.
        #expect(try DatasetRegistry.fgvcAircraft.split(.train).count == 533 && DatasetRegistry.fgvcAircraft.split(.test).count == 267)
        #expect(DatasetRegistry.fgvcAircraft.classNames.count == 8)
        #expect(try DatasetRegistry.busi.split(.train).count == 620 && DatasetRegistry.busi.split(.test).count == 158)
        #expect(try DatasetRegistry.applesOrTomatoes.split(.train).count == 294 && DatasetRegistry.applesOrTomatoes.split(.test).count == 97)
        #expect(try DatasetRegistry.croatianFish.split(.train).count + DatasetRegistry.croatianFish.split(.test).count == 794)
    }

    @Test func fashionMNISTIsFoundInTheDebianPackageFolder() throws {
        let fashion = DatasetRegistry.fashionMNIST
        #expect(fashion.systemDirectories == ["/usr/share/datasets/fashion-mnist"])
        #expect(try fashion.file(named: "train-images").md5 == "f4a8712d7a061bf5bd6d2ca38dc4d50a")
        // With no other root holding it, the locator finds it there when the package is installed.
        let locator = DataLocator(dataDirectory: nil, environment: ["HOME": "/nonexistent"], allowDownloads: false)
        #expect(locator.searchedDirectories(for: fashion).last == "/usr/share/datasets/fashion-mnist (system package)")
        if FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz") {
            let found = try #require(locator.findLocally(try fashion.file(named: "train-labels"), of: fashion))
            #expect(found.origin == .system)
        }
    }

    @Test func missingFilesSayWhatToDo() throws {
        let locator = DataLocator(dataDirectory: "/nonexistent/qreport-data", environment: ["HOME": "/nonexistent"], allowDownloads: false)
        let busi = try #require(locator.verify(DatasetRegistry.busi).first)
        #expect(!busi.isVerified)
        #expect(busi.description.hasPrefix("busi/archive: missing Dataset_BUSI.zip (md5 unpublished; looked in: /nonexistent/qreport-data/busi (--data-dir)"))
        #expect(busi.description.contains("; to get it: download Dataset_BUSI.zip from https://scholar.cu.edu.eg"))
        let path = try #require(locator.verify(DatasetRegistry.medMNIST[0]).first)
        #expect(path.description.hasSuffix("; `qreport data fetch pathmnist` downloads it from https://zenodo.org/records/10519652/files/pathmnist.npz?download=1"))
        let error = try #require(throws: DatasetError.self) { try locator.locate(DatasetRegistry.busi.files[0], of: DatasetRegistry.busi) }
        #expect(error.description.contains("Put the file (md5 unpublished)") && error.description.contains("to get it: download Dataset_BUSI.zip"))
        // A published URL without a published md5 is never downloaded unverified.
        let online = DataLocator(dataDirectory: "/nonexistent/qreport-data", environment: ["HOME": "/nonexistent"])
        let aircraft = try #require(throws: DatasetError.self) {
            try online.locate(DatasetRegistry.fgvcAircraft.files[0], of: DatasetRegistry.fgvcAircraft)
        }
        #expect(aircraft.description.contains("failed: not attempted: no published md5"), "\(aircraft)")
    }

    @Test func imageFolderDatasetsNameTheMissingArchive() throws {
        let locator = DataLocator(dataDirectory: "/nonexistent/qreport-data", environment: ["HOME": "/nonexistent"], allowDownloads: false)
        let aircraft = try #require(throws: DatasetError.self) {
            try ImageSetLoader.load(entry: DatasetRegistry.fgvcAircraft, split: .train, locator: locator)
        }
        #expect(aircraft.description.contains(ImageSetLoader.decodesJPEG ? "fgvc-aircraft-2013b.tar.gz not found" : "no JPEG decoder"), "\(aircraft)")
        let medical = try #require(throws: DatasetError.self) {
            try ImageSetLoader.load(entry: DatasetRegistry.medicalMNIST, split: .train, locator: locator)
        }
        // Without a JPEG decoder the build says so; with one, the missing archive is reported.
        #expect(medical.description.contains(ImageSetLoader.decodesJPEG ? "medical-mnist-64.tar.gz not found" : "no JPEG decoder"), "\(medical)")
    }
}
