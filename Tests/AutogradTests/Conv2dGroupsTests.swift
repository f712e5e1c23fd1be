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

    @Test("gradients agree with finite differences", arguments: [(2, 1), (1, 2), (2, 4), (1, 4)])
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

    /// The depthwise path (`depthwiseConv2d`) against the im2col path run on each channel alone (groups 1, one input
    /// and one output channel), at stride 2 on odd sizes with padding 1: outputs and all three gradients.
    @Test("depthwise at stride 2 equals one im2col convolution per channel, values and gradients")
    func depthwiseMatchesPerChannelConvolutions() {
        var g = SplitMix64(seed: 91)
        let (n, c, h, w) = (3, 5, 9, 7)
        let x = randomTensor([n, c, h, w], &g, requiresGrad: true)
        let weight = randomTensor([c, 1, 3, 3], &g, requiresGrad: true)
        let bias = randomTensor([c], &g, requiresGrad: true)
        let y = Tensor.conv2d(x, weight: weight, bias: bias, stride: 2, padding: 1, groups: c)
        #expect(y.shape == [n, c, 5, 4])
        let plane = 5 * 4
        let upstream = g.values(n * c * plane)
        y.backward(gradient: upstream)
        /// Channel `channel` of every image of a [n, c, side] tensor, as [n, 1, side].
        func slice(_ values: [Float], _ channel: Int, _ side: Int) -> [Float] {
            var out: [Float] = []
            for image in 0..<n {
                let start = (image * c + channel) * side
                out += values[start ..< start + side]
            }
            return out
        }
        for channel in 0..<c {
            let xc = Tensor(shape: [n, 1, h, w], data: slice(x.data, channel, h * w), requiresGrad: true)
            let wc = Tensor(shape: [1, 1, 3, 3], data: Array(weight.data[channel * 9 ..< (channel + 1) * 9]), requiresGrad: true)
            let bc = Tensor(shape: [1], data: [bias.data[channel]], requiresGrad: true)
            let yc = Tensor.conv2d(xc, weight: wc, bias: bc, stride: 2, padding: 1)
            expectClose(yc.data, slice(y.data, channel, plane), rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor,
                        "channel \(channel) output")
            yc.backward(gradient: slice(upstream, channel, plane))
            expectClose(xc.grad!, slice(x.grad!, channel, h * w), rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor,
                        "channel \(channel) grad x")
            expectClose(wc.grad!, Array(weight.grad![channel * 9 ..< (channel + 1) * 9]), rel: Tolerance.torchRelative,
                        abs: Tolerance.torchAbsoluteFloor, "channel \(channel) grad weight")
            expectClose(bc.grad!, [bias.grad![channel]], rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor,
                        "channel \(channel) grad bias")
        }
    }

    @Test("depthwise gradients at stride 2 agree with finite differences")
    func depthwiseStrideTwoFiniteDifferences() {
        var g = SplitMix64(seed: 92)
        let x = randomTensor([2, 3, 7, 6], &g, requiresGrad: true)
        let w = randomTensor([3, 1, 3, 3], &g, requiresGrad: true)
        let b = randomTensor([3], &g, requiresGrad: true)
        expectGradientsMatch([x, w, b]) { Tensor.conv2d($0[0], weight: $0[1], bias: $0[2], stride: 2, padding: 1, groups: 3) }
    }
}
