import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing
@testable import NearDupDiscovery
@testable import NearDupReport

/// ``DerivationBound`` may stop only pairs whose full report finds no derived sentence, and must
/// stop some (else it spares nothing).
@Suite struct DerivationBoundTests {
    /// Every pair of the texts given: (stopped, derived sentences of the full report).
    static func pairs(
        stories: [StoryRecord], sources: [StoryRecord], linker: RewriteLinker = RewriteLinker()
    ) -> [(stopped: Bool, derived: Int, label: String)] {
        let bound = DerivationBound(linker.analyzer.configuration)
        let references = sources.map { linker.prepare(source: $0) }
        let bounds = references.map { DerivationBound.Reference($0, for: bound) }
        return stories.flatMap { story in
            let text = linker.prepare(story: story)
            let storyBound = DerivationBound.Story(text, for: bound)
            return references.indices.compactMap { i -> (Bool, Int, String)? in
                guard references[i].document.id != story.id else { return nil }
                let report = linker.analyzer.compare(references[i], text)
                return (!bound.mayDerive(storyBound, from: bounds[i]), report.evidence.derivedSentences, "\(story.id) <- \(references[i].document.id)")
            }
        }
    }

    @Test func aStoppedPairOfTheReportCorpusDerivesNothing() {
        let judged = Self.pairs(stories: RewriteDiscoveryTests.stories + RewriteDiscoveryTests.sources, sources: RewriteDiscoveryTests.sources)
        for pair in judged where pair.stopped { #expect(pair.derived == 0, "\(pair.label)") }
        #expect(judged.contains { $0.stopped })
        #expect(judged.contains { !$0.stopped && $0.derived > 0 })
    }

    /// Shorter verbatim passages and runs than the defaults: the bound reads its n-gram sizes
    /// from the configuration.
    @Test func aStoppedPairDerivesNothingWithShortPassages() {
        var configuration = RewriteAnalyzer.Configuration()
        configuration.verbatimMinimumWords = 3
        configuration.standaloneVerbatimWords = 4
        let linker = RewriteLinker(analyzer: RewriteAnalyzer(configuration: configuration))
        let judged = Self.pairs(
            stories: RewriteDiscoveryTests.stories + RewriteDiscoveryTests.sources, sources: RewriteDiscoveryTests.sources, linker: linker)
        for pair in judged where pair.stopped { #expect(pair.derived == 0, "\(pair.label)") }
        #expect(judged.contains { $0.stopped })
    }

    @Test func aStoppedPairOfAGeneratedArchiveDerivesNothing() {
        let corpus = CorpusGenerator(.init(
            documents: 120, wordsPerDocument: 300, duplicateRate: 0.05, seed: 18, rewriteRate: 0.3, names: 120))
        let records = corpus.indices.map { i in
            var bytes: [UInt8] = []
            corpus.appendText(ofDocumentAt: i, to: &bytes)
            return StoryRecord(id: corpus.id(ofDocumentAt: i), text: String(decoding: bytes, as: UTF8.self))
        }
        // Each planted document against its source and the next 5 documents' (unrelated ones).
        var stopped = 0, derivedLetThrough = 0
        for i in records.indices where i >= 6 {
            let sources = [records[corpus.rewritePlan(ofDocumentAt: i)?.sourceIndex ?? 0]] + records[(i - 5)..<i]
            for pair in Self.pairs(stories: [records[i]], sources: Array(sources)) {
                if pair.stopped {
                    stopped += 1
                    #expect(pair.derived == 0, "\(pair.label)")
                } else if pair.derived > 0 {
                    derivedLetThrough += 1
                }
            }
        }
        #expect(stopped > 0 && derivedLetThrough > 0)
    }

    @Test func aHashInsertedTwiceKeepsBothValues() {
        var table = HashedTerms(capacity: 4)
        table.insert(7, value: 1)
        table.insert(7, value: 2)
        table.insert(0, value: 3)  // 0 is stored as 1, beside a real 1
        table.insert(1, value: 4)
        var seven: [Int32] = []
        table.forEachValue(of: 7) { seven.append($0); return false }
        #expect(seven.sorted() == [1, 2])
        var one: [Int32] = []
        table.forEachValue(of: 1) { one.append($0); return false }
        #expect(one.sorted() == [3, 4])
        #expect(table.contains(0) && table.contains(7) && !table.contains(8))
        var hashes = HashedTerms(capacity: 2, values: false)
        hashes.insert(5, value: 9)
        hashes.insert(5, value: 3)
        var five: [Int32] = []
        hashes.forEachValue(of: 5) { five.append($0); return false }
        #expect(five == [0] && !hashes.contains(6))
    }
}
