/// Whole text files: a byte order mark says UTF-8, UTF-16 or UTF-32 (and is not part of the
/// text); UTF-16 without one is recognised by its zero bytes; anything else is decoded as
/// ``TextDecoder/decode(buffer:)`` decodes it, unless it looks binary.
extension TextDecoder {
    /// The UTF-8 byte order mark, EF BB BF.
    public static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The UTF-16 or UTF-32 encoding whose byte order mark `buffer` starts with, or `nil`.
    ///
    /// - Parameter buffer: the first bytes of a file (at least 4 to tell UTF-32LE from UTF-16LE).
    /// - Returns: the encoding the byte order mark names (FF FE 00 00 UTF-32LE, 00 00 FE FF
    ///   UTF-32BE, FF FE UTF-16LE, FE FF UTF-16BE), or `nil` for none.
    /// - Complexity: O(1).
    public static func wideByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        if buffer.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32LittleEndian }
        if buffer.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32BigEndian }
        if buffer.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if buffer.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        return nil
    }

    /// Decodes a whole text file: UTF-16 or UTF-32 after its byte order mark, UTF-16 without
    /// one when every unit of its first 8,000 bytes is valid and at least nine in ten have a
    /// zero byte on the same side (and none is 00 00), otherwise ``decode(buffer:)`` after a UTF-8
    /// byte order mark, if any, is left out.
    ///
    /// - Parameter buffer: the bytes of the whole file.
    /// - Returns: the text, or `nil` when the file looks binary (a NUL byte within its first
    ///   8,000 bytes and neither a byte order mark nor UTF-16's pattern).
    /// - Complexity: O(n).
    public static func decodeFile(buffer: UnsafeBufferPointer<UInt8>) -> DecodedText? {
        if let encoding = wideByteOrderMark(buffer) {
            let markLength = encoding == .utf32LittleEndian || encoding == .utf32BigEndian ? 4 : 2
            return decodeWide(buffer, encoding: encoding, from: markLength)
        }
        if buffer.starts(with: utf8ByteOrderMark) {
            let rest = UnsafeBufferPointer(rebasing: buffer[3...])
            if looksBinary(rest) { return nil }
            var decoded = decode(buffer: rest)
            decoded.firstInvalidByteOffset = decoded.firstInvalidByteOffset.map { $0 + 3 }
            return decoded
        }
        guard looksBinary(buffer) else { return decode(buffer: buffer) }
        guard let encoding = utf16WithoutByteOrderMark(buffer) else { return nil }
        let decoded = decodeWide(buffer, encoding: encoding, from: 0)
        return decoded.firstInvalidByteOffset == nil ? decoded : nil
    }

    /// UTF-16LE or UTF-16BE when the first 8,000 bytes have UTF-16's zero bytes: an even
    /// length, no 00 00 unit, and at least nine units in ten with a zero byte on one side.
    private static func utf16WithoutByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        guard buffer.count >= 4, buffer.count % 2 == 0 else { return nil }
        let units = min(buffer.count, 8000) / 2
        var zeroHigh = 0, zeroLow = 0
        for i in 0..<units {
            let first = buffer[2 * i], second = buffer[2 * i + 1]
            if first == 0 && second == 0 { return nil }
            if second == 0 { zeroHigh += 1 } else if first == 0 { zeroLow += 1 }
        }
        if 10 * zeroHigh >= 9 * units { return .utf16LittleEndian }
        if 10 * zeroLow >= 9 * units { return .utf16BigEndian }
        return nil
    }

    /// Decodes UTF-16 or UTF-32 from byte `start`; each invalid unit (and a final incomplete
    /// one) becomes U+FFFD, the first one's byte offset kept.
    private static func decodeWide(_ buffer: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, from start: Int) -> DecodedText {
        var scalars = String.UnicodeScalarView()
        var firstInvalid: Int?
        let width = encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? 2 : 4
        let littleEndian = encoding == .utf16LittleEndian || encoding == .utf32LittleEndian
        let count = (buffer.count - start) / width
        func unit(_ i: Int) -> UInt32 {
            var value: UInt32 = 0
            for j in 0..<width {
                let byte = UInt32(buffer[start + width * i + (littleEndian ? width - 1 - j : j)])
                value = value << 8 | byte
            }
            return value
        }
        var i = 0
        while i < count {
            let value = unit(i)
            var scalar: Unicode.Scalar?
            var used = 1
            if width == 2, (0xD800...0xDBFF).contains(value), i + 1 < count, (0xDC00...0xDFFF).contains(unit(i + 1)) {
                scalar = Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (unit(i + 1) - 0xDC00))
                used = 2
            } else {
                scalar = Unicode.Scalar(value)
            }
            if scalar == nil && firstInvalid == nil { firstInvalid = start + width * i }
            scalars.append(scalar ?? "\u{FFFD}")
            i += used
        }
        if (buffer.count - start) % width != 0 {
            if firstInvalid == nil { firstInvalid = start + width * count }
            scalars.append("\u{FFFD}")
        }
        return DecodedText(text: String(scalars), encoding: encoding, firstInvalidByteOffset: firstInvalid)
    }
}
