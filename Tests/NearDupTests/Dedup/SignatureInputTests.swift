import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing

/// Issue 9, must-have 4: documents known only by their signatures. Estimates are kept (and
/// say so: no exact Jaccard), exact verification is refused.
@Suite("Signatures in")
struct SignatureInputTests {
    static let corpus = CorpusGenerator(.init(documents: 200, wordsPerDocument: 200, duplicateRate: 0.3, seed: 5)).map { $0 }

    @Test("an estimate index of signatures answers as the same index of texts")
    func deduplicatorSignatures() throws {
        let hasher = MinHasher(.default)
        let fromTexts = NearDuplicateIndex(threshold: 0.8, verification: .estimate)
        let fromSignatures = NearDuplicateIndex(threshold: 0.8, verification: .estimate)
        for document in Self.corpus {
            fromTexts.insert(id: document.id, text: document.text)
            try fromSignatures.insert(id: document.id, signature: hasher.signature(for: document.text))
        }
        var matched = 0
        for document in Self.corpus {
            let expected = fromTexts.query(document.text)
            #expect(try fromSignatures.query(signature: hasher.signature(for: document.text)) == expected)
            #expect(fromSignatures.query(document.text) == expected)
            if expected.count > 1 { matched += 1 }
        }
        #expect(matched > 10, "the corpus has near-duplicates to find")
    }

    @Test("an exact index refuses signatures, and a signature query of it reports estimates")
    func exactIndex() throws {
        let hasher = MinHasher(.default)
        let index = NearDuplicateIndex(threshold: 0.8, verification: .exact)
        let document = Self.corpus[0]
        index.insert(id: document.id, text: document.text)
        #expect { try index.insert(id: "s", signature: hasher.signature(for: document.text)) } throws: {
            ($0 as? NearDupError)?.code == .shinglesRequired
        }
        #expect(index.count == 1)
        let matches = try index.query(signature: hasher.signature(for: document.text))
        #expect(matches == [IndexMatch(id: document.id, estimate: 1, jaccard: nil)])
        #expect(index.query(document.text).first?.jaccard == 1, "a text query is exact")
        let other = MinHasher(MinHashConfiguration(scheme: .onePermutation, permutations: 64, seed: 1, shingling: .words(5)))
        #expect { try index.query(signature: other.signature(for: document.text)) } throws: {
            ($0 as? NearDupError)?.code == .incompatibleSignatures
        }
    }

    @Test("a corpus run of signatures finds the pairs and clusters of the texts verified by estimate")
    func corpusSignatures() throws {
        let hasher = MinHasher(.default)
        let options = CorpusDeduplicator.Options(verification: .estimate, threads: 2)
        let texts = try CorpusDeduplicator(options: options)
        let signatures = try CorpusDeduplicator(options: options)
        for document in Self.corpus {
            try texts.add(id: document.id, text: document.text)
            try signatures.add(id: document.id, signature: hasher.signature(for: document.text))
        }
        let a = try texts.finish(), b = try signatures.finish()
        #expect(a.pairs == b.pairs && a.clusters == b.clusters && !a.pairs.isEmpty)
        #expect(b.pairs.allSatisfy { $0.jaccard == nil })

        let exact = try CorpusDeduplicator(options: .init(verification: .exact, threads: 1))
        #expect { try exact.add(id: "x", signature: hasher.signature(for: "some text")) } throws: {
            ($0 as? NearDupError)?.code == .shinglesRequired
        }
        _ = try exact.finish()
    }
}
