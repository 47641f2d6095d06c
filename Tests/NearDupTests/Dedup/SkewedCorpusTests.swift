import Foundation
import NearDup
@testable import NearDupIndex
import NearDupCorpusGenerator
import Testing

/// Issue 9: corpora with masses of exact copies and large groups of near-copies. Work and
/// pairs must grow with documents, and clusters and kept documents stay exact.
@Suite("Skewed corpora: copies and large groups")
struct SkewedCorpusTests {
    static let generated = CorpusGenerator(.init(documents: 300, wordsPerDocument: 200, duplicateRate: 0.3, seed: 9))

    static func run(
        _ documents: [(id: String, text: String)], verification: Verification = .exact, pairwiseLimit: Int = 100,
        bucketLimit: Int? = nil
    ) throws -> DedupResult {
        var options = CorpusDeduplicator.Options(
            verification: verification, threads: 2, keepsRecords: true, pairwiseLimit: pairwiseLimit)
        options._bucketLimit = bucketLimit
        let dedup = try CorpusDeduplicator(options: options)
        for document in documents {
            try dedup.add(id: document.id, text: document.text, record: Array(document.id.utf8))
        }
        return try dedup.finish()
    }

    /// Clusters as sets of ids, for comparing runs over different documents.
    static func clusters(_ result: DedupResult) -> Set<Set<String>> {
        Set(result.clusters.map { Set($0.members.map { result.ids[$0] }) })
    }

    static func kept(_ result: DedupResult) throws -> [String] {
        var ids: [String] = []
        try result.forEachKeptRecord { _, bytes in ids.append(String(decoding: bytes, as: UTF8.self)) }
        return ids
    }

    @Test("2,000 copies among distinct documents: one cluster, copies never banded, pairs linear, clusters and kept exact")
    func massesOfCopies() throws {
        let distinct = Self.generated.map { (id: $0.id, text: $0.text) }
        let reference = try Self.run(distinct)
        // 2,000 copies of document 5, interleaved with the documents after it.
        var mixed: [(id: String, text: String)] = []
        var copy = 0
        for (i, document) in distinct.enumerated() {
            mixed.append(document)
            for _ in 0..<7 where copy < 2_000 && i >= 5 {
                mixed.append((id: "copy-\(copy)", text: distinct[5].text))
                copy += 1
            }
        }
        while copy < 2_000 { mixed.append((id: "copy-\(copy)", text: distinct[5].text)); copy += 1 }
        let result = try Self.run(mixed)
        #expect(result.copyCount == 2_000)
        #expect(result.candidateCount == reference.candidateCount, "copies are not banded")

        // Clusters: those of the corpus without copies, the copies joining document 5's.
        let copyIDs = Set((0..<2_000).map { "copy-\($0)" })
        let original = distinct[5].id
        var expected = Self.clusters(reference)
        if let withOriginal = expected.first(where: { $0.contains(original) }) {
            expected.remove(withOriginal)
            expected.insert(withOriginal.union(copyIDs))
        } else {
            expected.insert(copyIDs.union([original]))
        }
        #expect(Self.clusters(result) == expected)
        #expect(try Self.kept(result) == Self.kept(reference))

        // Pairs: the ordinary clusters' pairs are those of the reference run; the big cluster
        // lists each member once, against its representative, with the group's size.
        let big = result.clusters.first { $0.members.count > 100 }!
        let grouped = result.pairs.filter { $0.group != nil }
        #expect(grouped.count == big.members.count - 1)
        #expect(grouped.allSatisfy { $0.first == big.representative && $0.group == big.members.count })
        #expect(Set(grouped.map(\.second)) == Set(big.members.dropFirst()))
        for pair in grouped where Set([result.ids[pair.first], result.ids[pair.second]]).isSubset(of: copyIDs.union([original])) {
            #expect(pair.jaccard == 1 && pair.estimate == 1)
        }
        let ordinary = Set(result.pairs.filter { $0.group == nil }.map { "\(result.ids[$0.first]) \(result.ids[$0.second])" })
        let referencePairs = Set(reference.pairs.filter { !big.members.map { result.ids[$0] }.contains(reference.ids[$0.first]) }
            .map { "\(reference.ids[$0.first]) \(reference.ids[$0.second])" })
        #expect(ordinary == referencePairs)
        #expect(result.pairs.count < mixed.count, "pairs grow with documents, not with pairs of copies")
    }

    /// `count` near-copies of one story: each ends with its own number, so no two are exact
    /// copies, and all pairs have Jaccard ≈ 0.98.
    static func nearCopies(_ count: Int) -> [(id: String, text: String)] {
        let story = generated[0].text
        return (0..<count).map { (id: "near-\($0)", text: story + " visited \($0) times") }
    }

    @Test("a large bucket of near-copies gives its first member's candidates only; the cluster is whole")
    func largeBucket() throws {
        let documents = Self.nearCopies(400) + Self.generated.dropFirst().map { (id: $0.id, text: $0.text) }
        let result = try Self.run(documents)
        #expect(result.copyCount == 0)
        let big = try #require(result.clusters.first { $0.members.contains(0) })
        #expect(big.members.count >= 400)
        #expect(Set((0..<400).map { "near-\($0)" }).isSubset(of: Set(big.members.map { result.ids[$0] })))
        // All pairs of the 400 would be 79,800 candidates; star buckets give about 400 per band.
        #expect(result.candidateCount < 400 * 18 + 2_000, "\(result.candidateCount) candidates")
        let grouped = result.pairs.filter { $0.group != nil }
        #expect(grouped.count == big.members.count - 1)
        for pair in grouped where pair.second < 400 { #expect(pair.jaccard! > 0.9 && pair.first == 0) }
    }

    @Test("the pair rule: every pair up to the limit, one pair per member above it", arguments: [100, 10])
    func pairRule(_ limit: Int) throws {
        let documents = Self.nearCopies(60)
        let result = try Self.run(documents, pairwiseLimit: limit)
        #expect(result.clusters.count == 1 && result.clusters[0].members.count == 60)
        if limit >= 60 {
            #expect(result.pairs.count == 60 * 59 / 2)
            #expect(result.pairs.allSatisfy { $0.group == nil && $0.jaccard! >= 0.8 })
            // Exactly the Jaccard of the shingle sets.
            let sets = documents.map { ShingleSet(text: $0.text) }
            for pair in result.pairs.prefix(50) { #expect(pair.jaccard == sets[pair.first].jaccard(sets[pair.second])) }
        } else {
            #expect(result.pairs.count == 59)
            #expect(result.pairs.allSatisfy { $0.group == 60 && $0.first == 0 })
        }
        #expect(try Self.kept(result) == ["near-0"])
    }

    @Test("in a large cluster a member that joined through a chain is listed with its similarity to the representative, below the threshold")
    func chainInLargeCluster() throws {
        let words = (0..<200).map { "w\($0)" }
        var b = words, c = words
        for i in 180..<200 { b[i] = "b\(i)"; c[i] = "b\(i)" }
        for i in 0..<20 { c[i] = "c\(i)" }
        let documents = [(id: "A", text: words.joined(separator: " ")), (id: "B", text: b.joined(separator: " ")),
                         (id: "C", text: c.joined(separator: " "))]
        let sets = documents.map { ShingleSet(text: $0.text) }
        #expect(sets[0].jaccard(sets[1]) >= 0.8 && sets[1].jaccard(sets[2]) >= 0.8 && sets[0].jaccard(sets[2]) < 0.8)
        // Buckets in full (limit 100), so that both pairs of the chain are found; clusters of
        // more than 2 listed against the representative.
        let listed = try Self.run(documents, pairwiseLimit: 2, bucketLimit: 100)
        #expect(Self.clusters(listed) == [["A", "B", "C"]])
        #expect(listed.pairs.map { "\($0.first)\($0.second)\($0.group ?? 0)" } == ["013", "023"])
        #expect(listed.pairs[1].jaccard == sets[0].jaccard(sets[2]))
        let ordinary = try Self.run(documents, pairwiseLimit: 3)
        #expect(ordinary.pairs.map { "\($0.first)\($0.second)" } == ["01", "12"], "pairs below the threshold are not listed")
    }

    @Test("with estimate verification copies are one cluster with estimate 1 and no Jaccard")
    func copiesByEstimate() throws {
        let story = Self.generated[1].text
        let documents = (0..<150).map { (id: "c\($0)", text: story) } + [(id: "other", text: "an unrelated note of a dozen words that shares no shingle with the story")]
        let result = try Self.run(documents, verification: .estimate)
        #expect(result.copyCount == 149)
        #expect(Self.clusters(result) == [Set((0..<150).map { "c\($0)" })])
        #expect(result.pairs.count == 149 && result.pairs.allSatisfy { $0.estimate == 1 && $0.jaccard == nil && $0.group == 150 })
    }

    @Test("texts that differ only in repeated and reordered shingles are copies; one more shingle is not")
    func contentKey() throws {
        let documents: [(id: String, text: String)] = [
            ("a", "one two three four five six"), ("b", "One, two; three four five six!"),
            ("c", "one two three four five six seven"), ("d", ""), ("e", ""),
        ]
        let result = try Self.run(documents)
        #expect(result.copyCount == 1)
        #expect(Self.clusters(result) == [["a", "b"]])
    }
}
