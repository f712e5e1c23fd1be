import Foundation

extension DatasetRegistry {
    /// The twelve MedMNIST v2 2D datasets at 28x28 (Zenodo record 10519652), each one `.npz` with the
    /// arrays `train_images`, `train_labels`, `val_images`, `val_labels`, `test_images`,
    /// `test_labels` (uint8; labels `[N, 1]`, ChestMNIST's `[N, 14]` multi-label). Names, md5s,
    /// split sizes, labels and licences are those of the `medmnist` package's `INFO` table; the
    /// splits are the publishers' own.
    public static let medMNIST: [DatasetEntry] = [
        medMNISTEntry(
            "pathmnist", "PathMNIST (colorectal cancer histology)", "a8b06965200029087d5bd730944a56c1", channels: 3,
            counts: (89996, 10004, 7180),
            classes: [
                "adipose", "background", "debris", "lymphocytes", "mucus", "smooth muscle", "normal colon mucosa",
                "cancer-associated stroma", "colorectal adenocarcinoma epithelium",
            ],
            source: "J. N. Kather et al. Predicting survival from colorectal cancer histology slides using deep learning. PLOS Medicine 16(1):e1002730, 2019."),
        medMNISTEntry(
            "chestmnist", "ChestMNIST (chest X-ray, 14 labels, multi-label)", "02c8a6516a18b556561a56cbdd36c4a8", channels: 1,
            counts: (78468, 11219, 22433),
            classes: [
                "atelectasis", "cardiomegaly", "effusion", "infiltration", "mass", "nodule", "pneumonia", "pneumothorax",
                "consolidation", "edema", "emphysema", "fibrosis", "pleural", "hernia",
            ],
            source: "X. Wang et al. ChestX-ray8: Hospital-scale chest X-ray database and benchmarks. CVPR 2017."),
        medMNISTEntry(
            "dermamnist", "DermaMNIST (dermatoscopy)", "0744692d530f8e62ec473284d019b0c7", channels: 3,
            counts: (7007, 1003, 2005),
            classes: [
                "actinic keratoses and intraepithelial carcinoma", "basal cell carcinoma", "benign keratosis-like lesions",
                "dermatofibroma", "melanoma", "melanocytic nevi", "vascular lesions",
            ],
            source: "P. Tschandl, C. Rosendahl, H. Kittler. The HAM10000 dataset. Scientific Data 5:180161, 2018.",
            licence: "CC BY-NC 4.0"),
        medMNISTEntry(
            "octmnist", "OCTMNIST (retinal OCT)", "c68d92d5b585d8d81f7112f81e2d0842", channels: 1,
            counts: (97477, 10832, 1000),
            classes: ["choroidal neovascularization", "diabetic macular edema", "drusen", "normal"],
            source: "D. S. Kermany et al. Identifying medical diagnoses and treatable diseases by image-based deep learning. Cell 172(5):1122-1131, 2018."),
        medMNISTEntry(
            "pneumoniamnist", "PneumoniaMNIST (paediatric chest X-ray)", "28209eda62fecd6e6a2d98b1501bb15f", channels: 1,
            counts: (4708, 524, 624),
            classes: ["normal", "pneumonia"],
            source: "D. S. Kermany et al. Identifying medical diagnoses and treatable diseases by image-based deep learning. Cell 172(5):1122-1131, 2018."),
        medMNISTEntry(
            "retinamnist", "RetinaMNIST (fundus, DR grade 0-4)", "bd4c0672f1bba3e3a89f0e4e876791e4", channels: 3,
            counts: (1080, 120, 400),
            classes: ["0", "1", "2", "3", "4"],
            source: "R. Liu et al. DeepDRiD: Diabetic retinopathy - grading and image quality estimation challenge. Patterns 3(6):100512, 2022."),
        medMNISTEntry(
            "breastmnist", "BreastMNIST (breast ultrasound)", "750601b1f35ba3300ea97c75c52ff8f6", channels: 1,
            counts: (546, 78, 156),
            classes: ["malignant", "normal, benign"],
            source: "W. Al-Dhabyani, M. Gomaa, H. Khaled, A. Fahmy. Dataset of breast ultrasound images. Data in Brief 28:104863, 2020."),
        medMNISTEntry(
            "bloodmnist", "BloodMNIST (blood cell microscopy)", "7053d0359d879ad8a5505303e11de1dc", channels: 3,
            counts: (11959, 1712, 3421),
            classes: [
                "basophil", "eosinophil", "erythroblast",
                "immature granulocytes(myelocytes, metamyelocytes and promyelocytes)", "lymphocyte", "monocyte",
                "neutrophil", "platelet",
            ],
            source: "A. Acevedo et al. A dataset of microscopic peripheral blood cell images for development of automatic recognition systems. Data in Brief 30:105474, 2020."),
        medMNISTEntry(
            "tissuemnist", "TissueMNIST (kidney cortex microscopy)", "ebe78ee8b05294063de985d821c1c34b", channels: 1,
            counts: (165466, 23640, 47280),
            classes: [
                "Collecting Duct, Connecting Tubule", "Distal Convoluted Tubule", "Glomerular endothelial cells",
                "Interstitial endothelial cells", "Leukocytes", "Podocytes", "Proximal Tubule Segments",
                "Thick Ascending Limb",
            ],
            source: "V. Ljosa, K. L. Sokolnicki, A. E. Carpenter. Annotated high-throughput microscopy image sets for validation (BBBC051). Nature Methods 9(7):637, 2012."),
        medMNISTEntry(
            "organamnist", "OrganAMNIST (abdominal CT, axial)", "68e3f8846a6bd62f0c9bf841c0d9eacc", channels: 1,
            counts: (34561, 6491, 17778), classes: organs, source: organSource),
        medMNISTEntry(
            "organcmnist", "OrganCMNIST (abdominal CT, coronal)", "b9ceb9546e10131b32923c5bbeaea2b1", channels: 1,
            counts: (12975, 2392, 8216), classes: organs, source: organSource),
        medMNISTEntry(
            "organsmnist", "OrganSMNIST (abdominal CT, sagittal)", "9ab87b696fb54e2a387ebe992d6ed5f1", channels: 1,
            counts: (13932, 2452, 8827), classes: organs, source: organSource),
    ]

    private static let organs = [
        "bladder", "femur-left", "femur-right", "heart", "kidney-left", "kidney-right", "liver", "lung-left",
        "lung-right", "pancreas", "spleen",
    ]
    private static let organSource =
        "P. Bilic et al. The Liver Tumor Segmentation Benchmark (LiTS). Medical Image Analysis 84:102680, 2023."

    private static func medMNISTEntry(
        _ flag: String, _ title: String, _ md5: String, channels: Int, counts: (Int, Int, Int), classes: [String],
        source: String, licence: String = "CC BY 4.0"
    ) -> DatasetEntry {
        let file = DatasetFile(
            name: flag, acceptedNames: [flag + ".npz"], md5: md5,
            url: URL(string: "https://zenodo.org/records/10519652/files/\(flag).npz?download=1"))
        func split(_ kind: DatasetSplit.Kind, _ count: Int, _ prefix: String) -> DatasetSplit {
            DatasetSplit(kind: kind, count: count, source: .npz(file: flag, images: prefix + "_images", labels: prefix + "_labels"))
        }
        return DatasetEntry(
            name: flag, title: title, directory: "medmnist", files: [file], classNames: classes,
            channels: channels, height: 28, width: 28,
            splits: [split(.train, counts.0, "train"), split(.validation, counts.1, "val"), split(.test, counts.2, "test")],
            licence: licence,
            citation: "J. Yang, R. Shi, D. Wei, Z. Liu, L. Zhao, B. Ke, H. Pfister, B. Ni. MedMNIST v2 - A large-scale "
                + "lightweight benchmark for 2D and 3D biomedical image classification. Scientific Data 10:41, 2023. "
                + "Source data: " + source,
            homepage: URL(string: "https://medmnist.com/"),
            notes: flag == "chestmnist"
                ? "Multi-label: 14 binary labels per image (labels [N, 14]); Vision-QRWKV's code trains on the argmax "
                    + "of the label vector and reports element-wise binary accuracy."
                : "",
            isMultiLabel: flag == "chestmnist")
    }
}
