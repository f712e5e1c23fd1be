/// Byte counts as messages show them: `16 GiB`, `3.5 MiB`, `512 bytes`.
public enum ByteCount {
    /// `bytes` in the largest binary unit that keeps at least 1 (one decimal unless whole).
    public static func describe(_ bytes: Int) -> String {
        if bytes == Int.max { return "unlimited" }
        return describe(Double(bytes))
    }

    /// `count × unit` bytes, without overflowing `Int`.
    public static func describe(_ count: Int, times unit: Int) -> String {
        describe(Double(count) * Double(unit))
    }

    /// `bytes` (possibly beyond `Int`) in the largest binary unit that keeps at least 1.
    public static func describe(_ bytes: Double) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
        var value = bytes, unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}
