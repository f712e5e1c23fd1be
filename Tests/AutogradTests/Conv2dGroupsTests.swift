import Autograd
import Testing
import TestSupport

@Suite("conv2d with dilation and groups")
struct Conv2dGroupsTests {
    @Test("forward and backward match PyTorch (dilation 2; groups 2 stride 2; depthwise)", arguments: 0..<3)
    func golden(index: Int) throws {
        let golden = try TorchOpGoldens.load().conv2d[index]
        let x = golden.x.tensor(requiresGrad: true)
        let w = golden.weight.tensor(requiresGrad: true), b = golden.bias.tensor(requiresGrad: true)
        let y = Tensor.conv2d(x, weight: w, bias: b, stride: golden.stride, padding: golden.padding,
                              dilation: golden.dilation, groups: golden.groups)
        #expect(y.shape == golden.output.shape, "\(golden.name)")
        expectTorchClose(y.data, golden.output.data, "\(golden.name) output")
        y.backward(gradient: golden.upstream.data)
        expectTorchClose(x.grad ?? [], golden.grads[0].data, "\(golden.name) grad x")
        expectTorchClose(w.grad ?? [], golden.grads[1].data, "\(golden.name) grad weight")
        expectTorchClose(b.grad ?? [], golden.grads[2].data, "\(golden.name) grad bias")
    }

    @Test("gradients agree with finite differences", arguments: [(2, 1), (1, 2), (2, 4)])
    func finiteDifferences(dilation: Int, groups: Int) {
        var g = SplitMix64(seed: UInt64(80 + 10 * dilation + groups))
        let x = randomTensor([2, 4, 7, 6], &g, requiresGrad: true)
        let w = randomTensor([4, 4 / groups, 3, 3], &g, requiresGrad: true)
        let b = randomTensor([4], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) {
            Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: 1, padding: 1, dilation: dilation, groups: groups)
        }
    }

    @Test("groups G equals G separate convolutions on the channel slices, concatenated")
    func groupsAsSlices() {
        var g = SplitMix64(seed: 90)
        let x = randomTensor([1, 4, 5, 5], &g)
        let w = randomTensor([6, 2, 3, 3], &g)
        let y = Tensor.conv2d(x, weight: w, groups: 2)
        let half = 2 * 25
        let x0 = Tensor(shape: [1, 2, 5, 5], data: Array(x.data[..<half]))
        let x1 = Tensor(shape: [1, 2, 5, 5], data: Array(x.data[half...]))
        let w0 = Tensor(shape: [3, 2, 3, 3], data: Array(w.data[..<54]))
        let w1 = Tensor(shape: [3, 2, 3, 3], data: Array(w.data[54...]))
        expectClose(y.data, Tensor.conv2d(x0, weight: w0).data + Tensor.conv2d(x1, weight: w1).data,
                    rel: 0, abs: 0, "grouped")
    }
}
