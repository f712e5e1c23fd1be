import Foundation

extension DatasetRegistry {
    /// The AE-VQC paper's backbones (ResNet-18, MaxViT-T) take 224x224 RGB inputs; the source images
    /// of its four datasets vary in size and are resized to this on loading.
    private static let backboneSide = 224

    /// Every AE-VQC image is resized straight to 224 x 224 with Pillow's antialiased bilinear filter
    /// (torchvision's `Resize((224, 224))` on PIL images). The paper does not state its resizing;
    /// this is an assumption.
    private static let backboneResize = ImagePreparation(resize: .bilinear)

    /// Croatian Fish (Jäger et al. 2015): 794 images of 12 fish species in their natural habitat,
    /// one folder per species. No official split: AE-VQC draws 80 / 20 at random; qreport draws
    /// 159 test images with a fixed seed (an assumption; the paper gives no seed or count).
    public static let croatianFish = DatasetEntry(
        name: "croatian-fish",
        title: "Croatian Fish (12 species)",
        directory: "croatian-fish",
        files: [
            DatasetFile(
                name: "archive", acceptedNames: ["croatian-fish.zip", "FishDataset.zip"], md5: nil, url: nil,
                manualStep: "download the Croatian Fish Dataset from the Jena computer-vision group "
                    + "(https://www.inf-cv.uni-jena.de/fine_grained_recognition.html, registration may be required) "
                    + "and save the zip, one folder per species, as croatian-fish.zip"),
        ],
        classNames: [],
        channels: 3, height: backboneSide, width: backboneSide,
        splits: [
            DatasetSplit(
                kind: .train, count: 635,
                source: .archivedImageFolders(file: "archive", root: "", selection: .seededPartition(seed: 2024, testCount: 159, excluded: []))),
            DatasetSplit(
                kind: .test, count: 159,
                source: .archivedImageFolders(file: "archive", root: "", selection: .seededPartition(seed: 2024, testCount: 159, excluded: []))),
        ],
        licence: "Research use, as stated by the authors (no formal licence published)",
        citation: "J. Jäger, M. Simon, J. Denzler, V. Wolff, K. Fricke-Neuderth, C. Kruschel. Croatian Fish Dataset: "
            + "Fine-grained classification of fish species in their natural habitat. BMVC Workshop on Machine Vision "
            + "of Animals and their Behaviour, 2015.",
        homepage: URL(string: "https://www.inf-cv.uni-jena.de/fine_grained_recognition.html"),
        notes: "The 12 class names are the archive's species folder names, sorted (the zip must hold one folder per "
            + "species at its top level); 80/20 split: 159 of 794 images (20%, rounded) form the test split, drawn with "
            + "seed 2024. Images are resized to 224 x 224 (bilinear, antialiased).",
        preparation: backboneResize)

    /// FGVC-Aircraft 2013b (Maji et al. 2013), restricted as AE-VQC does to the 8 Boeing 737 variants
    /// 737-200 ... 737-900: the official `trainval` list gives 533 training images, `test` 267.
    /// The authors publish no md5 for the archive.
    public static let fgvcAircraft: DatasetEntry = {
        let data = "fgvc-aircraft-2013b/data/"
        return DatasetEntry(
            name: "fgvc-aircraft",
            title: "FGVC-Aircraft, Boeing 737 variants (8 classes)",
            directory: "fgvc-aircraft",
            files: [
                DatasetFile(
                    name: "archive", acceptedNames: ["fgvc-aircraft-2013b.tar.gz"], md5: nil, md5OfDecompressedContent: false,
                    url: URL(string: "https://www.robots.ox.ac.uk/~vgg/data/fgvc-aircraft/archives/fgvc-aircraft-2013b.tar.gz"),
                    manualStep: "download https://www.robots.ox.ac.uk/~vgg/data/fgvc-aircraft/archives/fgvc-aircraft-2013b.tar.gz "
                        + "(2.6 GB) into this folder"),
            ],
            classNames: ["737-200", "737-300", "737-400", "737-500", "737-600", "737-700", "737-800", "737-900"],
            channels: 3, height: backboneSide, width: backboneSide,
            splits: [
                DatasetSplit(
                    kind: .train, count: 533,
                    source: .archivedImageFolders(
                        file: "archive", root: data + "images", selection: .listed(member: data + "images_variant_trainval.txt"))),
                DatasetSplit(
                    kind: .test, count: 267,
                    source: .archivedImageFolders(
                        file: "archive", root: data + "images", selection: .listed(member: data + "images_variant_test.txt"))),
            ],
            licence: "Images for non-commercial research purposes only (FGVC-Aircraft terms of use)",
            citation: "S. Maji, E. Rahtu, J. Kannala, M. Blaschko, A. Vedaldi. Fine-Grained Visual Classification of "
                + "Aircraft. arXiv:1306.5151, 2013.",
            homepage: URL(string: "https://www.robots.ox.ac.uk/~vgg/data/fgvc-aircraft/"),
            notes: "The dataset's README: \"Each image has at the bottom a banner 20 pixels high containing copyright "
                + "information. Please make sure to remove this banner\": qreport removes the bottom 20 rows, then resizes "
                + "to 224 x 224 (bilinear, antialiased). The splits are the dataset's own: the images that "
                + "data/images_variant_trainval.txt and images_variant_test.txt list with one of the 8 variants "
                + "(data/images/<id>.jpg), in the lists' order.",
            preparation: ImagePreparation(cropBottom: 20, resize: .bilinear))
    }()

    /// Breast Ultrasound Images (BUSI, Al-Dhabyani et al. 2020): 780 PNGs in three classes (with
    /// segmentation masks `*_mask*.png`, which are not samples). AE-VQC removes the one image found in
    /// both the benign and malignant folders, leaving 778, split 620 / 158 at random.
    public static let busi = DatasetEntry(
        name: "busi",
        title: "Breast Ultrasound Images (BUSI)",
        directory: "busi",
        files: [
            DatasetFile(
                name: "archive", acceptedNames: ["Dataset_BUSI.zip"], md5: nil, url: nil,
                manualStep: "download Dataset_BUSI.zip from https://scholar.cu.edu.eg/?q=afahmy/pages/dataset "
                    + "(or its Kaggle copy aryashah2k/breast-ultrasound-images-dataset) into this folder"),
        ],
        classNames: ["benign", "malignant", "normal"],
        channels: 3, height: backboneSide, width: backboneSide,
        splits: [
            DatasetSplit(
                kind: .train, count: 620,
                source: .archivedImageFolders(
                    file: "archive", root: "Dataset_BUSI_with_GT",
                    selection: .seededPartitionWithoutCrossClassDuplicates(seed: 2024, testCount: 158))),
            DatasetSplit(
                kind: .test, count: 158,
                source: .archivedImageFolders(
                    file: "archive", root: "Dataset_BUSI_with_GT",
                    selection: .seededPartitionWithoutCrossClassDuplicates(seed: 2024, testCount: 158))),
        ],
        licence: "Not checked here: see the authors' page and the Data in Brief article (itself CC BY 4.0)",
        citation: "W. Al-Dhabyani, M. Gomaa, H. Khaled, A. Fahmy. Dataset of breast ultrasound images. Data in Brief "
            + "28:104863, 2020.",
        homepage: URL(string: "https://scholar.cu.edu.eg/?q=afahmy/pages/dataset"),
        notes: "Mask files (*_mask.png, *_mask_1.png) are not samples. AE-VQC (section 3.1) finds \"an identical image "
            + "in both of the benign and malignant categories\" and removes both copies; the paper does not name the "
            + "files, so qreport finds them by content: every image whose md5 occurs under two classes is removed from "
            + "both (the load fails unless exactly 778 images remain). The 778 are split 620/158 with seed 2024 and "
            + "resized to 224 x 224 (bilinear, antialiased).",
        preparation: backboneResize)

    /// Apples or Tomatoes (Kaggle, S. Cortinhas): 391 RGB photos, shipped already split into
    /// `train/` (294) and `test/` (97), one folder per class.
    public static let applesOrTomatoes = DatasetEntry(
        name: "apples-or-tomatoes",
        title: "Apples or Tomatoes",
        directory: "apples-or-tomatoes",
        files: [
            DatasetFile(
                name: "archive", acceptedNames: ["apples-or-tomatoes-image-classification.zip", "archive.zip"], md5: nil,
                url: nil,
                manualStep: "download the zip from https://www.kaggle.com/datasets/samuelcortinhas/apples-or-tomatoes-image-classification "
                    + "(Kaggle account needed) into this folder"),
        ],
        classNames: ["apples", "tomatoes"],
        channels: 3, height: backboneSide, width: backboneSide,
        splits: [
            DatasetSplit(kind: .train, count: 294, source: .archivedImageFolders(file: "archive", root: "train", selection: .all)),
            DatasetSplit(kind: .test, count: 97, source: .archivedImageFolders(file: "archive", root: "test", selection: .all)),
        ],
        licence: "As stated on the Kaggle page (not checked here)",
        citation: "S. Cortinhas. Apples or Tomatoes image classification. Kaggle dataset, 2022.",
        homepage: URL(string: "https://www.kaggle.com/datasets/samuelcortinhas/apples-or-tomatoes-image-classification"),
        notes: "The archive's own train/ and test/ folders are the splits; images are resized to 224 x 224 (bilinear, "
            + "antialiased).",
        preparation: backboneResize)
}
