import BenchSupport
import NeuralNets

/// The classical HQNN-Parallel CNN of the PyTorch anchor (`hqnn_cnn_epoch.py`): conv 1->16 5x5
/// pad 2, BN, ReLU, maxpool 2, conv 16->32 5x5 pad 2, BN, ReLU, maxpool 2, Linear 1568->20,
/// BN1d, ReLU, Linear 20->10 (44,974 parameters).
func hqnnCNN(_ g: inout SplitMix64) -> Sequential {
    Sequential(name: "cnn", [
        Conv2d(inChannels: 1, outChannels: 16, kernelSize: 5, padding: 2, name: "conv1", generator: &g),
        BatchNorm(features: 16, name: "bn1"), Activation(.relu, name: "relu1"), MaxPool2d(kernel: 2, name: "pool1"),
        Conv2d(inChannels: 16, outChannels: 32, kernelSize: 5, padding: 2, name: "conv2", generator: &g),
        BatchNorm(features: 32, name: "bn2"), Activation(.relu, name: "relu2"), MaxPool2d(kernel: 2, name: "pool2"),
        Flatten(name: "flatten"),
        Linear(inFeatures: 1568, outFeatures: 20, name: "fc1", generator: &g),
        BatchNorm(features: 20, name: "bn3"), Activation(.relu, name: "relu3"),
        Linear(inFeatures: 20, outFeatures: 10, name: "fc2", generator: &g),
    ])
}
