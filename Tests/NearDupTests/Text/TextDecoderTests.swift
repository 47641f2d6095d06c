import Testing
import NearDup

@Suite struct TextDecoderTests {
    @Test func validUTF8IsKept() {
        let decoded = TextDecoder.decode(Array("naïve “quotes”".utf8))
        #expect(decoded.encoding == .utf8)
        #expect(decoded.text == "naïve “quotes”")
        #expect(decoded.warning == nil)
    }

    @Test func invalidUTF8FallsBackToWindows1252WithAWarning() {
        // "café “x”" in Windows-1252.
        let bytes: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x78, 0x94]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "café “x”")
        #expect(decoded.firstInvalidByteOffset == 3)
        #expect(decoded.warning?.contains("offset 3") == true)
    }

    @Test(arguments: [
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF], [0x80],
    ] as [[UInt8]])
    func malformedSequencesAreInvalid(_ bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer { TextDecoder.firstInvalidUTF8Offset($0) } == 0)
        // Never crashes, always decodes.
        #expect(!TextDecoder.decode(bytes).text.isEmpty)
    }

    @Test func everyByteDecodes() {
        let all = (0...255).map(UInt8.init)
        let decoded = TextDecoder.decode(all)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text.unicodeScalars.count == 256)
        // The tokenizer accepts it.
        _ = Tokenizer().tokens(in: decoded.text)
    }

    @Test func binaryDetection() {
        #expect([UInt8]([0x41, 0x00, 0x42]).withUnsafeBufferPointer { TextDecoder.looksBinary($0) })
        #expect(![UInt8]("text".utf8).withUnsafeBufferPointer { TextDecoder.looksBinary($0) })
    }
}
