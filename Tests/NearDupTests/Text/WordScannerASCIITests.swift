import Testing
@testable import NearDup

/// The eight-bytes-at-a-time ASCII scan agrees with the byte-by-byte fold table.
@Suite struct WordScannerASCIITests {
    /// Every byte value at every position of an eight-byte chunk, among random neighbours.
    @Test func classificationMatchesTheFoldTable() {
        var random = SplitMix64(seed: 5)
        let fold = WordScanner.asciiFoldTable
        for position in 0..<8 {
            for byte in 0..<256 {
                for _ in 0..<4 {
                    let shift = UInt64(8 * position)
                    let chunk = (random.next() & ~(0xFF << shift)) | (UInt64(byte) << shift)
                    let (isWord, lowered) = WordScanner.classifyASCII(chunk)
                    let expected = fold[byte]
                    #expect(((isWord >> shift) & 0xFF) == (expected != 0 ? 0x80 : 0), "byte \(byte) at \(position)")
                    if expected != 0 { #expect(UInt8(truncatingIfNeeded: lowered >> shift) == expected) }
                }
            }
        }
    }

    /// Random ASCII texts (letters of both cases, digits, spaces, punctuation, some non-ASCII
    /// letters) of every length up to 40 bytes, so that runs start and end at every offset of a
    /// chunk and in the byte-by-byte tail: the words and ranges are those of a plain split.
    @Test func wordsMatchAPlainSplit() {
        var random = SplitMix64(seed: 9)
        let alphabet = Array("abcXYZ09 ,.-!\u{7F}\t".unicodeScalars) + ["é", "Ж"]
        for length in 0...40 {
            for _ in 0..<50 {
                let scalars = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                var expected: [(Range<Int>, String)] = []
                var offset = 0, start = -1, word = ""
                for scalar in scalars {
                    let width = String(scalar).utf8.count
                    if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                        if start < 0 { start = offset }
                        word += String(scalar).lowercased()
                    } else if start >= 0 {
                        expected.append((start..<offset, word))
                        start = -1
                        word = ""
                    }
                    offset += width
                }
                if start >= 0 { expected.append((start..<offset, word)) }
                let words = Tokenizer().words(in: text)
                #expect(words.map(\.range) == expected.map(\.0), "\(text.debugDescription)")
                #expect(words.map(\.text) == expected.map(\.1), "\(text.debugDescription)")
            }
        }
    }
}
