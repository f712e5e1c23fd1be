/// Chen 2024, "A novel image classification framework based on variational quantum algorithms".
public enum AEVQCPaper {
    /// One dataset of section 3.1 with what the experiment needs to know about it.
    struct DatasetSetup {
        /// Registry name (`Datasets/DatasetRegistry+AEVQC.swift`), also the published tables' dataset key.
        var id: String
        /// Name as the paper's tables print it.
        var name: String
        var classes: Int
        var train: Int
        var test: Int
        /// Table 2: ansatz and D of ResNet-18_q and of MaxViT-T_q.
        var resnetAnsatz: (ansatz: Int, layers: Int)
        var maxvitAnsatz: (ansatz: Int, layers: Int)
        /// The classifier after MaxViT-T_q's circuit that Table 4's Params* implies (assumption 'maxvit-q-classifier').
        var maxvitClassifier: AEVQCArchitecture.QuantumClassifier
    }

    static let setups: [DatasetSetup] = [
        DatasetSetup(id: "croatian-fish", name: "Croatian Fish", classes: 12, train: 635, test: 159,
                     resnetAnsatz: (2, 1), maxvitAnsatz: (1, 1), maxvitClassifier: .hidden(width: 512)),
        DatasetSetup(id: "fgvc-aircraft", name: "Aircraft", classes: 8, train: 533, test: 267,
                     resnetAnsatz: (1, 1), maxvitAnsatz: (1, 1), maxvitClassifier: .hidden(width: 512)),
        DatasetSetup(id: "busi", name: "BUSI", classes: 3, train: 620, test: 158,
                     resnetAnsatz: (1, 1), maxvitAnsatz: (1, 1), maxvitClassifier: .linear),
        DatasetSetup(id: "apples-or-tomatoes", name: "AOT", classes: 2, train: 294, test: 97,
                     resnetAnsatz: (1, 1), maxvitAnsatz: (1, 3), maxvitClassifier: .layerNormLinear),
    ]

    /// The four models of one dataset: ResNet-18, ResNet-18_q, MaxViT-T, MaxViT-T_q (Tables 2-4), with the
    /// published tables' ids (`resnet-18-vqc-ansatz2` names the ansatz the quantum model uses there).
    static func models(_ setup: DatasetSetup) -> [ModelSpec] {
        let c = setup.classes
        func spec(_ id: String, _ name: String, _ architecture: AEVQCArchitecture, _ backbone: String) -> ModelSpec {
            ModelSpec(id: id, name: name, architecture: .aeVQC(architecture),
                      summary: "\(backbone) -> \(architecture.headArithmetic(classes: c)) Params*")
        }
        let resnet = "ResNet-18 (torchvision resnet18, from scratch) on 3 x 224 x 224 -> 512 x 7 x 7"
        let maxvit = "MaxViT-T (torchvision maxvit_t, from scratch) on 3 x 224 x 224 -> 512 x 7 x 7"
        let amplitude = "no pooling: 25,088 features amplitude-embedded (normalised, zero-padded) into 15 qubits"
        let r = setup.resnetAnsatz, m = setup.maxvitAnsatz
        return [
            spec("resnet-18", "ResNet-18", AEVQCArchitecture(backbone: .resnet18, head: .pooled),
                 resnet + ", global average pooling"),
            spec("resnet-18-vqc-ansatz\(r.ansatz)", "ResNet-18_q",
                 AEVQCArchitecture(backbone: .resnet18, head: .quantum(ansatz: r.ansatz, layers: r.layers, classifier: .linear)),
                 resnet + ", " + amplitude + ", <Z> per wire"),
            spec("maxvit-t", "MaxViT-T", AEVQCArchitecture(backbone: .maxvitT, head: .pooled),
                 maxvit + ", global average pooling, Tanh after the hidden Linear"),
            spec("maxvit-t-vqc-ansatz\(m.ansatz)", "MaxViT-T_q",
                 AEVQCArchitecture(backbone: .maxvitT, head: .quantum(ansatz: m.ansatz, layers: m.layers, classifier: setup.maxvitClassifier)),
                 maxvit + ", " + amplitude + ", <Z> per wire"
                    + (setup.maxvitClassifier == .hidden(width: 512) ? ", Tanh after the hidden Linear" : "")),
        ]
    }

    /// Why our Params* differs from the published one, per model id, where it does (inconsistencies
    /// 'maxvit-classifier-bias' and 'aot-resnet-q-parameters').
    static func parameterNotes(_ setup: DatasetSetup) -> [String: String] {
        var notes = [
            "maxvit-t": "torchvision 0.28's MaxViT-T classifier ends in Linear(512, \(setup.classes), bias=False); the published count is ours + \(setup.classes), i.e. that layer with a bias (inconsistency 'maxvit-classifier-bias').",
        ]
        if setup.id == "apples-or-tomatoes" {
            notes["resnet-18-vqc-ansatz1"] = "Ansatz 1 with D = 1 (15) + Linear(15, 2) (32) = 47; no ansatz depth or classifier gives 41 (inconsistency 'aot-resnet-q-parameters')."
        }
        return notes
    }

    static func experiment(_ setup: DatasetSetup) -> Experiment {
        let models = models(setup)
        let notes = parameterNotes(setup)
        let comparisons = models.flatMap { model in
            [Metric.testAccuracy, .macroF1, .headParameters].map { metric in
                Comparison(table: model.id.hasPrefix("resnet") ? "table3" : "table4", dataset: setup.id, model: model.id,
                           metric: metric, publishedSpreadMetric: nil, publishedSeeds: 1,
                           note: metric == .headParameters ? notes[model.id] : nil)
            }
        }
        let claims = [(models[1], models[0]), (models[3], models[2])].flatMap { quantum, classical in
            [
                Claim(text: "\(quantum.name) beats \(classical.name) on \(setup.name) in test accuracy (Tables 3-4, section 3.4)",
                      model: quantum.id, baseline: classical.id, relation: .better, metric: .testAccuracy),
                Claim(text: "\(quantum.name) beats \(classical.name) on \(setup.name) in macro-F1 (Tables 3-4, section 3.4)",
                      model: quantum.id, baseline: classical.id, relation: .better, metric: .macroF1),
                Claim(text: "\(quantum.name) has fewer parameters after the backbone than \(classical.name) on \(setup.name) (section 2.4)",
                      model: quantum.id, baseline: classical.id, relation: .fewer(factor: 1), metric: .headParameters),
            ]
        }
        return Experiment(
            id: setup.id,
            title: "ResNet-18 and MaxViT-T, classical vs AE-VQC head, on \(setup.name)",
            source: "Tables 2-4, sections 3.1-3.4",
            dataset: setup.id,
            models: models,
            training: training,
            scales: [
                ScaleProtocol(scale: .paper, trainCount: setup.train, testCount: setup.test, epochs: 200, seeds: [0, 1, 2]),
                ScaleProtocol(scale: .reduced, trainCount: setup.train, testCount: setup.test, epochs: 20, seeds: [0, 1]),
                ScaleProtocol(scale: .smoke, trainCount: 32, testCount: 16, epochs: 1, seeds: [0]),
            ],
            comparisons: comparisons,
            claims: claims)
    }

    /// Section 3.2: 200 epochs, mini-batches of 32, Adam at 0.001; inputs 224 x 224 (section 3.2's 512 x 7 x 7
    /// feature maps), normalised with ImageNet's statistics (assumption 'normalisation').
    static let training = TrainingProtocol(
        imageSize: 224, batchSize: 32, optimizer: "adam", learningRate: 1e-3, quantumInit: "uniform[0, 2pi)",
        normalization: ChannelNormalization(mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225],
                                            source: "torchvision's ImageNet statistics (assumption 'normalisation')"))

    public static let croatianFish = experiment(setups[0])
    public static let fgvcAircraft = experiment(setups[1])
    public static let busi = experiment(setups[2])
    public static let applesOrTomatoes = experiment(setups[3])

    static let assumptions: [Assumption] = [
        Assumption(id: "image-size", topic: "Input size and resizing",
                   choice: "Every image resized straight to 224 x 224 RGB (Pillow bilinear, antialiased: torchvision's Resize((224, 224)) on PIL images), no crop; FGVC-Aircraft's 20-pixel copyright banner removed first.",
                   reason: "Section 3.2 gives 512 x 7 x 7 feature maps for both backbones, which is what 224 x 224 inputs give; the paper does not say how images reach that size. The banner removal is the dataset README's instruction."),
        Assumption(id: "normalisation", topic: "Pixel normalisation",
                   choice: "ToTensor's [0, 1] scale, then per channel (x - mean) / std with ImageNet's mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225).",
                   reason: "The paper says nothing; these are the constants of torchvision's reference transforms for resnet18 and maxvit_t, the usual choice with these models even when trained from scratch."),
        Assumption(id: "augmentation", topic: "Data augmentation",
                   choice: "None: the same resized image every epoch.",
                   reason: "The paper mentions no augmentation."),
        Assumption(id: "backbones", topic: "Backbone definitions and initialisation",
                   choice: "torchvision 0.28's resnet18 and maxvit_t with their default initialisation (ResNet: kaiming-normal fan-out convolutions, BatchNorm weight 1 bias 0; MaxViT: its own init), no pre-trained weights.",
                   reason: "Section 3.2 trains 'from scratch' and builds the models with PyTorch; torchvision's definitions are the standard ones and the paper names no others."),
        Assumption(id: "maxvit-stochastic-depth", topic: "MaxViT-T's stochastic depth",
                   choice: "As torchvision 0.28's maxvit_t: a drop probability rising linearly from 0 to 0.2 over the 11 MaxViT layers, applied in training to each MBConv, attention and MLP residual branch, one keep-or-drop draw per sample, kept branches scaled by 1/(1 - p); none in evaluation. The draws come from the run's own seeded stream, which epoch checkpoints carry.",
                   reason: "The paper does not mention it; maxvit_t fixes stochastic_depth_prob = 0.2 and the paper builds its models with PyTorch. PyTorch's Bernoulli stream cannot be reproduced outside PyTorch, so our runs agree with a PyTorch run in distribution, not draw by draw."),
        Assumption(id: "amplitude-embedding", topic: "AE-VQC input",
                   choice: "The 512 x 7 x 7 feature map flattened in PyTorch's (channel, row, column) order, zero-padded to 2^15 = 32,768 and normalised to unit length (PennyLane AmplitudeEmbedding(normalize=True, pad_with=0)); circuit weights uniform on [0, 2pi) (TorchLayer's default).",
                   reason: "Section 2.4 feeds the feature maps 'without dimensionality reduction' into ceil(log2 25,088) = 15 qubits; the padding value and flattening order are not given."),
        Assumption(id: "ansatz2-entangler", topic: "Ansatz 2's CNOTs",
                   choice: "A CNOT chain (0->1, 1->2, ..., 13->14) after the RY and RZ layer, repeated D times after the initial H on every wire.",
                   reason: "Fig. 5(b) is only available as a caption in the text we have; a chain is the usual reading of such a figure. Only Croatian Fish's ResNet-18_q uses Ansatz 2."),
        Assumption(id: "maxvit-q-classifier", topic: "MaxViT-T_q's layers after the circuit",
                   choice: "The layers Table 4's Params* implies per dataset: Croatian Fish and Aircraft Linear(15, 512), Tanh, Linear(512, C) (15 + 8,192 + 513 C); BUSI Linear(15, 3) (15 + 48 = 63); AOT LayerNorm(15), Linear(15, 2) with Table 2's D = 3 (45 + 30 + 32 = 107).",
                   reason: "Section 2.4 says the rest of the framework 'remains the same' yet that it 'requires less number of fully connected layers for some specific tasks'; it gives no layer list. These are the simplest layer lists that reproduce every published MaxViT-T_q count with Table 2's ansatz and D (the Tanh is parameter-free and taken from MaxViT's classifier)."),
        Assumption(id: "resnet-q-classifier", topic: "ResNet-18_q's layers after the circuit",
                   choice: "Linear(15, C) with bias.",
                   reason: "Section 2.4's '15 x 10' classical parameters for 10 classes, with the biases Table 3's counts include (222 = 30 + 15 x 12 + 12 on Croatian Fish)."),
        Assumption(id: "training", topic: "Loss and optimiser details",
                   choice: "Cross-entropy on the logits, Adam (betas 0.9 / 0.999, eps 1e-8, no weight decay) at 0.001 for 200 epochs, batches of 32 from a training set reshuffled every epoch (the last batch smaller).",
                   reason: "Section 3.2 gives the optimiser, rate, batch size and epochs; the rest are PyTorch's defaults."),
        Assumption(id: "metrics", topic: "Which epoch Tables 3-4 report",
                   choice: "Test accuracy and macro-averaged F1 (scikit-learn's average='macro': the unweighted mean of per-class F1 over the classes present in the test labels or the predictions, computed from the final confusion matrix) after the last epoch, in evaluation mode.",
                   reason: "The paper names the metrics but not the epoch or any model selection; no validation set is described, so there is none to select on."),
        Assumption(id: "seeds", topic: "Seeds and splits",
                   choice: "3 seeds (0, 1, 2) per model at paper scale, each drawing its own initial weights and batch order; the random splits (Croatian Fish 635/159, BUSI 620/158) drawn once with seed 2024 and shared by all seeds and models.",
                   reason: "The paper reports one number per model and gives no seeds; one fixed split keeps the quantum-classical comparison paired."),
        Assumption(id: "croatian-fish-split", topic: "Croatian Fish's 80/20 split",
                   choice: "159 of the 794 images (20 %, rounded) as the test set, drawn with seed 2024; the rest (635) for training.",
                   reason: "Section 3.1: 'We randomly select 80% of the data as the training set and 20% as the test set'; no seed or count."),
        Assumption(id: "busi-duplicate", topic: "BUSI's duplicate image",
                   choice: "Every image whose content (md5) occurs under two classes is removed from both; the remaining 778 split 620/158 with seed 2024.",
                   reason: "Section 3.1 removes 'an identical image in both of the benign and malignant categories' without naming the files; 620 + 158 = 778 = 780 - 2."),
        Assumption(id: "reduced-scale", topic: "The reduced and smoke scales",
                   choice: "reduced: all images, 20 epochs, seeds 0 and 1; smoke: 32 training and 16 test images, 1 epoch, seed 0.",
                   reason: "One paper-scale seed of all 16 models is of the order of a hundred CPU hours here; the reduced scale keeps the full data and the comparison but not the 200 epochs. Every page of a reduced report says so."),
    ]

    static let inconsistencies: [Inconsistency] = [
        Inconsistency(id: "maxvit-classifier-bias", location: "Table 4, MaxViT-T rows",
                      description: "torchvision's MaxViT-T head after pooling is LayerNorm(512) (1,024) + Linear(512, 512) (262,656) + Tanh + Linear(512, C, bias=False) (512 C) = 263,680 + 512 C: 269,824 / 267,776 / 265,216 / 264,704 for C = 12 / 8 / 3 / 2. The published 269,836 / 267,784 / 265,219 / 264,706 are each C larger: 263,680 + 513 C, a last layer with a bias.",
                      resolution: "qreport builds torchvision 0.28's MaxViT-T (bias-free last layer) and prints both counts with the difference of C."),
        Inconsistency(id: "aot-resnet-q-parameters", location: "Table 3, AOT ResNet-18_q (41) vs Table 2 and section 2.4",
                      description: "With Table 2's Ansatz 1, D = 1 the circuit has 15 weights and Linear(15, 2) has 32: 47. 15 D + 32 = 41 has no integer D; without biases 15 D + 30 = 41 has none either, nor has Ansatz 2 (30 D + 32) or a single output (15 D + 16). No described layer list gives 41.",
                      resolution: "qreport builds Ansatz 1, D = 1 with Linear(15, 2) (47) and prints 47 next to 41."),
        Inconsistency(id: "maxvit-q-heads-differ", location: "Table 4, MaxViT-T_q rows vs section 2.4",
                      description: "The published MaxViT-T_q counts imply three different classifiers: 14,363 = 15 + (15 x 512 + 512) + (512 x 12 + 12) and 12,311 = 15 + 8,192 + (512 x 8 + 8) (a hidden layer of 512, as MaxViT's own head); BUSI's 63 = 15 + 15 x 3 + 3 (one Linear, the same count as ResNet-18_q); AOT's 107 = 45 + 30 + 32 (Table 2's D = 3, a LayerNorm(15) and one Linear) or 75 + 32 (D = 5 and one Linear, against Table 2). Section 2.4 says the parts other than the pooling 'remain the same'.",
                      resolution: "qreport builds the per-dataset classifiers that reproduce every published MaxViT-T_q count with Table 2's ansatz and D (assumption 'maxvit-q-classifier')."),
        Inconsistency(id: "parameter-formula-biases", location: "Section 2.4 vs Tables 3-4",
                      description: "Section 2.4 counts the classifier parameters for 10 classes as 15 x 10 (AE-VQC) and 512 x 10 = 5,120 (ResNet-18), without biases; every count of Tables 3-4 includes the C biases (ResNet-18 on Croatian Fish: 6,156 = 512 x 12 + 12).",
                      resolution: "qreport compares with the tables, counting biases."),
    ]

    public static let paper = Paper(
        id: "ae-vqc",
        title: "A Novel Image Classification Framework Based on Variational Quantum Algorithms",
        citation: "Y. Chen, Quantum Inf. Process. (2024), doi:10.1007/s11128-024-04566-9, arXiv:2312.07932",
        experiments: [croatianFish, fgvcAircraft, busi, applesOrTomatoes],
        notReproduced: [
            "Training-time randomness draw by draw: weight initialisation, batch order and MaxViT-T's stochastic depth come from qreport's seeded streams, not PyTorch's generator, so a run matches a PyTorch run of the same configuration in distribution only. The four backbone/head models themselves are checked against torchvision 0.28 on torch 2.13 (outputs, every gradient and BatchNorm statistic within 1e-4 relative of torch's float64 pass).",
        ],
        assumptions: assumptions,
        inconsistencies: inconsistencies)

    /// The AE-VQC architecture of `model` in `experiment`, or nil for a model of another paper.
    public static func architecture(of model: ModelSpec) -> AEVQCArchitecture? {
        if case let .aeVQC(architecture) = model.architecture { return architecture }
        return nil
    }

    /// Class count of each dataset, as section 3.1 gives it (the Params* arithmetic needs it without the data).
    public static func classes(of dataset: String) -> Int? {
        setups.first { $0.id == dataset }?.classes
    }
}
