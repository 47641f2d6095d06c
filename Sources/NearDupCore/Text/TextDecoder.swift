/// Turns raw bytes into text: UTF-8 when the bytes are valid UTF-8, Windows-1252 otherwise.
///
/// Decoding never fails and never crashes: every byte sequence is either valid UTF-8 or
/// decodable as Windows-1252 (the five bytes Windows-1252 leaves undefined map to the C1
/// controls of the same value, as the WHATWG encoding standard does).
public enum TextDecoder {
    /// Decodes `bytes`.
    ///
    /// - Parameter bytes: the raw bytes of a document.
    /// - Returns: the text, as UTF-8 when `bytes` is valid UTF-8 and as Windows-1252 otherwise.
    /// - Complexity: O(n) in the number of bytes (plus a copy when `bytes` is not contiguous).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> DecodedText where Bytes.Element == UInt8 {
        let contiguous = bytes.withContiguousStorageIfAvailable { decode(buffer: $0) }
        return contiguous ?? Array(bytes).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Decodes the bytes in `buffer`.
    ///
    /// - Parameter buffer: the raw bytes of a document.
    /// - Returns: the text, as UTF-8 when `buffer` is valid UTF-8 and as Windows-1252 otherwise.
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(buffer: UnsafeBufferPointer<UInt8>) -> DecodedText {
        if let invalid = firstInvalidUTF8Offset(buffer) {
            return DecodedText(
                text: decodeWindows1252(buffer), encoding: .windows1252, firstInvalidByteOffset: invalid)
        }
        return DecodedText(text: String(decoding: buffer, as: UTF8.self), encoding: .utf8)
    }

    /// Whether `buffer` looks like a binary file rather than text: it has a NUL byte within its
    /// first 8,000 bytes (the test git uses).
    ///
    /// - Parameter buffer: the first bytes of a file, or all of them.
    /// - Returns: `true` when a NUL byte occurs within the first 8,000 bytes.
    /// - Complexity: O(min(n, 8,000)).
    public static func looksBinary(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.prefix(8000).contains(0)
    }

    /// The offset of the first byte that makes `buffer` invalid UTF-8, or `nil` if it is valid.
    ///
    /// - Parameter buffer: the bytes to check.
    /// - Returns: the offset of the first byte of the first ill-formed sequence (an overlong form,
    ///   a surrogate, a code point above U+10FFFF, a stray continuation byte or a truncated
    ///   sequence), or `nil` when every byte is part of well-formed UTF-8.
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    public static func firstInvalidUTF8Offset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let n = buffer.count
        var i = 0
        while i < n {
            // Fast path: skip ASCII eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            if i + length > n { return i }
            let b1 = base[i + 1]
            if b1 < lower || b1 > upper { return i }
            for j in 2..<length where base[i + j] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (undefined ones map to the C1 control).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(buffer.count)
        for byte in buffer {
            let value: UInt32 = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
