// Swift snippets of README.md and of two DocC articles, verbatim, each inside a function, so
// that `swift test` compiles them and they cannot rot. `SnippetTests` checks that every ```swift
// block of a document is one of the regions marked for it (its `import` lines aside) and that
// every region is in its document; it runs the snippets that touch no files.
//
// To change a snippet: edit it here and in its document alike, then run
// `swift test --filter SnippetTests`.
import Foundation
import NearDup

enum ReadmeSnippets {
    /// The DocC article "Signatures and their encodings", "In one program".
    static func library() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/SignaturesAndEncodings.md
        let storyA = """
            Kremlin spokesman Dmitry Peskov acknowledged on Thursday that Russia had sustained \
            significant losses of troops in Ukraine and called it a huge tragedy for the country.
            """
        let storyB = """
            Kremlin spokesman Dmitry Peskov admitted on Thursday that Russia had sustained \
            significant losses of troops in Ukraine, calling it a huge tragedy for the country.
            """

        // Exact similarity of shingle sets.
        let a = ShingleSet(text: storyA, shingling: .words(5))
        let b = ShingleSet(text: storyB, shingling: .words(5))
        print(a.jaccard(b))             // |A ∩ B| / |A ∪ B|
        print(a.containment(in: b))     // |A ∩ B| / |A|: how much of A is found in B

        // MinHash signatures: compact, comparable, storable.
        let hasher = MinHasher(MinHashConfiguration(scheme: .onePermutation, permutations: 128, seed: 1,
                                                    shingling: .words(5)))
        let sa = hasher.signature(for: storyA)
        let sb = hasher.signature(for: storyB)
        print(try sa.jaccard(sb))        // an estimate; throws if the configurations differ
        print(try sa.containment(in: sb))

        // Store and reload (the configuration travels with the values).
        let bytes = sa.binaryEncoded()
        let again = try Signature(binaryEncoded: bytes)
        let json = try JSONEncoder().encode(sa)
        print(again == sa, json.count)

        // Hot loops: one workspace per thread, no allocation per document after warm-up.
        let workspace = hasher.makeWorkspace()
        var values = [UInt64](repeating: 0, count: 128)
        for var text in [storyA, storyB] {
            text.withUTF8 { utf8 in
                values.withUnsafeMutableBufferPointer { _ = hasher.sign(utf8: utf8, into: $0, using: workspace) }
            }
        }

        // Words with their byte offsets in the original text.
        for token in Tokenizer().tokens(in: "Don’t PANIC — café") { print(token.range, token.hash) }
        // Snippet end
    }

    /// README, "The library": the same analysis as `neardup report`, as a library call.
    static func report() throws {
        // Snippet begin: README.md
        let hill = try String(contentsOfFile: "seeds/000_ae173d8b20e40bc0.txt", encoding: .utf8)
        let other = try String(contentsOfFile: "seeds/002_b0680b2d050e38bf.txt", encoding: .utf8)
        let report = RewriteAnalyzer().analyze(reference: ReportDocument(id: "hill.txt", text: hill),
                                               candidates: [ReportDocument(id: "002.txt", text: other)])
        for candidate in report.candidates {
            print(candidate.id, candidate.verdict, candidate.score, candidate.coverage)
        }
        // Snippet end
    }

    /// The DocC article "The persistent index", "In a pipeline": the index and batch dedup (they
    /// read and write files, so the tests compile them and do not run them).
    static func index() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/PersistentIndex.md
        // Incremental, safe from concurrent code: insert, query, remove, insertIfUnique (atomic).
        let index = NearDuplicateIndex(threshold: 0.8)                   // or NearDuplicateIndex(contentsOf: "out/archive.ndx")
        let story = (id: "story-981", text: "The text of a story that has just come in …")
        let matches = index.insertIfUnique(id: story.id, text: story.text)
        if let best = matches.first { print("rewrite of", best.id, best.jaccard!) }
        index.remove(id: "story-17")
        try index.write(to: "out/archive.ndx")

        // Signatures made elsewhere go into an index that verifies by estimate (an exact one
        // throws .shinglesRequired, since a signature has no shingles).
        let sketches = NearDuplicateIndex(threshold: 0.8, verification: .estimate)
        let signature = MinHasher().signature(for: story.text)
        try sketches.insert(id: story.id, signature: signature)
        print(try sketches.query(signature: signature).map(\.id))

        // Batch: every pair and cluster of a corpus in one streaming pass on all cores.
        let dedup = try CorpusDeduplicator(options: .init(threshold: 0.8, keepsRecords: false))
        try CorpusReader().read(["out/corpus.jsonl"], document: { try dedup.add($0) }, problem: { print($0) })
        let result = try dedup.finish()
        for pair in result.pairs { print(result.ids[pair.first], result.ids[pair.second], pair.jaccard!) }
        // pair.group != nil: the pair stands for a cluster of more than pairwiseLimit documents (listed
        // against its representative); result.copyCount counts exact copies.

        // Bulk index building on all cores.
        let builder = try IndexBuilder(creating: "out/archive.ndx", threshold: 0.8)
        try builder.add(id: "story-1", text: story.text)
        try builder.finish()   // writes the file (temporary file, then rename)
        // Snippet end
    }
}
