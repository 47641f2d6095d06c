import Foundation
import NearDup
@testable import NearDupIndex
import NearDupCorpusGenerator
import Testing

/// An index holding many exact copies keeps them as one group, compared once per query; the
/// answers must be exactly those of comparing the query with every indexed document.
@Suite("Index with many copies")
struct IndexCopiesTests {
    /// 300 copies of one story, 40 variants of it (a few words replaced: some above the
    /// threshold, some below), copies of two variants, and 60 other stories, interleaved.
    static let documents: [(id: String, text: String)] = {
        let generated = Array(CorpusGenerator(.init(documents: 60, wordsPerDocument: 250, duplicateRate: 0.2, seed: 21)))
        let story = generated[0].text
        var rng = SplitMix64(seed: 7)
        var words = story.split(separator: " ").map(String.init)
        var variants: [String] = []
        for v in 0..<40 {
            var w = words
            for _ in 0..<(1 + v % 12) { w[Int(rng.next() % UInt64(w.count))] = "changed\(rng.next() % 1000)" }
            variants.append(w.joined(separator: " "))
        }
        words.removeAll()
        var out: [(String, String)] = []
        for i in 0..<300 {
            out.append(("copy\(i)", story))
            if i % 5 == 0 { out.append(("variant\(i / 5)", variants[(i / 5) % variants.count])) }
            if i % 20 == 0 { out.append(("variant3-copy\(i)", variants[3])) }
            if i % 5 == 1 { out.append(("other\(i / 5)", generated[1 + (i / 5) % (generated.count - 1)].text)) }
        }
        return out
    }()

    /// The reference answer: every indexed document (in insertion order) that shares a band
    /// with the query and whose similarity reaches the threshold, compared one by one, sorted
    /// most similar first, ties by insertion order.
    static func bruteForce(
        _ query: String, _ indexed: [(id: String, text: String)], threshold: Double, verification: Verification
    ) -> [IndexMatch] {
        let sketcher = DedupSketcher(configuration: .default, lsh: LSHParameters(threshold: threshold, permutations: 128))
        var sketches: [String: DedupSketcher.Sketch] = [:]
        let q = sketcher.sketch(query)
        var found: [(IndexMatch, Int)] = []
        for (position, document) in indexed.enumerated() {
            let d = sketches[document.text] ?? sketcher.sketch(document.text)
            sketches[document.text] = d
            guard d.setSize > 0, zip(q.bandKeys, d.bandKeys).contains(where: { $0 == $1 }) else { continue }
            let equal = zip(q.compactSignature, d.compactSignature).filter { $0 == $1 }.count
            let estimate = Double(equal) / Double(q.compactSignature.count)
            var jaccard: Double?
            if verification == .exact {
                let shared = Set(q.fingerprints).intersection(d.fingerprints).count
                jaccard = Double(shared) / Double(q.fingerprints.count + d.fingerprints.count - shared)
            }
            let match = IndexMatch(id: document.id, estimate: estimate, jaccard: jaccard)
            if match.similarity >= threshold { found.append((match, position)) }
        }
        found.sort { $0.0.similarity != $1.0.similarity ? $0.0.similarity > $1.0.similarity : $0.1 < $1.1 }
        return found.map(\.0)
    }

    /// Queries: the story, each variant, a copied variant, an unrelated story.
    static var queries: [String] {
        var texts = Set<String>()
        return documents.map(\.text).filter { texts.insert($0).inserted }
    }

    @Test("queries list every matching copy with the same ids and similarities as one-by-one comparison", arguments: [Verification.exact, .estimate])
    func sameMatches(_ verification: Verification) throws {
        let index = NearDuplicateIndex(threshold: 0.8, verification: verification)
        for document in Self.documents { index.insert(id: document.id, text: document.text) }
        #expect(index.count == Self.documents.count)
        // One group per distinct text; by estimate, texts with equal signatures share one too.
        if verification == .exact { #expect(index.groupCount == Self.queries.count) } else { #expect(index.groupCount <= Self.queries.count) }
        let path = try IndexFileTests.temporaryPath()
        try index.write(to: path)
        let loaded = try NearDuplicateIndex(contentsOf: path)
        #expect(loaded.groupCount == index.groupCount)
        var storyMatches = 0
        for query in Self.queries {
            let expected = Self.bruteForce(query, Self.documents, threshold: 0.8, verification: verification)
            #expect(index.query(query) == expected)
            #expect(loaded.query(query) == expected)
            if query == Self.documents[0].text { storyMatches = expected.count }
        }
        #expect(storyMatches >= 300, "the story matches its 300 copies and its close variants")
    }

    @Test("the bulk builder's file groups copies as the in-memory index does")
    func builderFile() throws {
        let path = try IndexFileTests.temporaryPath()
        let builder = try IndexBuilder(creating: path, threads: 2)
        for document in Self.documents { try builder.add(id: document.id, text: document.text) }
        try builder.finish()
        let loaded = try NearDuplicateIndex(contentsOf: path)
        #expect(loaded.groupCount == Self.queries.count)
        for query in Self.queries.prefix(12) {
            #expect(loaded.query(query) == Self.bruteForce(query, Self.documents, threshold: 0.8, verification: .exact))
        }
    }

    @Test("removing and replacing copies, the group's first member included, keeps answers exact")
    func removeAndReplace() throws {
        let index = NearDuplicateIndex(threshold: 0.8)
        for document in Self.documents { index.insert(id: document.id, text: document.text) }
        var remaining = Self.documents
        // Remove the first copy (whose data the group holds), every third copy, and a variant.
        for id in ["copy0", "variant1"] + stride(from: 3, to: 300, by: 3).map({ "copy\($0)" }) {
            #expect(index.remove(id: id))
            remaining.removeAll { $0.id == id }
        }
        // Replace a copy by another text, and a variant by the story (it joins the story's group).
        index.insert(id: "copy1", text: Self.documents.first { $0.id == "other0" }!.text)
        index.insert(id: "variant2", text: Self.documents[0].text)
        for (id, text) in [("copy1", Self.documents.first { $0.id == "other0" }!.text), ("variant2", Self.documents[0].text)] {
            remaining.removeAll { $0.id == id }
            remaining.append((id, text))
        }
        #expect(index.count == remaining.count)
        for query in Self.queries {
            #expect(index.query(query) == Self.bruteForce(query, remaining, threshold: 0.8, verification: .exact))
        }
        // Every copy removed: the story's group is gone; a new copy starts a new one.
        for document in remaining where document.text == Self.documents[0].text { index.remove(id: document.id) }
        #expect(index.query(Self.documents[0].text).allSatisfy { $0.jaccard! < 1 })
        index.insert(id: "again", text: Self.documents[0].text)
        #expect(index.query(Self.documents[0].text).first?.id == "again")
    }

    @Test("texts whose signatures are equal but whose shingles differ are separate groups, each gathering its copies")
    func equalSignaturesDifferentShingles() throws {
        // A long story and variants that change its last word: few shingles change, so some
        // variants keep every MinHash value (the index finds groups by signature first).
        let story = Array(CorpusGenerator(.init(documents: 1, wordsPerDocument: 2000, duplicateRate: 0, seed: 4)))[0].text
        let sketcher = DedupSketcher(configuration: .default, lsh: LSHParameters(threshold: 0.8, permutations: 128))
        let base = sketcher.sketch(story)
        let twins = (0..<40).map { story + " ending\($0)" }.filter { text in
            let sketch = sketcher.sketch(text)
            return sketch.compactSignature == base.compactSignature && sketch.fingerprints != base.fingerprints
        }
        try #require(twins.count >= 2, "variants with the story's signature")
        let texts = [story, twins[0], twins[1]]
        var documents: [(id: String, text: String)] = []
        for round in 0..<3 { for (t, text) in texts.enumerated() { documents.append(("t\(t)-\(round)", text)) } }
        let index = NearDuplicateIndex(threshold: 0.8)
        for document in documents { index.insert(id: document.id, text: document.text) }
        #expect(index.groupCount == 3)
        for text in texts {
            let matches = index.query(text)
            #expect(matches == Self.bruteForce(text, documents, threshold: 0.8, verification: .exact))
            #expect(matches.filter { $0.jaccard == 1 }.count == 3)
        }
        // Emptying the middle group of the key's chain leaves the others whole.
        for round in 0..<3 { index.remove(id: "t1-\(round)") }
        #expect(index.groupCount == 2)
        let remaining = documents.filter { !$0.id.hasPrefix("t1-") }
        index.insert(id: "t2-new", text: twins[1])
        #expect(index.groupCount == 2)
        for text in texts {
            #expect(index.query(text) == Self.bruteForce(text, remaining + [("t2-new", twins[1])], threshold: 0.8, verification: .exact))
        }
    }
}
