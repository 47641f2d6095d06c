import Testing
import NearDup

/// The ASCII fast path of the word scanner agrees with a plain split.
@Suite struct WordScannerASCIITests {
    /// Random ASCII texts (letters of both cases, digits, spaces, punctuation, some non-ASCII
    /// letters) of every length up to 40 bytes, so that runs start and end at every offset of the
    /// text: the words and ranges are those of a plain split.
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
