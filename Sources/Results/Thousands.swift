/// Whole numbers with thousands separators, as reports and build output print them.
public enum Thousands {
    /// `119056` -> `119,056`, `-326798` -> `-326,798`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }
}
