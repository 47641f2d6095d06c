import Testing
import NearDup
@testable import NearDupCore

/// The word-shingle combination of signature format 2 (``WordShingleHash``).
@Suite struct WordShingleHashTests {
    /// The rolling update (two multiplications a word) gives the direct formula's value for
    /// every window, for n from 1 to 12, including repeated words.
    @Test func rollingUpdateEqualsTheDirectFormula() {
        var random = SplitMix64(seed: 7)
        for n in 1...12 {
            let vocabulary = (0..<5).map { _ in random.next() }  // few words: many repeats
            let words = (0..<60).map { i in i % 3 == 0 ? vocabulary[Int(random.next() % 5)] : random.next() }
            var rolling = RollingWordShingleHash(size: n)
            for (i, word) in words.enumerated() {
                rolling.append(word, leaving: i >= n ? words[i - n] : 0)
                let window = Array(words[max(0, i + 1 - n)...i])
                // The plain sum Σ wᵢ·Bᵐ⁻¹⁻ⁱ, written out independently of the Horner loop.
                var sum: UInt64 = 0
                for (j, w) in window.enumerated() {
                    var power: UInt64 = 1
                    for _ in 0..<(window.count - 1 - j) { power &*= WordShingleHash.base }
                    sum &+= w &* power
                }
                #expect(rolling.polynomial == sum, "n = \(n), word \(i)")
                let direct = window.withUnsafeBufferPointer {
                    WordShingleHash.hash(of: $0.baseAddress!, count: $0.count, seed: 3)
                }
                #expect(direct == Mixing.fmix64(sum ^ 3))
            }
        }
    }

    /// The collision bound of the doc comment: every non-zero combination Σ eₖ·Bᵏ with
    /// eₖ ∈ {−1, 0, 1}, k < n, is non-zero mod 2⁶⁴ with at most 7 trailing zero bits for n = 5
    /// and at most 12 for every n ≤ 8 (enumerated: 3⁸ − 1 combinations).
    @Test func signedPowerCombinationsHaveFewTrailingZeros() {
        var powers: [UInt64] = [1]
        for _ in 1..<8 { powers.append(powers.last! &* WordShingleHash.base) }
        var worst = [Int](repeating: 0, count: 9)  // worst[n]: over combinations using powers < n
        var digits = [Int](repeating: 0, count: 8)  // base-3 counter: 0 → 0, 1 → +1, 2 → −1
        for _ in 1..<6561 {
            var i = 0
            while digits[i] == 2 { digits[i] = 0; i += 1 }
            digits[i] += 1
            var sum: UInt64 = 0
            var highest = 0
            for k in 0..<8 where digits[k] != 0 {
                sum = digits[k] == 1 ? sum &+ powers[k] : sum &- powers[k]
                highest = k
            }
            #expect(sum != 0)
            let zeros = sum.trailingZeroBitCount
            for n in (highest + 1)...8 { worst[n] = max(worst[n], zeros) }
        }
        #expect(worst[5] <= 7)
        #expect(worst[8] <= 12)
    }

    /// Shingles of the text engine and of `WordShingles` (the report's path) agree, for full
    /// windows and for a text shorter than n.
    @Test(arguments: [1, 2, 5, 9])
    func engineAndWordShinglesAgree(_ n: Int) {
        let text = "The Minister said on Monday that the budget, approved last week, would be revised. Prices rose 3%."
        for sample in [text, "two words"] {
            let tokens = Tokenizer(seed: 11).tokens(in: sample).map(\.hash)
            var expected: [UInt64] = []
            WordShingles.append(of: tokens, size: n, seed: 11, to: &expected)
            let engine = ShingleEngine(shingling: .words(n), seed: 11, normalization: .standard)
            var produced: [UInt64] = []
            withUTF8(of: sample) { engine.forEachShingle(in: $0) { produced.append($0) } }
            #expect(produced == expected, "n = \(n): \(sample)")
        }
    }
}
