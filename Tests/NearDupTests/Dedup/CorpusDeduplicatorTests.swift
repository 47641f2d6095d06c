import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing

@Suite("Corpus deduplication")
struct CorpusDeduplicatorTests {
    static let generated = CorpusGenerator(.init(documents: 400, wordsPerDocument: 250, duplicateRate: 0.3, seed: 17))

    static func run(
        ids: [String], texts: [String], threshold: Double = 0.8, verification: Verification = .exact,
        threads: Int = 2, records: Bool = false
    ) throws -> DedupResult {
        let dedup = try CorpusDeduplicator(options: .init(
            threshold: threshold, verification: verification, threads: threads, keepsRecords: records))
        for (id, text) in zip(ids, texts) {
            try dedup.add(id: id, text: text, record: records ? Array("{\"id\":\"\(id)\"}".utf8) : nil)
        }
        return try dedup.finish()
    }

    static func found(_ result: DedupResult) -> Set<GroundTruth.Pair> {
        Set(result.pairs.map { GroundTruth.Pair(first: $0.first, second: $0.second) })
    }

    @Test("precision and recall ≥ 0.99 at 0.8 against exact Jaccard on a seeded corpus with planted near-duplicates")
    func plantedCorpus() throws {
        let texts = Self.generated.map(\.text)
        let truth = GroundTruth.pairs(of: texts, configuration: .default, threshold: 0.8)
        #expect(truth.count >= 50, "the corpus should plant enough near-duplicates to measure")
        let result = try Self.run(ids: Self.generated.map(\.id), texts: texts)
        let (precision, recall) = GroundTruth.score(found: Self.found(result), truth: truth)
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
        for pair in result.pairs {
            #expect(pair.first < pair.second)
            #expect(pair.jaccard! >= 0.8)
        }
    }

    /// Two unrelated three-word texts whose one shingle hashes share their low 32 bits (found
    /// by a birthday search with `scripts/signature-reference.py`'s shingle hash, signature
    /// format 2; issue 12's pair was "gbwz zq rbthjnc kesqlnbe" / "fliud yjmlua hoaj" under
    /// format 1). With 32-bit fingerprints and compact values they were a pair with estimate 1
    /// and Jaccard 1.
    static let colliding = ["hgtqgl irdd vpid", "jc fcg qxubhik"]

    @Test("one-shingle documents whose hashes share 32 bits are not duplicates", arguments: Verification.allCases)
    func shortDocumentsWithA32BitCollision(_ verification: Verification) throws {
        let a = ShingleSet(text: Self.colliding[0]), b = ShingleSet(text: Self.colliding[1])
        #expect(a.hashes.count == 1 && b.hashes.count == 1)
        #expect(UInt32(truncatingIfNeeded: a.hashes[0]) == UInt32(truncatingIfNeeded: b.hashes[0]), "the collision the test is about")
        let result = try Self.run(ids: ["A", "B"], texts: Self.colliding, verification: verification)
        #expect(result.pairs.isEmpty, "\(result.pairs)")
        let index = NearDuplicateIndex(threshold: 0.8, verification: verification)
        index.insert(id: "A", text: Self.colliding[0])
        #expect(index.query(Self.colliding[1]).isEmpty)
        #expect(index.query(Self.colliding[0]).map(\.id) == ["A"])
    }

    /// Issue 12, defect 7: a repeated id used to pair a document with itself.
    @Test("a repeated id is refused with the first document's position; the run goes on")
    func duplicateIDs() throws {
        let text = Self.generated.first!.text
        let dedup = try CorpusDeduplicator(options: .init(threshold: 0.8, threads: 2))
        try dedup.add(id: "x", text: text)
        try dedup.add(id: "y", text: Self.generated.last!.text)
        #expect {
            try dedup.add(id: "x", text: text)
        } throws: { error in
            let error = error as? NearDupError
            return error?.code == .duplicateID && error!.message.contains("document 1")
        }
        #expect(dedup.position(ofID: "x") == 0 && dedup.position(ofID: "y") == 1)
        try dedup.add(id: "z", text: text)
        let result = try dedup.finish()
        #expect(result.ids == ["x", "y", "z"])
        #expect(result.pairs.map { [$0.first, $0.second] } == [[0, 2]])
    }

    /// The Debian copyright files of this machine: real text, heavily near-duplicated.
    static func copyrightFiles(limit: Int) -> [(String, String)] {
        let folder = "/usr/share/doc"
        let packages = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var files: [(String, String)] = []
        for package in packages {
            let path = "\(folder)/\(package)/copyright"
            guard let data = FileManager.default.contents(atPath: path), data.count < 200_000 else { continue }
            files.append((path, String(decoding: data, as: UTF8.self)))
            if files.count == limit { break }
        }
        return files
    }

    @Test("precision and recall ≥ 0.99 at 0.8 on the machine's Debian copyright files")
    func debianCopyrightFiles() throws {
        let files = Self.copyrightFiles(limit: 300)
        #expect(files.count >= 100, "expected the Debian copyright files under /usr/share/doc")
        let texts = files.map(\.1)
        let truth = GroundTruth.pairs(of: texts, configuration: .default, threshold: 0.8)
        #expect(truth.count >= 20)
        let result = try Self.run(ids: files.map(\.0), texts: texts)
        let (precision, recall) = GroundTruth.score(found: Self.found(result), truth: truth)
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
    }

    @Test("the output is the same for any number of threads")
    func threadCountIndependence() throws {
        let ids = Self.generated.map(\.id), texts = Self.generated.map(\.text)
        let one = try Self.run(ids: ids, texts: texts, threads: 1)
        for threads in [2, 3, 8] {
            let other = try Self.run(ids: ids, texts: texts, threads: threads)
            #expect(other.pairs == one.pairs)
            #expect(other.clusters == one.clusters)
            #expect(other.isKept == one.isKept)
        }
    }

    @Test("clusters are the connected pairs, represented and kept by their earliest member")
    func clustersAndKept() throws {
        let ids = Self.generated.map(\.id), texts = Self.generated.map(\.text)
        let result = try Self.run(ids: ids, texts: texts, records: true)
        var clusterOf: [Int: Int] = [:]
        for (number, cluster) in result.clusters.enumerated() {
            #expect(cluster.members == cluster.members.sorted())
            #expect(cluster.representative == cluster.members.min())
            for member in cluster.members {
                #expect(clusterOf[member] == nil, "a document in two clusters")
                clusterOf[member] = number
            }
        }
        for pair in result.pairs {
            #expect(clusterOf[pair.first] != nil && clusterOf[pair.first] == clusterOf[pair.second])
        }
        let kept = (0..<result.documentCount).filter { doc in
            clusterOf[doc].map { result.clusters[$0].representative == doc } ?? true
        }
        #expect(kept == (0..<result.documentCount).filter { result.isKept[$0] })
        var records: [String] = []
        try result.forEachKeptRecord { _, bytes in records.append(String(decoding: bytes, as: UTF8.self)) }
        #expect(records == kept.map { "{\"id\":\"\(ids[$0])\"}" })
    }

    @Test("estimate verification reports estimates at or above the threshold and no exact Jaccard")
    func estimateVerification() throws {
        let result = try Self.run(ids: Self.generated.map(\.id), texts: Self.generated.map(\.text), verification: .estimate)
        #expect(!result.pairs.isEmpty)
        for pair in result.pairs {
            #expect(pair.jaccard == nil)
            #expect(pair.estimate >= 0.8)
        }
    }

    @Test("exact copies pair with each other at Jaccard 1, and a near copy joins their cluster")
    func exactCopies() throws {
        let text = Self.generated[0].text
        let words = text.split(separator: " ")
        let nearCopy = (words.prefix(words.count - 3) + ["an", "added", "ending"]).joined(separator: " ")
        let texts = Array(repeating: text, count: 30) + [nearCopy, Self.generated[1].text]
        let result = try Self.run(ids: texts.indices.map { "d\($0)" }, texts: texts)
        let copies = result.pairs.filter { $0.second < 30 }
        #expect(copies.count == 30 * 29 / 2)
        #expect(copies.allSatisfy { $0.jaccard == 1 && $0.estimate == 1 })
        let truth = GroundTruth.pairs(of: texts, configuration: .default, threshold: 0.8)
        #expect(Self.found(result) == truth)
        #expect(result.clusters.map(\.members) == [Array(0...30)])
    }

    @Test("empty documents pair with nothing, not even each other")
    func emptyDocuments() throws {
        let result = try Self.run(ids: ["a", "b", "c"], texts: ["", "  ...  ", "some words here and there"])
        #expect(result.pairs.isEmpty)
        #expect(result.isKept == [true, true, true])
    }
}
