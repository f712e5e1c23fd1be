extension Tensor {
    /// Back-propagates from this one-element tensor (a loss): adds d(self)/d(t) into `t.grad`
    /// for every leaf `t` with `requiresGrad` that this tensor was computed from.
    ///
    /// Gradients of leaves accumulate across calls (reset them with an optimiser's
    /// `zeroGrad()`); gradients of intermediate tensors are freed as soon as they have been
    /// propagated. The graph itself is left intact and is freed with the tensors.
    /// - Precondition: `count == 1` and `requiresGrad`.
    public func backward() {
        precondition(count == 1, "backward() without a gradient needs a one-element tensor, shape is \(shape)")
        backward(gradient: [1])
    }

    /// Back-propagates the vector-Jacobian product with `gradient` (same layout as `data`):
    /// the gradient of `sum(self * gradient)`.
    /// - Precondition: `requiresGrad`, and `gradient.count == count`.
    public func backward(gradient: [Float]) {
        precondition(requiresGrad, "backward() on a tensor that does not require a gradient (no input requires one)")
        precondition(gradient.count == count, "gradient has \(gradient.count) elements, tensor has \(count)")
        let order = topologicalOrder()
        accumulateGrad { g in
            for i in g.indices { g[i] += gradient[i] }
        }
        for node in order.reversed() {
            guard let backwardFunction = node.backwardFunction, let g = node.grad else { continue }
            g.withUnsafeBufferPointer { backwardFunction($0) }
            node.grad = nil
        }
    }

    /// The tensors that require a gradient and are reachable from `self`, every tensor after
    /// all of its inputs (`self` last). Iterative, so deep graphs (long recurrences) cannot
    /// overflow the stack.
    private func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
        var stack: [(node: Tensor, next: Int)] = [(self, 0)]
        while let (node, next) = stack.popLast() {
            if next < node.inputs.count {
                stack.append((node, next + 1))
                let input = node.inputs[next]
                if input.requiresGrad, visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }
}
