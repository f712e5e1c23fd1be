import BenchSupport
import Models

/// The model `qreport` trains for the `parallel-mnist` experiment (Catalog `HQNNPaper.parallelMNIST`,
/// built by `Training.ModelFactory`): HQNN-Parallel with 2 convolution blocks on 1 x 28 x 28 images,
/// 4 parallel circuits of 5 qubits with 3 strongly entangling layers, 10 classes (45,194 parameters).
func hqnnParallelMNIST(_ g: inout SplitMix64) -> HQNNParallel {
    HQNNParallel(inputChannels: 1, imageSize: 28, blocks: 2, classes: 10,
                 head: .quantum(circuits: 4, qubits: 5, layers: 3, entangling: true), generator: &g)
}
