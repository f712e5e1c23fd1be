import Catalog
import Charts
import Results

/// The section of a Fourier-spectrum experiment (HQNN Fig. 10): the violin plot of the coefficients' real and
/// imaginary parts over the weight draws, in `qml.fourier.visualize.violin`'s layout, and their statistics.
extension PaperReport {
    func fourierSection(_ results: ExperimentResults) -> ReportSection {
        let experiment = results.experiment
        let title = "\(experiment.source) — \(experiment.title)"
        guard let spectrum = experiment.fourierSpectrum else { return ReportSection(title: title, blocks: []) }
        let inputs = spectrum.varyingInputs.map { "x\($0)" }.joined(separator: ", ")
        var blocks: [ReportBlock] = [
            .paragraph("Protocol: \(spectrum.draws(at: scale)) draws of the circuit weights, each uniform on [0, 2π); for each draw, the Fourier coefficients c_ω "
                + "of \(spectrum.observableLabel) as a function of the inputs \(inputs) (degree \(spectrum.degree), the other inputs at \(Format.fixed(spectrum.fixedInputValue, 1))), "
                + "as qml.fourier.coefficients computes them. The paper publishes only the figure, so there is nothing to diff: compare the shapes. "
                + "A real output forces c_(−ω) = conj(c_ω): the real panels are mirror images about c(0, 0), the imaginary ones opposite."),
        ]
        let analysed = experiment.models.lazy.compactMap { model in results.records[model.id]?.first?.fourier.map { (model, $0) } }.first
        guard let (model, fourier) = analysed else {
            blocks.append(.paragraph("not run: no finished runs of this experiment in the run store at \(scale.rawValue) scale."))
            return ReportSection(title: title, blocks: blocks)
        }
        blocks.append(.figure(ReportFigure(
            caption: "Real (top) and imaginary (bottom) parts of c_(ωx, ωy) of \(model.name) over \(fourier.draws) random weight draws "
                + "(kernel density estimates, Scott's bandwidth): the mirror of Fig. 10.",
            chart: ViolinChart.fourierCoefficients(title: "\(model.name): \(fourier.observable)", frequencies: fourier.frequencies,
                                                   real: fourier.real, imaginary: fourier.imaginary,
                                                   note: scale.isReduced ? "\(scale.rawValue) scale" : nil),
            fileStem: "fig10-fourier-violin")))
        blocks.append(.table(ReportTable(
            caption: "Fourier coefficients over the \(fourier.draws) draws: mean ± sample standard deviation of the real and imaginary parts and of |c|. "
                + "A non-expressive layer would have every coefficient but c(0, 0) near zero.",
            header: ["frequency (ωx, ωy)", "real part", "imaginary part", "|c|", "largest |c|"],
            rows: fourier.frequencies.indices.map { k in
                let magnitudes = fourier.magnitudes(k)
                return [ViolinChart.frequencyLabel(fourier.frequencies[k]), Self.meanStd(fourier.real[k]), Self.meanStd(fourier.imaginary[k]),
                        Self.meanStd(magnitudes), Format.fixed(magnitudes.max() ?? .nan, 3)]
            },
            verdictColumn: nil, csvName: "fig10-coefficients")))
        return ReportSection(title: title, blocks: blocks)
    }

    private static func meanStd(_ values: [Double]) -> String {
        let s = SeedStatistics(values)
        return "\(Format.fixed(s.mean, 3)) ± \(Format.fixed(s.standardDeviation, 3))"
    }
}
