extension Tensor {
    /// The extension point for ops defined outside this module with a hand-written backward
    /// (for example the quantum layer in `Models`, whose backward is the adjoint method).
    ///
    /// The caller computes the forward result itself and passes it as `outputData`; the
    /// returned tensor records `inputs` and `backward` exactly like a built-in op (nothing is
    /// recorded if no input requires a gradient, and `backward` is then never called).
    ///
    /// During `backward()`, `backward` receives the gradient of the loss with respect to the
    /// output (`outputData.count` values, row-major) and returns one entry per input, in the
    /// order of `inputs`: the gradient with respect to that input (`input.count` values), or
    /// `nil` where the input gets no gradient. Entries for inputs that do not require a
    /// gradient are ignored, so the closure may skip computing them (check
    /// `inputs[i].requiresGrad`). Returned gradients are added to what the inputs already
    /// accumulated.
    ///
    /// The closure may capture the inputs and any saved forward state; it must not capture
    /// the returned tensor (that would be a reference cycle).
    /// - Precondition: `outputData.count` is the product of `outputShape`; the closure returns
    ///   `inputs.count` entries whose non-`nil` arrays match their inputs' element counts.
    public static func custom(_ inputs: [Tensor], outputShape: [Int], outputData: [Float],
                              backward: @escaping ([Float]) -> [[Float]?]) -> Tensor {
        Tensor(shape: outputShape, data: outputData, inputs: inputs) { gradOutput in
            let gradients = backward(Array(gradOutput))
            precondition(gradients.count == inputs.count,
                         "custom op backward returned \(gradients.count) gradients for \(inputs.count) inputs")
            for (input, gradient) in zip(inputs, gradients) where input.requiresGrad {
                guard let gradient else { continue }
                precondition(gradient.count == input.count,
                             "custom op backward returned \(gradient.count) values for an input of shape \(input.shape)")
                input.accumulateGrad { g in
                    gradient.withUnsafeBufferPointer { VectorKernels.add(from: $0, into: g) }
                }
            }
        }
    }
}
