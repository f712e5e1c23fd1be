import Autograd
import Testing

@Suite("loss errors")
struct LossErrorTests {
    @Test("a NaN loss throws LossError naming the loss, its inputs' shapes and their non-finite counts")
    func nanLoss() {
        let logits = Tensor(shape: [2, 3], data: [0, .nan, 1, 2, 3, .infinity])
        let loss = Tensor.crossEntropy(logits, targets: [0, 2])
        #expect(throws: LossError(loss: "cross-entropy", value: loss.item(), inputs: [
            LossError.Input(name: "logits", shape: [2, 3], nonFiniteCount: 2),
            LossError.Input(name: "targets", shape: [2], nonFiniteCount: 0),
        ])) {
            try loss.requireFiniteLoss("cross-entropy", inputs: ["logits": logits], targetShapes: ["targets": [2]])
        }
        do {
            try loss.requireFiniteLoss("cross-entropy", inputs: ["logits": logits], targetShapes: ["targets": [2]])
        } catch {
            #expect("\(error)" == "cross-entropy loss is nan: logits [2, 3] (2 non-finite values), targets [2]")
        }
    }

    @Test("an infinite loss throws; a finite one passes through unchanged")
    func infiniteAndFinite() throws {
        let big = Tensor(shape: [1], data: [.greatestFiniteMagnitude])
        let squared = big * big  // overflows to +inf
        #expect(throws: LossError.self) { try squared.reshaped([]).requireFiniteLoss("square", inputs: ["x": big]) }
        let fine = Tensor(scalar: 0.5)
        #expect(try fine.requireFiniteLoss("l", inputs: [:]) === fine)
    }
}
