import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing
@testable import NearDupDiscovery

/// What keeps a large run's memory bounded must not change what it finds: texts kept in a
/// scratch file (``SpilledStories``), small judging batches that read sources again, an index
/// that drops the postings of common terms, and story sketches cut to the terms a query reads.
@Suite struct DiscoveryMemoryTests {
    /// A generated archive with planted rewrites, dated, from several outlets.
    static let archive: [StoryRecord] = {
        let corpus = CorpusGenerator(.init(
            documents: 90, wordsPerDocument: 220, duplicateRate: 0.05, seed: 18, rewriteRate: 0.3, names: 90))
        return corpus.indices.map { i in
            var bytes: [UInt8] = []
            corpus.appendText(ofDocumentAt: i, to: &bytes)
            return StoryRecord(
                id: corpus.id(ofDocumentAt: i), text: String(decoding: bytes, as: UTF8.self),
                date: String(format: "2024-01-%02d", 1 + i / 10), outlet: "outlet\(i % 7)")
        }
    }()

    @Test func spilledTextsReadBackAsWritten() throws {
        let records = [
            StoryRecord(id: "a", text: "Plain text.", date: "2024-01-01", outlet: "wire", url: "https://example.org/a"),
            StoryRecord(id: "b", text: ""),
            StoryRecord(id: "c", text: "Zürich — «quoted» 東京 🚀\nsecond line"),
        ]
        let spilled = try SpilledStories()
        for record in records { try spilled.append(record) }
        #expect(spilled.count == 3)
        #expect(try (0..<3).map { try spilled[$0] } == records)
        #expect(spilled.id(at: 2) == "c")
        // Appending after reading is allowed; earlier stories read the same.
        try spilled.append(StoryRecord(id: "d", text: String(repeating: "long text ", count: 300_000)))
        #expect(try spilled[3].text.utf8.count == 3_000_000 && spilled[0] == records[0])
    }

    @Test func smallBatchesAndSpilledTextsFindTheSameLinks() throws {
        let reference = try RewriteDiscovery().discover(corpus: Self.archive)
        #expect(reference.links.count >= 10, "not vacuous: the planted rewrites link")

        var small = RewriteDiscovery()
        small.batching = .init(stories: 7, keptSources: 5, freshSources: 3)
        #expect(try small.discover(corpus: Self.archive).links == reference.links)

        let spilled = try SpilledStories()
        for record in Self.archive { try spilled.append(record) }
        var streamed: [RewriteLink] = []
        let summary = try small.discover(corpus: spilled) { streamed += $0 }
        #expect(streamed == reference.links)
        #expect(summary == DiscoverySummary(reference))

        // Stories against sources given apart: the first 25 as sources.
        let sources = Array(Self.archive.prefix(25)), stories = Array(Self.archive.dropFirst(25))
        let apart = try RewriteDiscovery().discover(stories: stories, sources: sources)
        #expect(!apart.links.isEmpty)
        #expect(try small.discover(stories: stories, sources: sources).links == apart.links)
    }

    /// An index whose common terms were dropped, queried with sketches cut to their query terms,
    /// answers as an index that keeps every posting, queried with whole sketches.
    @Test func droppedPostingsAndCutSketchesAnswerTheSame() {
        let sketcher = RewriteSketcher()
        let sketches = Self.archive.map { sketcher.sketch($0) }
        let settings = RewriteCandidateIndex.Settings(maximumPostings: 12)
        var pruned = RewriteCandidateIndex(settings: settings)
        var whole = RewriteCandidateIndex(settings: .init(maximumPostings: Self.archive.count))
        for sketch in sketches {
            pruned.insert(sketch)
            whole.insert(sketch)
        }
        whole.settings = settings  // lowering the bound is allowed: the query passes over what it drops
        let rule = LinkRule()
        var compared = 0
        for sketch in sketches {
            #expect(pruned.documentFrequency(of: sketch.terms[0]) == whole.documentFrequency(of: sketch.terms[0]))
            var cut = sketch
            cut.terms = pruned.queryTerms(of: sketch)
            #expect(cut.terms.count <= settings.queryTerms)
            let expected = whole.candidates(for: sketch, rule: rule)
            #expect(pruned.candidates(for: cut, rule: rule) == expected)
            compared += expected.count
        }
        #expect(compared > 50)
    }
}
