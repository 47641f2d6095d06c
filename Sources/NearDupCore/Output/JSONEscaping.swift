/// JSON string escaping for JSON written by hand: ``JSONLine``'s values, and (through `package`
/// access) the corpus generator's records.
package enum JSONEscaping {
    /// `value` as a JSON string literal, quotes included. A value that needs no escape (the
    /// usual id) is copied whole.
    ///
    /// - Complexity: O(n) in the UTF-8 length.
    package static func quoted(_ value: String) -> String {
        guard needsEscape(value.utf8) else { return "\"" + value + "\"" }
        var buffer = Array(value.utf8)
        escape(&buffer, from: 0)
        return "\"" + String(decoding: buffer, as: UTF8.self) + "\""
    }

    /// Whether any byte must be escaped inside a JSON string: a control byte, `"` or `\`.
    package static func needsEscape<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    }

    /// Escapes `buffer[from...]` in place as the inside of a JSON string.
    package static func escape(_ buffer: inout [UInt8], from start: Int) {
        guard needsEscape(buffer[start...]) else { return }
        let tail = buffer[start...]
        var escaped: [UInt8] = []
        escaped.reserveCapacity(tail.count + 16)
        for byte in tail {
            switch byte {
            case 0x22: escaped.append(contentsOf: [0x5C, 0x22])
            case 0x5C: escaped.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: escaped.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x09: escaped.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0D: escaped.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escaped.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: escaped.append(byte)
            }
        }
        buffer.replaceSubrange(start..., with: escaped)
    }
}
