/// Minimal JSON text helpers for hand-written JSONL output on hot paths.
enum JSONText {
    /// `value` as a JSON string literal, quotes included.
    ///
    /// Complexity: O(n) in the UTF-8 length. An id that needs no escape (the usual case) is
    /// checked byte by byte and copied whole, without a per-scalar append: listing millions of
    /// matches (an index holding many copies) spent most of its time here.
    static func quoted(_ value: String) -> String {
        var plain = true
        for byte in value.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            plain = false
            break
        }
        if plain { return "\"" + value + "\"" }
        var out = "\""
        out.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
