import Foundation

/// Every numeric tolerance the tests use, in one place, with the reason for each.
public enum Tolerance {
    /// Quantum expectation values and gradients vs PennyLane goldens (both complex128).
    public static let pennyLane = 1e-10
    /// Adjoint gradients vs central finite differences in Double (step 1e-6: error ~ h^2 + eps/h).
    public static let quantumFiniteDifference = 1e-7
    /// Algebraic identities of small complex-Double products (gate unitarity, inverse, re-association of
    /// sums): rounding of a handful of operations on numbers of magnitude ≤ 1, a few hundred ulps at most.
    public static let quantumRounding = 1e-13
    /// Singular values by one-sided Jacobi vs numpy's LAPACK SVD, as a multiple of max(rows, columns) · ε · σ_max: both
    /// are backward stable, so each is within about max(rows, columns) · ε · ‖A‖ of the exact values; 4 covers the two
    /// algorithms' error constants on the golden matrices (at most 50 x 50).
    public static let singularValueMultipleOfEpsilon = 4.0
    /// Gaussian KDE densities vs scipy.stats.gaussian_kde (relative): the same sums of at most 100
    /// exponentials in Double, differing only in summation order and how the variance is formed.
    public static let scipyKDE = 1e-12
    /// Float32 layer outputs and gradients vs PyTorch goldens (relative).
    public static let torchRelative: Float = 1e-5
    /// Absolute floor under `torchRelative` for values near zero: Float32 sums of a few dozen
    /// cancelling O(1) terms carry ~1e-7 absolute rounding error, whatever their (small) result.
    public static let torchAbsoluteFloor: Float = 1e-6
    /// Absolute floor for Float32 values downstream of BatchNorm layers on a small batch (HQNN-Parallel:
    /// batch 4): forward, BatchNorm divides the rounding of the preceding sums by the batch std; backward,
    /// each BatchNorm subtracts batch means of products. Either leaves ~2e-6 absolute rounding (seen: 1.8e-6
    /// on values of 0.05-0.07) in either library.
    public static let torchBatchNormBackwardAbsolute: Float = 1e-5
    /// Float32 training trajectory vs PyTorch (relative; error accumulates over steps).
    public static let torchTrajectoryRelative: Float = 1e-4
    /// Whole torchvision backbones (ResNet-18, MaxViT-T: 11-30 M parameters, 20-60 layers) vs torch 2.13 on the
    /// AE-VQC parity goldens (`TorchvisionParityGolden`): issue 13's acceptance bound, "1e-4 relative", applied per
    /// tensor against that tensor's own scale: entries and max-abs within this x the golden's max |x|, the L2 norm
    /// within this x the golden's norm, the sum and the L1 norm within this x the golden's L1 norm (a sum that
    /// cancels, as fc's gradient over the classes does, is measured against what it cancels). The goldens are torch's
    /// float64 pass over the float32 values (torch's own float32 pass is up to 4e-2 off it in ResNet-18's early gradients,
    /// so it could not be the reference); our float32 pass stays within ~2e-5 of it (printed by the tests).
    public static let torchvisionParityRelative = 1e-4
    /// Float32 autograd gradients vs central finite differences evaluated in Double around Float32 ops
    /// (step h = 1e-2 on a random projection of the output): covers the h²·f‴/6 truncation of non-linear
    /// ops (cross-entropy: ~1e-5 relative); ops linear in each input element have none.
    public static let autogradFiniteDifferenceRelative: Float = 1e-3
    /// Absolute floor under `autogradFiniteDifferenceRelative`: the Float32 rounding of the outputs one
    /// element affects, divided by the step 2h = 2e-2 (largest seen: 2.4e-5, conv2d input gradients).
    public static let autogradFiniteDifferenceAbsolute: Float = 1e-4

    /// 8-bit pixels vs Pillow/torchvision where the arithmetic is not Pillow's own (float resampling
    /// of the tensor path, libpng's 16-to-8-bit scaling vs Pillow's high byte): the issue's
    /// acceptance bound, one grey level.
    public static let pillowGreyLevels = 1
    /// A Float32 loss over a small batch (a few hundred terms of magnitude ≤ 10) vs the same formula
    /// summed in Double (relative): Float32 rounding of the exp/log and the sum, ~1e-6 at most.
    public static let float32LossRelative = 1e-5

    /// `|a - b| <= abs + rel * max(|a|, |b|)`.
    public static func close(_ a: Double, _ b: Double, abs: Double = 0, rel: Double = 0) -> Bool {
        Swift.abs(a - b) <= abs + rel * max(Swift.abs(a), Swift.abs(b))
    }

    /// Largest absolute difference between two equally long arrays.
    public static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "length mismatch \(a.count) vs \(b.count)")
        return zip(a, b).reduce(0) { max($0, Swift.abs($1.0 - $1.1)) }
    }
}
