import Testing
import NearDup

@Suite struct ShingleTests {
    @Test func wordShingleCountIsWordsMinusNPlusOne() {
        let text = (1...20).map { "w\($0)" }.joined(separator: " ")
        #expect(ShingleSet(text: text, shingling: .words(5)).count == 16)
        #expect(ShingleSet(text: text, shingling: .words(1)).count == 20)
    }

    @Test func shortDocumentsStillHaveOneShingle() {
        #expect(ShingleSet(text: "just three words", shingling: .words(5)).count == 1)
        #expect(ShingleSet(text: "one", shingling: .words(5)).count == 1)
        #expect(ShingleSet(text: "ab", shingling: .characters(5)).count == 1)
        #expect(ShingleSet(text: "", shingling: .words(5)).isEmpty)
        #expect(ShingleSet(text: " … ", shingling: .characters(3)).isEmpty)
    }

    @Test func shinglesIgnoreCaseAndPunctuationVariants() {
        let a = ShingleSet(text: "He said: “It was a goodwill act to lift tension.”")
        let b = ShingleSet(text: "he said \"it was a goodwill act to lift tension\"")
        #expect(a == b)
    }

    @Test func orderMatters() {
        let a = ShingleSet(text: "a b c d e", shingling: .words(5))
        let b = ShingleSet(text: "e d c b a", shingling: .words(5))
        #expect(a.jaccard(b) == 0)
    }

    @Test func characterShinglesSpanWordsWithOneSpace() {
        // "ab cd" has 5 scalars: 3-grams "ab ", "b c", " cd".
        #expect(ShingleSet(text: "AB,   cd", shingling: .characters(3)).count == 3)
        #expect(ShingleSet(text: "AB,   cd", shingling: .characters(3)) == ShingleSet(text: "ab cd", shingling: .characters(3)))
        // Multi-byte scalars count once.
        #expect(ShingleSet(text: "éèê", shingling: .characters(2)).count == 2)
    }

    @Test func exactJaccardAndContainment() {
        let a = ShingleSet(hashes: [1, 2, 3, 4])
        let b = ShingleSet(hashes: [3, 4, 5, 6, 7, 8])
        #expect(a.intersectionCount(b) == 2)
        #expect(a.jaccard(b) == 2.0 / 8.0)
        #expect(a.containment(in: b) == 0.5)
        #expect(b.containment(in: a) == 2.0 / 6.0)
        #expect(a.jaccard(a) == 1)
        #expect(ShingleSet(hashes: []).jaccard(ShingleSet(hashes: [])) == 0)
    }

    @Test func shingleSetDeduplicates() {
        #expect(ShingleSet(hashes: [5, 1, 5, 3, 1]).hashes == [1, 3, 5])
        let repeated = Array(repeating: "the same sentence again", count: 10).joined(separator: " ")
        #expect(ShingleSet(text: repeated, shingling: .words(4)).count == 4)
    }

    @Test func parsesShinglingSpecs() {
        #expect(Shingling("words:5") == .words(5))
        #expect(Shingling("chars:7") == .characters(7))
        #expect(Shingling("words:0") == nil)
        #expect(Shingling("bytes:3") == nil)
        #expect(Shingling("words") == nil)
        #expect(Shingling.words(3).description == "words:3")
    }
}
