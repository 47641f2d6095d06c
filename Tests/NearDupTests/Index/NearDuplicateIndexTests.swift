import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing

@Suite("NearDuplicateIndex")
struct NearDuplicateIndexTests {
    static let corpus = Array(CorpusGenerator(.init(documents: 150, wordsPerDocument: 200, duplicateRate: 0.3, seed: 9)))

    @Test("query finds exactly the indexed documents at or above the threshold (exact Jaccard)")
    func queryMatchesGroundTruth() {
        let index = NearDuplicateIndex(threshold: 0.8)
        let texts = Self.corpus.map(\.text)
        for document in Self.corpus { index.insert(id: document.id, text: document.text) }
        #expect(index.count == Self.corpus.count)
        let truth = GroundTruth.pairs(of: texts, configuration: .default, threshold: 0.8)
        var found = Set<GroundTruth.Pair>()
        let position = Dictionary(uniqueKeysWithValues: Self.corpus.enumerated().map { ($1.id, $0) })
        for (i, document) in Self.corpus.enumerated() {
            let matches = index.query(document.text)
            #expect(matches.first?.id == document.id, "a document is its own best match")
            #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
            for match in matches where match.id != document.id {
                #expect(match.jaccard! >= 0.8)
                let j = position[match.id]!
                found.insert(GroundTruth.Pair(first: min(i, j), second: max(i, j)))
            }
        }
        let (precision, recall) = GroundTruth.score(found: found, truth: truth)
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
    }

    @Test("remove takes a document out of every answer; inserting an id again replaces it")
    func removeAndReplace() {
        let index = NearDuplicateIndex()
        let a = Self.corpus[0], b = Self.corpus[1]
        index.insert(id: "x", text: a.text)
        #expect(index.query(a.text).map(\.id) == ["x"])
        index.insert(id: "x", text: b.text)
        #expect(index.count == 1)
        #expect(index.query(a.text).isEmpty)
        #expect(index.query(b.text).map(\.id) == ["x"])
        #expect(index.remove(id: "x"))
        #expect(!index.remove(id: "x"))
        #expect(index.query(b.text).isEmpty)
        #expect(index.count == 0)
    }

    @Test("concurrent inserts and queries are safe; insertIfUnique lets one of many copies in")
    func concurrency() async {
        let index = NearDuplicateIndex()
        await withTaskGroup(of: Void.self) { group in
            for document in Self.corpus {
                group.addTask { index.insert(id: document.id, text: document.text) }
                group.addTask { _ = index.query(document.text) }
            }
        }
        #expect(index.count == Self.corpus.count)
        let copies = NearDuplicateIndex()
        let text = Self.corpus[3].text
        let inserted = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<32 { group.addTask { copies.insertIfUnique(id: "copy-\(i)", text: text + (i % 2 == 0 ? "" : " ok")).isEmpty } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(inserted == 1)
        #expect(copies.count == 1)
    }
}
