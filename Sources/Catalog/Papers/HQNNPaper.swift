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
                       publishedSpreadMetric: "test_accuracy_std", publishedSeeds: 10)
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

    public static let paper = Paper(
        id: "hqnn",
        title: "Quantum machine learning for image classification",
        citation: "A. Senokosov, A. Sedykh, A. Sagingalieva, B. Kyriacou, A. Melnikov, Mach. Learn.: Sci. Technol. 5, 015040 (2024), arXiv:2304.09224",
        experiments: [quanv],
        notReproduced: [
            "HQNN-Parallel vs CNN on MNIST, Medical MNIST and CIFAR-10 (Table 1, Figs 5-6): not yet implemented in this version of qreport.",
            "Fourier coefficients of the HQNN-Parallel quantum layer (Fig. 10): not yet implemented in this version of qreport.",
        ],
        assumptions: [
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
                       reason: "The text gives only '4 rotations and 3 CNOTs'; this is the order of the third-party HQNN-Quanv notebook (research notes section 2.4), which matches Fig. 7's description."),
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
                          resolution: "Reported as printed; compared against the text once the Medical MNIST experiment exists."),
            Inconsistency(id: "table1-cifar10-swap", location: "Table 1 vs section 2.2.4 text and Fig. 6 caption",
                          description: "Table 1 gives CIFAR-10 test accuracy 82.78 % for the CNN and 82.64 % for HQNN-Parallel; the text and Fig. 6 give the reverse (HQNN 82.78 %, CNN 82.64 %). The losses and parameter counts are not swapped.",
                          resolution: "Reported as printed, with this note."),
        ])
}
