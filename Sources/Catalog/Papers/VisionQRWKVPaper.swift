/// Chen 2025, "Vision-QRWKV: exploring quantum-enhanced RWKV models for image classification".
public enum VisionQRWKVPaper {
    /// One of the 14 datasets as the authors' scripts load it (research notes section 1.8).
    public struct Dataset: Hashable, Sendable {
        /// Registry name, as in `fixtures/published/vision-qrwkv.csv`.
        public var id: String
        /// Name as Table 1 prints it.
        public var name: String
        /// Channels of the tokens (TissueMNIST: 3, loaded with as_rgb=True).
        public var channels: Int
        public var classes: Int
        /// `transforms.Normalize(mean, std)` of the script, per channel, applied after ToTensor.
        public var mean: [Double]
        public var std: [Double]
        /// Images in the training and test splits (MedMNIST v2 2D; MNIST and FashionMNIST 60k / 10k).
        public var trainCount: Int
        public var testCount: Int
        /// ChestMNIST: 14 binary labels.
        public var multiLabel: Bool
    }

    /// The datasets in Table 1's order (the paper's; the code repository's README lists them in another order).
    public static let datasets: [Dataset] = [
        Dataset(id: "mnist", name: "MNIST", channels: 1, classes: 10, mean: [0.1307], std: [0.3081],
                trainCount: 60_000, testCount: 10_000, multiLabel: false),
        Dataset(id: "bloodmnist", name: "BloodMNIST", channels: 3, classes: 8, mean: [0.7327, 0.5633, 0.7016],
                std: [0.1937, 0.2087, 0.1648], trainCount: 11_959, testCount: 3_421, multiLabel: false),
        Dataset(id: "fashion-mnist", name: "FashionMNIST", channels: 1, classes: 10, mean: [0.2860], std: [0.3530],
                trainCount: 60_000, testCount: 10_000, multiLabel: false),
        Dataset(id: "pneumoniamnist", name: "PneumoniaMNIST", channels: 1, classes: 2, mean: [0.4798], std: [0.2405],
                trainCount: 4_708, testCount: 624, multiLabel: false),
        Dataset(id: "breastmnist", name: "BreastMNIST", channels: 1, classes: 2, mean: [0.2124], std: [0.1709],
                trainCount: 546, testCount: 156, multiLabel: false),
        Dataset(id: "chestmnist", name: "ChestMNIST", channels: 1, classes: 14, mean: [0.5098], std: [0.2493],
                trainCount: 78_468, testCount: 22_433, multiLabel: true),
        Dataset(id: "organamnist", name: "OrganAMNIST", channels: 1, classes: 11, mean: [0.2606], std: [0.2538],
                trainCount: 34_561, testCount: 17_778, multiLabel: false),
        Dataset(id: "organcmnist", name: "OrganCMNIST", channels: 1, classes: 11, mean: [0.2981], std: [0.2642],
                trainCount: 12_975, testCount: 8_216, multiLabel: false),
        Dataset(id: "dermamnist", name: "DermaMNIST", channels: 3, classes: 7, mean: [0.7630, 0.5435, 0.5704],
                std: [0.1407, 0.1531, 0.1682], trainCount: 7_007, testCount: 2_005, multiLabel: false),
        Dataset(id: "pathmnist", name: "PathMNIST", channels: 3, classes: 9, mean: [0.7024, 0.5462, 0.6964],
                std: [0.2388, 0.2820, 0.2157], trainCount: 89_996, testCount: 7_180, multiLabel: false),
        Dataset(id: "organsmnist", name: "OrganSMNIST", channels: 1, classes: 11, mean: [0.2396], std: [0.2610],
                trainCount: 13_932, testCount: 8_827, multiLabel: false),
        Dataset(id: "octmnist", name: "OCTMNIST", channels: 1, classes: 4, mean: [0.3788], std: [0.2601],
                trainCount: 97_477, testCount: 1_000, multiLabel: false),
        Dataset(id: "tissuemnist", name: "TissueMNIST", channels: 3, classes: 8, mean: [0.6837, 0.5113, 0.6431],
                std: [0.2404, 0.2612, 0.2229], trainCount: 165_466, testCount: 47_280, multiLabel: false),
        Dataset(id: "retinamnist", name: "RetinaMNIST", channels: 3, classes: 5, mean: [0.3698, 0.2242, 0.1048],
                std: [0.2991, 0.1930, 0.1149], trainCount: 1_080, testCount: 400, multiLabel: false),
    ]

    /// Table 1's "Quantum Better?" column, as published.
    static let publishedQuantumBetter: [String: String] = [
        "bloodmnist": "Yes", "tissuemnist": "Yes", "octmnist": "Yes", "pathmnist": "No", "chestmnist": "Yes",
        "organamnist": "No", "organsmnist": "No", "organcmnist": "No", "dermamnist": "Equal", "pneumoniamnist": "Yes",
        "retinamnist": "Yes", "breastmnist": "Equal", "fashion-mnist": "Yes", "mnist": "No",
    ]

    /// Names for RetinaMNIST's classes, which the MedMNIST files give as bare indices: the five diabetic
    /// retinopathy severity grades (International Clinical DR scale) of DeepDRiD, RetinaMNIST's source.
    static let retinaGrades = ["0: no DR", "1: mild", "2: moderate", "3: severe", "4: proliferative"]

    /// Trainable parameters of the authors' code (n_embd 64, 2 blocks, 8 qubits, depth 1) for `dataset`, per model
    /// id: classical weights plus circuit weights. The research notes (section 1.7) count 108,800 (classical) and
    /// 119,056 (quantum: 119,040 + 16 circuit weights) for MNIST, whose input projection Linear(1, 64) with bias has
    /// 128 weights and head Linear(64, 10) without bias 640; the rest does not depend on the dataset:
    /// 108,800 − 768 = 108,032 and 119,040 − 768 = 118,272 classical weights, and 2 blocks × 8 circuit weights.
    public static func codeParameterCounts(_ dataset: Dataset) -> [String: (classical: Int, circuit: Int)] {
        let ends = 64 * (dataset.channels + 1) + 64 * dataset.classes
        return ["classical-rwkv": (108_032 + ends, 0), "quantum-rwkv": (118_272 + ends, 16)]
    }

    /// The classical and quantum RWKV for `dataset`; `paperText` selects the paper-text configuration.
    public static func models(for dataset: Dataset, paperText: Bool = false) -> [ModelSpec] {
        let size = paperText
            ? "n_embd 768, 4 blocks, hidden 3072, ReLU FFN (equations 1 and 4, no mu, no fusion)"
            : "n_embd 64, 2 blocks, hidden 256"
        let tokens = "64 tokens of \(dataset.channels) value\(dataset.channels == 1 ? "" : "s") (pixels, raster order) -> Linear(\(dataset.channels), C) with bias"
        let head = "ln_f -> Linear(C, \(dataset.classes), no bias) on the last token"
        let circuit = paperText
            ? "4-qubit VQC (RX angle embedding, 2 BasicEntanglerLayers: RX + CNOT ring, <Z>)"
            : "8-qubit VQC (RX angle embedding of W_in xk, 1 BasicEntanglerLayers: RX + CNOT ring, <Z>)"
        return [
            ModelSpec(id: "classical-rwkv", name: "Classical RWKV",
                      architecture: .visionQRWKV(inputChannels: dataset.channels, quantum: false, paperText: paperText),
                      summary: "\(tokens) -> RWKV blocks (\(size); WKV time mixing without token shift; "
                          + (paperText ? "sigmoid(W_r x) * W2 ReLU(W1 x)" : "sigmoid(W_r xr) * W_v relu(W_k xk)^2")
                          + ") -> \(head)"),
            ModelSpec(id: "quantum-rwkv", name: "Quantum RWKV",
                      architecture: .visionQRWKV(inputChannels: dataset.channels, quantum: true, paperText: paperText),
                      kernelTensor: nil,
                      summary: "\(tokens) -> RWKV blocks (\(size); WKV time mixing; "
                          + (paperText ? "sigmoid(W_r x) * (W2 ReLU(W1 x) + W_o VQC(W_q x))"
                                       : "sigmoid(W_r xr) * W_f(W2 GELU(W1 xk) + W_out VQC(W_in xk))")
                          + ", \(circuit)) -> \(head)"),
        ]
    }

    /// The script's `transforms.Normalize(mean, std)` for `dataset`.
    public static func normalization(_ dataset: Dataset) -> ChannelNormalization {
        ChannelNormalization(mean: dataset.mean, std: dataset.std,
                             source: "hard-coded in the authors' test_*_\(dataset.id.replacingOccurrences(of: "-", with: "")).py")
    }

    /// The experiment on one dataset: both models, the code's protocol, three scales. ChestMNIST
    /// gets the authors' multi-label handling (`MultiLabelObjective.argmaxCrossEntropy`), which is
    /// what Table 1 reports; `chestMultiLabelExperiment` re-runs it with a correct protocol.
    public static func experiment(_ dataset: Dataset, paperText: Bool = false) -> Experiment {
        let comparisons = ["classical-rwkv", "quantum-rwkv"].map {
            Comparison(table: "table1", dataset: dataset.id, model: $0, metric: .testAccuracy,
                       publishedSpreadMetric: nil, publishedSeeds: 1)
        }
        let published = publishedQuantumBetter[dataset.id] ?? "Equal"
        let claim: Claim
        switch published {
        case "Yes":
            claim = Claim(text: "Quantum RWKV is better than classical RWKV on \(dataset.name) (Table 1: 'Yes')",
                          model: "quantum-rwkv", baseline: "classical-rwkv", relation: .better, metric: .testAccuracy)
        case "No":
            claim = Claim(text: "Classical RWKV is better than quantum RWKV on \(dataset.name) (Table 1: 'No')",
                          model: "classical-rwkv", baseline: "quantum-rwkv", relation: .better, metric: .testAccuracy)
        default:
            claim = Claim(text: "Quantum and classical RWKV are equal on \(dataset.name) (Table 1: 'Equal')",
                          model: "quantum-rwkv", baseline: "classical-rwkv", relation: .comparable, metric: .testAccuracy)
        }
        return Experiment(
            id: paperText ? "\(dataset.id)-paper-text" : dataset.id,
            title: "Classical vs quantum RWKV on \(dataset.name) at 8x8\(paperText ? " (paper-text configuration)" : "")",
            source: "Table 1\(dataset.multiLabel ? " (authors' multi-label protocol)" : "")",
            dataset: dataset.id,
            models: models(for: dataset, paperText: paperText),
            training: TrainingProtocol(imageSize: 8, batchSize: 64, optimizer: paperText ? "adam" : "adamw",
                                       learningRate: 1e-3, quantumInit: "uniform[0, 2pi)",
                                       normalization: normalization(dataset),
                                       multiLabel: dataset.multiLabel ? .argmaxCrossEntropy : nil),
            scales: [
                ScaleProtocol(scale: .paper, trainCount: dataset.trainCount, testCount: dataset.testCount,
                              epochs: 30, seeds: [0, 1, 2]),
                ScaleProtocol(scale: .reduced, trainCount: min(dataset.trainCount, 10_000),
                              testCount: min(dataset.testCount, 2_000), epochs: 5, seeds: [0, 1, 2]),
                ScaleProtocol(scale: .smoke, trainCount: min(dataset.trainCount, 256),
                              testCount: min(dataset.testCount, 128), epochs: 1, seeds: [0]),
            ],
            comparisons: comparisons,
            claims: [claim],
            classLabels: dataset.id == "retinamnist" ? retinaGrades : nil,
            referenceParameters: paperText ? nil : codeParameterCounts(dataset).mapValues { $0.classical + $0.circuit })
    }

    /// ChestMNIST under a correct multi-label protocol, beside the authors' (`chestmnist`): the same
    /// models, data and optimiser, trained with BCE-with-logits on all 14 labels and scored by the
    /// mean AUC over labels and each label's accuracy. It has no published number to compare with.
    /// The authors' protocol is invalid because its cross-entropy target is the argmax of the
    /// multi-hot label (the first finding, or finding 0 for the images with none), so the model is
    /// never asked for the other findings, and its "accuracy" is element-wise over 14 mostly-absent
    /// labels, which a model that predicts every finding absent already scores highly.
    public static let chestMultiLabelExperiment: Experiment = {
        let chest = datasets.first { $0.multiLabel }!
        var multiLabel = experiment(chest)
        multiLabel.id = "\(chest.id)-multilabel"
        multiLabel.title = "Classical vs quantum RWKV on \(chest.name) at 8x8, BCE, mean AUC"
        // Why it is qreport's addition is in the report's ChestMNIST section; the source stays short for the contents.
        multiLabel.source = "Multi-label re-run"
        multiLabel.training.multiLabel = .binaryCrossEntropy
        multiLabel.comparisons = []
        multiLabel.claims = []
        return multiLabel
    }()

    /// Every experiment of the code configuration, in Table 1's order, the multi-label ChestMNIST
    /// protocol right after the authors' ChestMNIST row.
    public static let codeExperiments: [Experiment] = datasets.flatMap { dataset -> [Experiment] in
        dataset.multiLabel ? [experiment(dataset), chestMultiLabelExperiment] : [experiment(dataset)]
    }

    /// The paper-text configuration (`--variant paper-text`) of every Table 1 experiment (the extra
    /// multi-label ChestMNIST protocol is run in the code configuration only).
    public static let paperTextExperiments: [Experiment] = datasets.map { experiment($0, paperText: true) }

    /// The variants `qreport build --variant` accepts, by name: the paper with the variant's experiments.
    public static let variants: [String: Paper] = {
        var paperText = paper
        paperText.title += " (paper-text configuration: n_embd 768, 4 blocks, 4 qubits, depth 2, Adam)"
        paperText.experiments = paperTextExperiments
        paperText.notReproduced = [
            "The configuration of the authors' code (n_embd 64, 2 blocks, 8 qubits, depth 1, AdamW), which produced the published numbers: it is the default build (qreport build --paper vision-qrwkv).",
        ]
        return ["paper-text": paperText]
    }()

    /// Section 5.1's "outperforms the classical variant on 8 out of 14 datasets".
    public static let quantumBetterCount = CountClaim(
        text: "The QuantumRWKV model outperforms the classical variant on 8 out of 14 datasets",
        source: "Section 5.1", table: "table1", model: "quantum-rwkv", baseline: "classical-rwkv", metric: .testAccuracy,
        claimed: 8, outOf: 14, verdictMetric: "quantum_better")

    public static let paper = Paper(
        id: "vision-qrwkv",
        title: "Vision-QRWKV: Exploring Quantum-Enhanced RWKV Models for Image Classification",
        citation: "C.-S. Chen, arXiv:2506.06633 (2025); code: github.com/ChiShengChen/Vision_QRWKV",
        experiments: codeExperiments,
        notReproduced: [
            "The configuration the paper's text describes (n_embd 768, 4 blocks, 4 qubits, circuit depth 2, Adam): this report runs the authors' code's configuration (n_embd 64, 2 blocks, 8 qubits, depth 1, AdamW), which produced the published numbers; the text's configuration is a separate build (qreport build --paper vision-qrwkv --variant paper-text).",
        ],
        assumptions: [
            Assumption(id: "protocol-code", topic: "Which protocol",
                       choice: "The authors' code: n_embd 64, 2 blocks, 8 qubits, depth 1, AdamW (lr 1e-3, weight decay 0.01, betas 0.9/0.999, eps 1e-8), batch 64, 30 epochs, cross-entropy, no scheduler.",
                       reason: "The code produced the published numbers (its summary CSVs record these settings); the paper text differs (see the discrepancy table), and its configuration is offered as --variant paper-text."),
            Assumption(id: "seeds", topic: "Seeds and what is reported",
                       choice: "Seeds 0, 1, 2 per dataset and model, each drawing its own initial weights and batch order; the final-epoch test accuracy (the paper's number) and the best epoch's, mean and sample standard deviation over seeds.",
                       reason: "The code sets no seed and reports one run's last epoch; the text claims 3 seeds."),
            Assumption(id: "resize", topic: "28x28 -> 8x8",
                       choice: "Pillow's bilinear resize with antialiasing on the uint8 image, then ToTensor's /255, then the script's per-channel Normalize(mean, std).",
                       reason: "transforms.Resize((8, 8)) on a PIL image calls Pillow's bilinear filter (antialiased); the constants are hard-coded per script."),
            Assumption(id: "splits", topic: "Training and test splits",
                       choice: "MedMNIST: the official train split for training and the test split for evaluation (val unused); MNIST and FashionMNIST: the standard 60,000 / 10,000.",
                       reason: "As the scripts do."),
            Assumption(id: "tokens", topic: "Image to tokens",
                       choice: "64 tokens in raster order (row 0 left to right, then row 1, ...), each one pixel's channel values; Linear(channels, 64) with bias; no positional embedding.",
                       reason: "The scripts' data.view(B, -1, 1) and permute(0, 2, 3, 1).view(B, -1, 3)."),
            Assumption(id: "init", topic: "Initial weights",
                       choice: "PyTorch defaults for Linear (kaiming-uniform a = sqrt 5) and LayerNorm (1, 0); time_decay = -5 + 8 (i/63)^0.7, time_first = -3, mu = i/63 (the code's); circuit weights U[0, 2pi) (TorchLayer's default).",
                       reason: "As in the code; nothing overrides them."),
            Assumption(id: "circuit-gradients", topic: "Circuit simulation and gradients",
                       choice: "State vector in complex double, all tokens of a batch in one batched call; adjoint differentiation; outputs cast to float32 as TorchLayer does.",
                       reason: "default.qubit with backprop gives the same exact gradient; adjoint is cheaper."),
            Assumption(id: "eval-batch", topic: "Evaluation batch",
                       choice: "The whole test set evaluated after every epoch; the batch size (1000 in the code) does not change the result, as the model has no batch-dependent layer.",
                       reason: "No BatchNorm or dropout anywhere in either model."),
            Assumption(id: "chestmnist", topic: "ChestMNIST (multi-label)",
                       choice: "Two protocols side by side: the authors' (cross-entropy on the argmax of the 14-bit label, i.e. the first positive label or class 0 when none; reported metric the element-wise binary accuracy of sigmoid(logits) > 0.5) and a correct multi-label one (BCE-with-logits on the 14 labels; mean AUC and per-label accuracy).",
                       reason: "The authors' protocol is what Table 1 reports, but it is invalid: argmax collapses a multi-hot label to one class and the element-wise accuracy of a mostly-negative label matrix is high for any model that predicts 'no finding'."),
            Assumption(id: "chestmnist-metrics", topic: "ChestMNIST metrics",
                       choice: "Decisions sigmoid(logit) > 0.5 in float32 (as the authors' script); element-wise accuracy over all N x 14 decisions (the run's test accuracy under both protocols); per-label accuracy; per-label ROC AUC of the logits (Mann-Whitney, ties count one half) and their mean over labels with both classes in the test set; the all-absent baseline (mean of 1 - prevalence) printed beside them. The confusion matrix is of the first positive label against the arg-max logit.",
                       reason: "The authors report only the element-wise accuracy; AUC is MedMNIST's own multi-label metric and does not depend on a threshold."),
            Assumption(id: "normalisation", topic: "Input normalisation",
                       choice: "Each dataset's Normalize(mean, std) constants as hard-coded in the authors' test script, applied per channel in float32 after ToTensor.",
                       reason: "The scripts' constants, not the datasets' statistics; they are part of the published protocol."),
            Assumption(id: "claim-rule", topic: "'Quantum better' verdicts",
                       choice: "By the paper's rule (difference of the final-epoch accuracies, here of the seed means) and by a paired test over seeds; the aggregate '8 of 14' claim is checked against both.",
                       reason: "The published column decides on single-run differences that are often below one point."),
        ],
        // Paper text vs the authors' code (which produced the published numbers); qreport follows the code.
        inconsistencies: [
            Inconsistency(id: "size", location: "Section 4.2 vs every test script",
                          description: "The text gives n_embd 768, 4 RWKV blocks and batch normalization; every script overrides the defaults with n_embd 64 and 2 blocks, and the code has no batch normalization.",
                          resolution: "The code's 64 / 2 (offered as the default variant; the text's as --variant paper-text)."),
            Inconsistency(id: "vqc-size", location: "Sections 4.2 and 4.4 vs the quantum scripts",
                          description: "The text gives a 4-qubit, depth-2 circuit; every run used 8 qubits and depth 1.",
                          resolution: "The code's 8 qubits, depth 1."),
            Inconsistency(id: "entangler", location: "Sections 3.2 and 4.4 ('CNOT ladder') vs quantum_rwkv.py",
                          description: "The code uses BasicEntanglerLayers: trainable RX then a CNOT ring including CNOT(n-1, 0), not a ladder.",
                          resolution: "The code's ring."),
            Inconsistency(id: "channel-mix", location: "Section 3.2 vs quantum_rwkv.py",
                          description: "The text has sigma(r)(W2 ReLU(W1 x) + Wo z); the code has sigma(W_r xr) W_f(W2 GELU(W1 xk) + W_out z), with an extra fusion matrix W_f, GELU, and mu-scaled inputs.",
                          resolution: "The code's form."),
            Inconsistency(id: "optimiser", location: "Sections 4.3 and 4.4 vs the test scripts",
                          description: "The text says Adam; the scripts use AdamW (weight decay 0.01).",
                          resolution: "AdamW, lr 1e-3, weight decay 0.01."),
            Inconsistency(id: "seeds", location: "Section 4.3 vs the test scripts and result folders",
                          description: "The text reports 3 seeds; the code sets no seed and each published number is one run's last-epoch accuracy.",
                          resolution: "qreport runs 3 seeds and reports the final and the best epoch, mean ± std."),
            Inconsistency(id: "chestmnist", location: "Table 1, ChestMNIST",
                          description: "ChestMNIST is multi-label, but the code trains cross-entropy on the argmax of the multi-hot label and reports element-wise binary accuracy.",
                          resolution: "Both the authors' protocol and a correct multi-label one (BCE, mean AUC), side by side."),
            Inconsistency(id: "quantum-better-count", location: "Section 5.1 vs Table 1",
                          description: "The text says the quantum model is better on 8 of 14 datasets; Table 1's 'quantum better?' column says Yes 7 times (2 Equal, 5 No).",
                          resolution: "Checked against our seeds by the paper's rule and by a paired test."),
            Inconsistency(id: "embedding-scale", location: "Section 3.2 vs quantum_rwkv.py",
                          description: "The angle embedding feeds RX the raw linear projection: no tanh, no pi scaling.",
                          resolution: "The code's raw projection."),
            Inconsistency(id: "token-shift", location: "Section 3.1 (RWKV time and channel mixing) vs rwkv.py / quantum_rwkv.py",
                          description: "The code applies no token shift: time mixing creates time_mix_k/v/r but never uses them, and channel mixing mixes x with a zero state, which reduces to the per-channel scales mu_k, mu_r.",
                          resolution: "The code's forward (the unused parameters are kept, so the parameter counts match, and get no gradient)."),
            Inconsistency(id: "head", location: "Section 3.3 ('global average pooling or classification head') vs the code",
                          description: "The code applies ln_f and a bias-free Linear head and keeps only the last token's logits; there is no pooling.",
                          resolution: "The code's last-token head."),
            Inconsistency(id: "equation-5", location: "Equation (5) vs the code's block",
                          description: "Equation (5) adds TimeMix and QuantumMix to the same input; the code is a standard pre-LN block, x = x + TM(LN1(x)) then x = x + CM(LN2(x)).",
                          resolution: "The code's block."),
            Inconsistency(id: "batch-normalization", location: "Section 4.2 vs the code",
                          description: "The text mentions batch normalization; neither model has any (only LayerNorm).",
                          resolution: "No batch normalization, in both variants."),
            Inconsistency(id: "tissuemnist-channels", location: "test_*_tissuemnist.py",
                          description: "TissueMNIST is greyscale, but the scripts load it with as_rgb=True and RGB normalisation constants: each token is the grey value repeated 3 times, normalised per channel.",
                          resolution: "The code's 3-channel tokens."),
        ],
        countClaims: [quantumBetterCount])
}
