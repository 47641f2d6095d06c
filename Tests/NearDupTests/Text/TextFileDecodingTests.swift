import Foundation
import NearDup
import Testing

/// Issue 17, item 16: UTF-16 and UTF-32 text files were "binary file (NUL byte)"; a byte order
/// mark now says the encoding, UTF-16 without one is told by its zero bytes, and binary files
/// stay binary.
@Suite struct TextFileDecodingTests {
    static let text = "Naïve “quotes” and a pair 😀 — the council approved the budget."

    static func decode(_ bytes: [UInt8]) -> DecodedText? {
        bytes.withUnsafeBufferPointer { TextDecoder.decodeFile(buffer: $0) }
    }

    @Test(arguments: [
        ([0xFF, 0xFE], String.Encoding.utf16LittleEndian, TextEncoding.utf16LittleEndian),
        ([0xFE, 0xFF], .utf16BigEndian, .utf16BigEndian),
        ([0xFF, 0xFE, 0, 0], .utf32LittleEndian, .utf32LittleEndian),
        ([0, 0, 0xFE, 0xFF], .utf32BigEndian, .utf32BigEndian),
        ([0xEF, 0xBB, 0xBF], .utf8, .utf8),
    ] as [([UInt8], String.Encoding, TextEncoding)])
    func aByteOrderMarkSaysTheEncoding(_ mark: [UInt8], _ encoding: String.Encoding, _ expected: TextEncoding) {
        let decoded = Self.decode(mark + [UInt8](Self.text.data(using: encoding)!))
        #expect(decoded?.text == Self.text)
        #expect(decoded?.encoding == expected)
        #expect(decoded?.warning == nil)
    }

    @Test func utf16WithoutAByteOrderMarkIsToldByItsZeroBytes() {
        let plain = "The council approved the budget on Monday after a long debate."
        #expect(Self.decode([UInt8](plain.data(using: .utf16LittleEndian)!))?.encoding == .utf16LittleEndian)
        #expect(Self.decode([UInt8](plain.data(using: .utf16LittleEndian)!))?.text == plain)
        #expect(Self.decode([UInt8](plain.data(using: .utf16BigEndian)!))?.text == plain)
    }

    @Test func binaryStaysBinary() {
        #expect(Self.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]) == nil)
        #expect(Self.decode([0x41, 0x00, 0x00, 0x00, 0x42, 0x00]) == nil, "a 00 00 unit is not UTF-16 text")
        #expect(Self.decode(Array("plain text".utf8))?.encoding == .utf8)
    }

    @Test func badUnitsBecomeReplacementCharactersWithAWarning() {
        // "a", a lone high surrogate, "b", and an odd final byte.
        let decoded = Self.decode([0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x62, 0x00, 0x63])
        #expect(decoded?.text == "a\u{FFFD}b\u{FFFD}")
        #expect(decoded?.firstInvalidByteOffset == 4)
        #expect(decoded?.warning?.contains("utf-16le") == true)
        #expect(decoded?.warning?.contains("byte 4") == true)
    }
}
