/// Senokosov et al. 2024, "Quantum machine learning for image classification".
public enum HQNNPaper {
    public static let quanvModels: [ModelSpec] = [
        ModelSpec(id: "hqnn-quanv", name: "HQNN-Quanv", architecture: .hqnnQuanv, kernelTensor: "quanv.weights",
                  summary: "2x2 quanvolution (4 qubits, RY(pi x) embedding, 4 trainable rotations, 3 CNOTs, <Z> per wire) -> 4 x 7 x 7 -> Linear(196, 10)"),
        ModelSpec(id: "cnn4", name: "CNN4", architecture: .patchCNN(channels: 4), kernelTensor: "conv.weight",
                  summary: "Conv2d(1, 4, 2x2, stride 2) -> 4 x 7 x 7 -> Linear(196, 10)"),
        ModelSpec(id: "cnn1", name: "CNN1", architecture: .patchCNN(channels: 1), kernelTensor: "conv.weight",
                  summary: "Conv2d(1, 1, 2x2, stride 2) -> 1 x 7 x 7 -> Linear(49, 10)"),
    ]

    public static let quanv = Experiment(
        id: "quanv",
        title: "HQNN-Quanv vs CNN1 and CNN4 on 600 MNIST images at 14x14",
        source: "Fig. 8, section 2.3",
        dataset: "mnist",
        models: quanvModels,
        training: TrainingProtocol(imageSize: 14, batchSize: 32, optimizer: "adam", learningRate: 1e-3,
                                   quantumInit: "uniform[0, 2pi)"),
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 500, testCount: 100, epochs: 20, seeds: Array(0..<10)),
            ScaleProtocol(scale: .reduced, trainCount: 500, testCount: 100, epochs: 10, seeds: Array(0..<3)),
            ScaleProtocol(scale: .smoke, trainCount: 64, testCount: 32, epochs: 2, seeds: [0, 1]),
        ],
        comparisons: quanvModels.map {
            Comparison(table: "fig8", dataset: "mnist", model: $0.id, metric: .testAccuracy,
                       publishedSpreadMetric: "test_accuracy_std", publishedSeeds: 10, publishedTestImages: 100)
        } + quanvModels.map {
            Comparison(table: "fig8", dataset: "mnist", model: $0.id, metric: .kernelParameters,
                       publishedSpreadMetric: nil, publishedSeeds: 1)
        },
        claims: [
            Claim(text: "HQNN-Quanv reaches the accuracy of CNN4, which has four times as many kernel weights (67 ± 1 % vs 66 ± 2 %)",
                  model: "hqnn-quanv", baseline: "cnn4", relation: .comparable, metric: .testAccuracy),
            Claim(text: "HQNN-Quanv beats CNN1, which has as many kernel weights (67 ± 1 % vs 53 ± 2 %)",
                  model: "hqnn-quanv", baseline: "cnn1", relation: .better, metric: .testAccuracy),
        ])

    // MARK: HQNN-Parallel (section 2.2, Table 1, Figs 5-6)

    /// The four models of an HQNN-Parallel experiment: the paper's two and our two controls.
    static func parallelModels(inputChannels: Int, blocks: Int, imageSize: Int, classes: Int) -> [ModelSpec] {
        let channels = [16, 32, 64].prefix(blocks)
        let side = imageSize >> blocks
        let features = channels.last! * side * side
        let convolutions = "\(inputChannels) x \(imageSize)x\(imageSize) -> "
            + channels.map { "[Conv \($0) 5x5 pad 2, BN, ReLU, MaxPool 2]" }.joined(separator: " -> ")
            + " -> \(features) -> Linear(\(features), 20), BN, ReLU"
        let output = "BN, ReLU, Linear(20, \(classes))"
        return [
            ModelSpec(id: "hqnn-parallel", name: "HQNN-Parallel",
                      architecture: .hqnnParallel(inputChannels: inputChannels, blocks: blocks, circuits: 4, qubits: 5, layers: 3, entangling: true),
                      summary: "\(convolutions) -> 4 PQCs x 5 qubits (RX embedding, 3 strongly entangling layers, <Y> per wire) -> \(output)"),
            ModelSpec(id: "cnn", name: "CNN",
                      architecture: .hqnnParallelClassical(inputChannels: inputChannels, blocks: blocks, width: 20, rank: nil),
                      summary: "\(convolutions) -> Linear(20, 20) in place of the PQCs -> \(output)"),
            ModelSpec(id: "cnn-same-parameters", name: "CNN, same parameter count (ours)",
                      architecture: .hqnnParallelClassical(inputChannels: inputChannels, blocks: blocks, width: 20, rank: 4),
                      summary: "\(convolutions) -> Linear(20, 4, no bias), Linear(4, 20) (180 weights, as the PQCs) -> \(output)"),
            ModelSpec(id: "hqnn-parallel-no-cnot", name: "HQNN-Parallel without CNOTs (ours)",
                      architecture: .hqnnParallel(inputChannels: inputChannels, blocks: blocks, circuits: 4, qubits: 5, layers: 3, entangling: false),
                      summary: "\(convolutions) -> 4 PQCs x 5 qubits (RX embedding, the 15 Rot gates of 3 strongly entangling layers, no CNOT, <Y> per wire) -> \(output)"),
        ]
    }

    /// Table 1's four numbers for the paper's two models, and the figure's accuracy.
    /// `parameterNotes` explains, per model id, why our parameter count cannot be the published one.
    /// `publishedTestImages`: the size of the paper's test set where it is a different sample from ours.
    /// `table1AccuracyMisprinted`: Table 1's accuracies for this dataset are a misprint the figure corrects.
    static func parallelComparisons(dataset: String, figure: String, publishedTestImages: Int? = nil, table1AccuracyMisprinted: Bool = false,
                                    parameterNotes: [String: String] = [:]) -> [Comparison] {
        let table1 = ["cnn", "hqnn-parallel"].flatMap { model in
            [Metric.trainLoss, .testLoss, .testAccuracy, .parameters].map {
                Comparison(table: "table1", dataset: dataset, model: model, metric: $0, publishedSpreadMetric: nil, publishedSeeds: 1,
                           note: $0 == .parameters ? parameterNotes[model] : nil,
                           publishedTestImages: $0 == .testAccuracy ? publishedTestImages : nil,
                           foldedInto: $0 == .testAccuracy && table1AccuracyMisprinted ? figure : nil)
            }
        }
        return table1 + ["hqnn-parallel", "cnn"].map {
            Comparison(table: figure, dataset: dataset, model: $0, metric: .testAccuracy, publishedSpreadMetric: nil, publishedSeeds: 1,
                       publishedTestImages: publishedTestImages)
        }
    }

    static let parallelTraining = TrainingProtocol(imageSize: 28, batchSize: 64, optimizer: "adam", learningRate: 1e-3,
                                                   quantumInit: "uniform[0, 2pi)")

    public static let parallelMNIST = Experiment(
        id: "parallel-mnist",
        title: "HQNN-Parallel vs CNN on MNIST",
        source: "Table 1, Fig. 5, section 2.2",
        dataset: "mnist",
        models: parallelModels(inputChannels: 1, blocks: 2, imageSize: 28, classes: 10),
        training: parallelTraining,
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 60000, testCount: 10000, epochs: 10, seeds: [0, 1, 2]),
            ScaleProtocol(scale: .reduced, trainCount: 10000, testCount: 2000, epochs: 3, seeds: [0, 1]),
            ScaleProtocol(scale: .smoke, trainCount: 128, testCount: 64, epochs: 1, seeds: [0]),
        ],
        comparisons: parallelComparisons(dataset: "mnist", figure: "fig5", parameterNotes: [
            "cnn": "The CNN the text describes (the 4 PQCs replaced by a dense layer of n = 20 neurons) has 45,434 parameters; 372,234 needs hidden widths the paper does not describe (inconsistency 'Table 1 and Fig. 5 caption vs section 2.2.4').",
        ]),
        claims: [
            Claim(text: "HQNN-Parallel beats the CNN on MNIST (99.21 % vs 98.71 % test accuracy)",
                  model: "hqnn-parallel", baseline: "cnn", relation: .better, metric: .testAccuracy),
            Claim(text: "HQNN-Parallel has about 8 times fewer parameters than the CNN on MNIST (45,194 vs 372,234)",
                  model: "hqnn-parallel", baseline: "cnn", relation: .fewer(factor: 8), metric: .parameters,
                  note: "The CNN the paper describes (the PQCs replaced by Linear(20, 20)) has only 240 more weights than HQNN-Parallel; the published 372,234 belongs to no architecture the text describes, so the ratio cannot be reproduced."),
        ])

    public static let parallelMedicalMNIST = Experiment(
        id: "parallel-medical-mnist",
        title: "HQNN-Parallel vs CNN on Medical MNIST",
        source: "Table 1, Fig. 6(a-b), section 2.2.4",
        dataset: "medical-mnist",
        models: parallelModels(inputChannels: 3, blocks: 2, imageSize: 64, classes: 6),
        training: TrainingProtocol(imageSize: 64, batchSize: 64, optimizer: "adam", learningRate: 1e-3, quantumInit: "uniform[0, 2pi)"),
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 47163, testCount: 11791, epochs: 5, seeds: [0, 1, 2]),
            ScaleProtocol(scale: .reduced, trainCount: 6000, testCount: 1500, epochs: 2, seeds: [0, 1]),
            ScaleProtocol(scale: .smoke, trainCount: 64, testCount: 32, epochs: 1, seeds: [0]),
        ],
        // The paper's 80/20 split has no seed: its 11,791 test images are another sample than ours.
        comparisons: parallelComparisons(dataset: "medical-mnist", figure: "fig6", publishedTestImages: 11_791, table1AccuracyMisprinted: true, parameterNotes: [
            "hqnn-parallel": "The described conv blocks end in 1568 features only for 28x28 inputs; at the 64x64 images used here fc1 reads 16,384 features (178,390 in all), and no input size gives 247,462 (assumption 'Medical MNIST preprocessing and split').",
            "cnn": "As for HQNN-Parallel (178,630 at 64x64); besides, Table 1's CNN has 180 more weights than its HQNN where replacing the PQCs by Linear(20, 20) adds 240.",
        ]),
        claims: [
            Claim(text: "HQNN-Parallel slightly outperforms the CNN on Medical MNIST (99.97 % vs 99.96 %, text and Fig. 6)",
                  model: "hqnn-parallel", baseline: "cnn", relation: .better, metric: .testAccuracy),
        ])

    public static let parallelCIFAR10 = Experiment(
        id: "parallel-cifar-10",
        title: "HQNN-Parallel vs CNN on CIFAR-10",
        source: "Table 1, Fig. 6(c-d), section 2.2.4",
        dataset: "cifar-10",
        models: parallelModels(inputChannels: 3, blocks: 3, imageSize: 32, classes: 10),
        training: TrainingProtocol(imageSize: 32, batchSize: 64, optimizer: "adam", learningRate: 1e-3, quantumInit: "uniform[0, 2pi)"),
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 50000, testCount: 10000, epochs: 10, seeds: [0, 1, 2]),
            ScaleProtocol(scale: .reduced, trainCount: 10000, testCount: 2000, epochs: 3, seeds: [0, 1]),
            ScaleProtocol(scale: .smoke, trainCount: 128, testCount: 64, epochs: 1, seeds: [0]),
        ],
        comparisons: parallelComparisons(dataset: "cifar-10", figure: "fig6", parameterNotes: [
            "hqnn-parallel": "The paper does not give the third block; none of the widths and kernels we tried reaches 81,578; ours (16/32/64 channels) has 86,506 (assumption 'CIFAR-10's third convolution block').",
            "cnn": "As for HQNN-Parallel (ours 86,746); Table 1's CNN has 120 more weights than its HQNN where replacing the PQCs by Linear(20, 20) adds 240.",
        ]),
        claims: [
            Claim(text: "HQNN-Parallel beats the CNN on CIFAR-10 (82.78 % vs 82.64 %, text and Fig. 6)",
                  model: "hqnn-parallel", baseline: "cnn", relation: .better, metric: .testAccuracy),
        ])

    static let parallelAssumptions: [Assumption] = [
        Assumption(id: "parallel-batchnorm", topic: "BatchNorm and ReLU around the quantum block",
                   choice: "fc1 -> BatchNorm1d(20) -> ReLU -> PQCs -> BatchNorm1d(20) -> ReLU -> fc2; no BatchNorm after fc2.",
                   reason: "Section 2.2.2 says BatchNorm and ReLU follow 'each classical dense layer'. Counting the MNIST model: conv1 416 + bn1 32 + conv2 12,832 + bn2 64 + fc1 31,380 + PQCs 180 + fc2 210 = 45,114; Table 1 says 45,194, 80 more = two BatchNorm1d(20). Of the architectures of this family that we enumerated (BatchNorm after fc1, after the PQCs and/or after fc2; 1 to 4 entangling layers), only this one and '4 entangling layers + BatchNorm1d(10) after fc2, none after fc1' give 45,194; the paper says 3 layers."),
        Assumption(id: "parallel-input-scaling", topic: "Scaling of the features before the RX embedding",
                   choice: "None: the rotation angle is the BatchNorm + ReLU output itself.",
                   reason: "Section 2.2.3 says only 'an angle proportional to the corresponding value'; a third-party re-implementation (tommikulevich/hqccnn-research) uses tanh(x) pi/2, which the paper does not mention."),
        Assumption(id: "parallel-circuit", topic: "The PQC",
                   choice: "PennyLane AngleEmbedding(rotation X) on 5 wires, StronglyEntanglingLayers with weights (3, 5, 3), default ranges 1, 2, 3 and CNOT, <Y> on every wire; 4 such circuits with their own weights, circuit k reading features 5k..5k+4 of fc1's 20.",
                   reason: "Sections 2.2.3-2.2.4: 'a quantum layer with 5 qubits and 3 repetitions of the strongly entangling layers', 'the number of quantum layers is equal to 4', Pauli-Y measurement; the split into consecutive chunks is the natural reading of 'divided into c parts'."),
        Assumption(id: "parallel-cnn", topic: "The classical CNN",
                   choice: "The same network with the 4 PQCs replaced by Linear(20, 20) with bias (followed, like the PQCs, by BatchNorm and ReLU): 45,434 parameters on MNIST.",
                   reason: "Section 2.2.4: 'the quantum part was replaced with a classical dense layer containing n neurons'. Table 1's 372,234 is not reached with n = 20 by any choice of BatchNorms and biases; only other hidden widths reach it (for example Linear(1568, 216) -> Linear(216, 88) -> Linear(88, 10) without BatchNorm), which the text does not describe (see the inconsistencies)."),
        Assumption(id: "parallel-control-same-parameters", topic: "Our control: a classical network with HQNN-Parallel's parameter count",
                   choice: "The PQCs replaced by Linear(20, 4, no bias) -> Linear(4, 20): 80 + 80 + 20 = 180 weights, exactly the PQCs' 4 x 45, so the whole network has HQNN-Parallel's count (45,194 on MNIST).",
                   reason: "The paper's CNN has more weights in that block (420 vs 180); a rank-4 bottleneck keeps the width 20 on both sides and matches the count exactly, so any accuracy gap is not a parameter-count effect. Labelled as ours in the report."),
        Assumption(id: "parallel-control-no-cnot", topic: "Our control: HQNN-Parallel without entanglement",
                   choice: "The same circuits with the 15 CNOTs removed (RX embedding, the 15 Rot gates, <Y>): each qubit evolves on its own.",
                   reason: "Tests whether entanglement contributes to the accuracy; the paper has no such ablation. Labelled as ours in the report."),
        Assumption(id: "parallel-training", topic: "Optimiser, learning rate, batch size, loss",
                   choice: "Adam, learning rate 0.001, no weight decay, batches of 64 from a training set reshuffled every epoch, cross-entropy on the logits of fc2.",
                   reason: "The paper names only the cross-entropy loss and PyTorch; Adam at PyTorch's default rate is the common choice (and the third-party re-implementation's), and 64 is its batch size."),
        Assumption(id: "parallel-epochs", topic: "Number of epochs",
                   choice: "10 epochs on MNIST and CIFAR-10, 5 on Medical MNIST (which reaches above 99 % within two).",
                   reason: "The paper does not give the number of epochs; Table 1 is read as the values after the last one."),
        Assumption(id: "parallel-seeds", topic: "Seeds",
                   choice: "3 seeds (0, 1, 2) per model, each drawing its own initial weights and batch order; mean and sample standard deviation over them.",
                   reason: "The paper reports one number per model and does not say how many runs it is from."),
        Assumption(id: "parallel-gradients", topic: "Circuit gradients",
                   choice: "Adjoint differentiation in double precision, all 4 circuits x batch simulated as one broadcast batch; outputs cast to float32 as TorchLayer does.",
                   reason: "The paper used the parameter-shift rule, which gives the same exact gradient; adjoint is cheaper on a simulator."),
        Assumption(id: "parallel-init", topic: "Initial weights",
                   choice: "Circuit weights uniform on [0, 2pi) (TorchLayer's default); classical layers PyTorch's defaults (kaiming-uniform a = sqrt 5, biases U(+-1/sqrt(fan_in))); BatchNorm weight 1, bias 0.",
                   reason: "The paper trained with PyTorch and PennyLane and mentions no other initialisation."),
        Assumption(id: "parallel-metrics", topic: "What Table 1's losses and accuracies are",
                   choice: "After the last epoch: train loss = mean cross-entropy over that epoch's batches (training mode); test loss and accuracy on the whole test set in evaluation mode (BatchNorm running statistics).",
                   reason: "The usual PyTorch train/eval loop; the paper does not say."),
        Assumption(id: "parallel-mnist-data", topic: "MNIST preprocessing",
                   choice: "The official 60,000 / 10,000 split, pixels / 255 in [0, 1], no normalisation or augmentation.",
                   reason: "Section 2.2.4: 'No preprocessing is applied, so the entire collection is used for training'."),
        Assumption(id: "parallel-medical-data", topic: "Medical MNIST preprocessing and split",
                   choice: "The 64x64 greyscale JPEGs repeated into 3 identical channels, pixels / 255; a seeded 80/20 partition (seed 2024) into 47,163 / 11,791; no random rotation, flip or resize.",
                   reason: "The paper uses 3 channels (torchvision's ImageFolder loads JPEGs as RGB) and the 47,163 / 11,791 sizes but gives no seed. Its 'random rotations of up to 10 degrees, random horizontal flips, and resizing to dimensions as large as 244x244' is not applied: the conv blocks it describes end in 1568 features only for 28x28 inputs, a 244x244 input would give 119,072 features and a fc1 of 2.4 million weights, far from the published 247,462, and no input size reproduces that count; at 64x64 the model has 178,390 parameters."),
        Assumption(id: "parallel-cifar-architecture", topic: "CIFAR-10's third convolution block",
                   choice: "Conv 32 -> 64, 5x5, pad 2, BatchNorm, ReLU, MaxPool 2 (channels doubling as in the first two blocks): 32x32 -> 4x4x64 = 1024 features; 86,506 parameters.",
                   reason: "The paper says only that CIFAR-10 uses three convolutions. Its 81,578 (HQNN) and 81,698 (CNN) are reached by no block widths we tried (16/32/32, 16/32/64, 32/64/128, 3x3 or 5x5 kernels, with or without biases and BatchNorm)."),
        Assumption(id: "parallel-medical-classes", topic: "Output layer on Medical MNIST",
                   choice: "fc2 = Linear(20, 6): one output per class.",
                   reason: "Section 2.2.4: 'the neuron count in the output layer was adjusted in line with the respective number of classification classes'."),
    ]

    static let parallelInconsistencies: [Inconsistency] = [
        Inconsistency(id: "fourier-correlation-determinant", location: "Appendix A.2",
                      description: "'The determinant of the correlation matrix of all values was equal to zero for every output, demonstrating the independent and expressive nature of all the Fourier terms': a zero determinant means the values are linearly dependent, and for a real output they must be, since c_(-w) is the complex conjugate of c_w.",
                      resolution: "Not used as a check; the violin plot shows this symmetry (the real parts of c_w and c_(-w) agree, the imaginary parts are opposite)."),
        Inconsistency(id: "table1-mnist-cnn-parameters", location: "Table 1 and Fig. 5 caption vs section 2.2.4",
                      description: "Table 1 gives the MNIST CNN 372,234 parameters and the text calls it 'approximately eight times' HQNN-Parallel's 45,194, but the CNN the text describes (the PQCs replaced by a dense layer of n = 20 neurons) has 45,434; with fc1 of 20 neurons no placement of BatchNorms or biases gives 372,234.",
                      resolution: "qreport trains the CNN as described (45,434) and prints both counts; the 'eight times fewer parameters' claim does not hold for it (ratio 1.005)."),
        Inconsistency(id: "table1-parameter-differences", location: "Table 1, Medical MNIST and CIFAR-10 rows",
                      description: "Replacing the 180 circuit weights by a dense layer of 20 neurons adds 240 parameters, but Table 1's CNNs have 180 (Medical MNIST: 247,642 vs 247,462) and 120 (CIFAR-10: 81,698 vs 81,578) more than the HQNNs; and neither total follows from the described conv blocks for 64x64 or 32x32 inputs.",
                      resolution: "qreport prints its own counts (Medical MNIST 178,390 / 178,630; CIFAR-10 86,506 / 86,746) next to the published ones."),
    ]

    // MARK: Fourier expressivity (appendix A.2, Fig. 10)

    public static let fourier = Experiment(
        id: "fourier",
        title: "Fourier coefficients of the HQNN-Parallel quantum layer over random weights",
        source: "Fig. 10, appendix A.2",
        dataset: "none",
        models: [
            ModelSpec(id: "hqnn-parallel-pqc", name: "HQNN-Parallel quantum layer",
                      architecture: .hqnnParallel(inputChannels: 1, blocks: 2, circuits: 1, qubits: 5, layers: 3, entangling: true),
                      summary: "One PQC of HQNN-Parallel: 5 qubits, AngleEmbedding(X), 3 strongly entangling layers (45 weights), <Y> per wire"),
        ],
        training: TrainingProtocol(imageSize: 0, batchSize: 0, optimizer: "none", learningRate: 0, quantumInit: "uniform[0, 2pi)"),
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
            ScaleProtocol(scale: .reduced, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
            ScaleProtocol(scale: .smoke, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
        ],
        comparisons: [],
        claims: [],
        kind: .fourierSpectrum(FourierSpectrum(
            observable: 4, observableLabel: "⟨Y⟩ on wire 4 (the last)", varyingInputs: [0, 1], fixedInputValue: 0, degree: 1,
            draws: [.init(scale: .paper, draws: 100), .init(scale: .reduced, draws: 100), .init(scale: .smoke, draws: 10)])))

    static let fourierAssumptions: [Assumption] = [
        Assumption(id: "fourier-output", topic: "Which output Fig. 10 analyses",
                   choice: "The expectation <Y> of the last wire (wire 4) of one HQNN-Parallel PQC.",
                   reason: "The caption says 'the final output measurement'; the layer measures <Y> on each of its 5 wires, and the last of them is the final one."),
        Assumption(id: "fourier-inputs", topic: "The inputs and the other inputs' values",
                   choice: "The coefficients as a function of inputs x0 and x1 (the RX angles on wires 0 and 1), degree 1 each (frequencies -1, 0, 1: each input enters once), sampled on PennyLane's 3 x 3 grid; inputs x2..x4 held at 0.",
                   reason: "The caption names 'the first and second input parameters'; the paper does not say where the other inputs are, and 0 is the RX identity."),
        Assumption(id: "fourier-draws", topic: "Weight draws",
                   choice: "100 draws of the 45 weights, each uniform on [0, 2pi) (TorchLayer's initialisation), from the run's seeded initialisation stream (seed 0); c computed as qml.fourier.coefficients(f, 2, 1) does.",
                   reason: "Appendix A.2: 'sampling over a uniform distribution of random values for each theta_i from [0, 2pi]'; Fig. 10: '100 samples'."),
    ]

    // MARK: ZX-calculus redundancy claim (appendix A.1, Fig. 9), checked by Jacobian rank

    public static let fig9Rank = Experiment(
        id: "fig9-rank",
        title: "No redundant weight or input in the HQNN-Parallel quantum layer: the rank of its Jacobians",
        source: "Fig. 9, appendix A.1",
        dataset: "none",
        models: [fourier.models[0]],
        training: TrainingProtocol(imageSize: 0, batchSize: 0, optimizer: "none", learningRate: 0, quantumInit: "uniform[0, 2pi)"),
        scales: [
            ScaleProtocol(scale: .paper, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
            ScaleProtocol(scale: .reduced, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
            ScaleProtocol(scale: .smoke, trainCount: 0, testCount: 0, epochs: 0, seeds: [0]),
        ],
        comparisons: [],
        claims: [],
        kind: .jacobianRank(JacobianRank(
            settings: [.init(scale: .paper, count: 5), .init(scale: .reduced, count: 5), .init(scale: .smoke, count: 2)],
            stackedDraws: 32, toleranceFactor: 1)))

    static let fig9Assumptions: [Assumption] = [
        Assumption(id: "fig9-reading", topic: "What 'all weights and inputs make an impact' means numerically",
                   choice: "No parameter direction is locally redundant: at random weights, the Jacobian of the 5 outputs with respect to the 45 weights, stacked over 32 random inputs (160 x 45), has full column rank 45; at random inputs, the Jacobian with respect to the 5 inputs, stacked over 32 random weight settings (160 x 5), has rank 5. Checked at 5 settings each.",
                   reason: "Fig. 9(b) keeps every parameter on its own node after ZX rewriting, i.e. no rewrite merges or removes one; a merged or removable parameter is exactly a direction along which the outputs do not change (for a fused pair, the difference of the two angles), which the stacked Jacobian's null space detects. The ZX rewrite itself is not re-done."),
        Assumption(id: "fig9-tolerance", topic: "Numerical-rank tolerance",
                   choice: "A singular value counts when it exceeds max(rows, columns) * eps * sigma_max (eps = 2^-52; numpy's matrix_rank default), singular values by one-sided Jacobi on the Jacobian itself.",
                   reason: "A backward-stable SVD of a Double matrix is exact for a matrix within about max(rows, columns) * eps * ||J|| of it, so smaller singular values cannot be told from zero. The Jacobian's own rounding error is measured as the largest difference between the adjoint and the parameter-shift Jacobians (both exact in exact arithmetic) and reported beside it; the verdict also shows the gap between the smallest counted and the largest dropped singular value."),
        Assumption(id: "fig9-control", topic: "Control circuit",
                   choice: "The same circuit with an extra RZ weight right after the first layer's Rot on wire 0 and an extra RX input right after RX(x0): 46 weights and 6 inputs, each with exactly one redundant direction, so the expected ranks are 45 and 5.",
                   reason: "Two rotations about the same axis in a row fuse (the spider-fusion rule Fig. 9 relies on); the method must find exactly that redundancy and no other, or its verdict on the HQNN circuit means nothing."),
    ]

    public static let paper = Paper(
        id: "hqnn",
        title: "Quantum machine learning for image classification",
        citation: "A. Senokosov, A. Sedykh, A. Sagingalieva, B. Kyriacou, A. Melnikov, Mach. Learn.: Sci. Technol. 5, 015040 (2024), arXiv:2304.09224",
        experiments: [parallelMNIST, parallelMedicalMNIST, parallelCIFAR10, quanv, fourier, fig9Rank],
        notReproduced: [
            "The ZX-calculus diagrams of Fig. 9 (appendix A.1) are not drawn and the ZX rewriting is not re-done; the claim they support (no weight or input of the circuit is redundant) is checked numerically instead, by the rank of the circuit's Jacobians (experiment fig9-rank).",
        ],
        assumptions: parallelAssumptions + fourierAssumptions + fig9Assumptions + [
            Assumption(id: "quanv-data", topic: "Which 600 MNIST images",
                       choice: "The first 500 images of the official training file for training, the first 100 of the official test file for testing; the same images for every seed.",
                       reason: "The paper says only '600 images from the MNIST dataset, 500 train and 100 test'; fixed, documented subsets make runs comparable, and 'averaged over 10 models with random initial weights' implies the data stays fixed."),
            Assumption(id: "quanv-resize", topic: "28x28 -> 14x14 resize",
                       choice: "Pillow's bilinear resize (antialiased triangle filter, 8-bit fixed point) on the uint8 image, then scaling to [0, 1].",
                       reason: "The paper uses 'PyTorch's resize transform with bilinear interpolation'; torchvision.datasets.MNIST yields PIL images, on which Resize calls Pillow."),
            Assumption(id: "quanv-stride", topic: "Kernel stride and output size",
                       choice: "Non-overlapping 2x2 patches (stride 2, no padding): 4 channels of 7x7 = 196 features.",
                       reason: "A quanvolution 'reduces the resolution'; stride 2 is the only reading consistent with 14x14 inputs and a 2x2 kernel (the text's '4x4 pixels' per channel fits neither)."),
            Assumption(id: "quanv-circuit", topic: "Gate order of the variational part",
                       choice: "RY(pi x_i) on wire i; RX(w0) wire 0, RX(w1) wire 1; CNOT(2,3), CNOT(0,2), CNOT(0,3); RY(w2) wire 0, RY(w3) wire 3; <Z> on each wire.",
                       reason: "The text gives only '4 rotations and 3 CNOTs'; this is the order of a third-party reimplementation of HQNN-Quanv (a public notebook), which matches Fig. 7's description."),
            Assumption(id: "quanv-patch-order", topic: "Pixel-to-wire mapping",
                       choice: "Patch pixels (r,c), (r,c+1), (r+1,c), (r+1,c+1) on wires 0-3; channel k of the output is <Z> on wire k.",
                       reason: "Raster order, as a flattened 2x2 patch; the paper does not say."),
            Assumption(id: "quanv-weights-init", topic: "Initial circuit weights",
                       choice: "Uniform on [0, 2pi), PennyLane TorchLayer's default.",
                       reason: "The paper used PennyLane with PyTorch and mentions no other initialisation."),
            Assumption(id: "quanv-classical-init", topic: "Initial classical weights",
                       choice: "PyTorch defaults: kaiming-uniform (a = sqrt 5) weights, U(-1/sqrt(fan_in), 1/sqrt(fan_in)) biases.",
                       reason: "The paper trained with PyTorch and names no other initialisation."),
            Assumption(id: "quanv-optimiser", topic: "Optimiser, learning rate, batch size",
                       choice: "Adam, learning rate 0.001, no weight decay, batches of 32 drawn from a reshuffled training set each epoch, cross-entropy loss.",
                       reason: "The paper names only the loss; Adam with PyTorch's default rate is the common choice, and batch 32 gives 16 steps per epoch on 500 images."),
            Assumption(id: "quanv-cnn", topic: "CNN1 and CNN4",
                       choice: "Conv2d(1, c, 2x2, stride 2, with bias) -> flatten -> Linear(49c, 10), no activation, c = 1 or 4.",
                       reason: "The paper says they have 4 and 16 kernel weights and mirror the quanvolution; the same geometry keeps the comparison about the kernel alone."),
            Assumption(id: "quanv-logits", topic: "What the loss sees",
                       choice: "The Linear layer's outputs go straight into cross-entropy (log-softmax inside the loss); no softmax layer in the model.",
                       reason: "Fig. 7 speaks of '10 probabilities', but PyTorch's CrossEntropyLoss takes logits; a softmax before it would be a second softmax, which slows training considerably and is not described."),
            Assumption(id: "quanv-gradients", topic: "Circuit gradients",
                       choice: "Adjoint differentiation in double precision; the circuit output is cast to float32 like TorchLayer's.",
                       reason: "The paper used the parameter-shift rule, which gives the same exact gradient; adjoint is cheaper on a simulator."),
            Assumption(id: "quanv-spread", topic: "Mean and spread over seeds",
                       choice: "Final-epoch test accuracy, mean and sample standard deviation (n - 1) over seeds 0-9, each seed drawing its own initial weights and batch order.",
                       reason: "Fig. 8 averages over '10 models with random initial weights' with error bars of one standard deviation."),
            Assumption(id: "quanv-train-loss", topic: "Train loss and accuracy per epoch",
                       choice: "Mean over the epoch's training batches, weighted by batch size, measured during training.",
                       reason: "The usual PyTorch training-loop bookkeeping; the paper does not say."),
        ],
        inconsistencies: [
            Inconsistency(id: "quanv-channel-size", location: "Section 2.3.2",
                          description: "'Each channel is a picture with 4x4 pixels', but a 2x2 kernel on a 14x14 image gives 7x7 (stride 2) or 13x13 (stride 1).",
                          resolution: "qreport uses 7x7 (stride 2)."),
            Inconsistency(id: "table1-medical-mnist", location: "Table 1 vs section 2.2.4 text and Fig. 6 caption",
                          description: "Table 1 gives 82.64 / 82.78 % test accuracy on Medical MNIST where the text and Fig. 6 say 99.96 / 99.97 %; the table's values repeat the CIFAR-10 rows' accuracies.",
                          resolution: "Both are compared: the table's row (table1) and the text's and Fig. 6's accuracies (fig6)."),
            Inconsistency(id: "table1-cifar10-swap", location: "Table 1 vs section 2.2.4 text and Fig. 6 caption",
                          description: "Table 1 gives CIFAR-10 test accuracy 82.78 % for the CNN and 82.64 % for HQNN-Parallel; the text and Fig. 6 give the reverse (HQNN 82.78 %, CNN 82.64 %). The losses and parameter counts are not swapped.",
                          resolution: "Reported as printed, with this note; the claim is checked as the text states it (HQNN better)."),
        ] + parallelInconsistencies)
}
