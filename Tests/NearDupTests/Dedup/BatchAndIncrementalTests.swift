import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing

/// The two banding code paths — a dedup run over a whole corpus (``CorpusDeduplicator``: band
/// keys sorted into buckets) and the incremental index (``NearDuplicateIndex``: each document queried,
/// then inserted) — must find the same near-duplicate pairs with the same similarities.
@Suite("Batch and incremental banding")
struct BatchAndIncrementalTests {
    /// Generated stories with planted near-duplicates, plus exact copies and a small group of
    /// near-copies (each group under the pairwise limit, so the run lists every pair).
    static let documents: [(id: String, text: String)] = {
        let generated = Array(CorpusGenerator(.init(documents: 400, wordsPerDocument: 200, duplicateRate: 0.3, seed: 13)))
        var out = generated.map { (id: $0.id, text: $0.text) }
        for i in 0..<6 { out.insert(("copy-a\(i)", generated[0].text), at: 50 * i + 7) }
        for i in 0..<3 { out.insert(("copy-b\(i)", generated[10].text), at: 90 * i + 3) }
        for i in 0..<30 { out.append(("near\(i)", generated[20].text + " seen \(i) times")) }
        return out
    }()

    struct Pair: Hashable, CustomStringConvertible {
        var first: String, second: String, estimate: Double, jaccard: Double?
        var description: String { "\(first)–\(second) \(estimate) " + (jaccard.map { "\($0)" } ?? "-") }
    }

    @Test("the same pairs, estimates and Jaccard similarities from both paths", arguments: [Verification.exact, .estimate])
    func samePairs(_ verification: Verification) throws {
        let documents = Self.documents
        let dedup = try CorpusDeduplicator(options: .init(threshold: 0.8, verification: verification, threads: 2))
        for document in documents { try dedup.add(id: document.id, text: document.text) }
        let result = try dedup.finish()
        #expect(result.pairs.allSatisfy { $0.group == nil }, "every cluster is listed pair by pair")
        let batch = Set(result.pairs.map {
            Pair(first: result.ids[$0.first], second: result.ids[$0.second], estimate: $0.estimate, jaccard: $0.jaccard)
        })

        let index = NearDuplicateIndex(threshold: 0.8, verification: verification)
        var incremental = Set<Pair>()
        for document in documents {
            for match in index.query(document.text) {
                incremental.insert(Pair(first: match.id, second: document.id, estimate: match.estimate, jaccard: match.jaccard))
            }
            index.insert(id: document.id, text: document.text)
        }

        // A dedup run also lists pairs of a cluster that share no band (it compares every pair
        // of a small cluster); a query finds only documents that share a band with it.
        let sketcher = DedupSketcher(configuration: .default, lsh: dedup.lsh, keepsFingerprints: false)
        let bandKeys = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, sketcher.sketch($0.text).bandKeys) })
        let banded = batch.filter { pair in zip(bandKeys[pair.first]!, bandKeys[pair.second]!).contains { $0 == $1 } }
        #expect(batch.count - banded.count <= batch.count / 100)
        #expect(incremental == banded, "only in the run: \(banded.subtracting(incremental)); only in the index: \(incremental.subtracting(banded))")
        #expect(incremental.count >= 15 + 3 + 435, "the copies' and near-copies' pairs at least")
        #expect(incremental.allSatisfy { ($0.jaccard ?? $0.estimate) >= 0.8 })
    }
}
