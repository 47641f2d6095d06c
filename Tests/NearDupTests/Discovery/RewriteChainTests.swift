import NearDup
import NearDupCorpusGenerator
import Testing
@testable import NearDupDiscovery

/// A rewrite of a rewrite: the story retells its own source and, through it, that source's
/// source (the grandparent). Both are derived sources of the story; the link names the one it
/// was written from.
@Suite struct RewriteChainTests {
    /// The chains of a generated corpus: each story whose planted source is itself a planted
    /// rewrite, with its source and the source's source.
    static func chains(_ corpus: CorpusGenerator) -> [(story: StoryRecord, source: StoryRecord, grandparent: StoryRecord)] {
        func record(_ i: Int) -> StoryRecord {
            let document = corpus[i]
            return StoryRecord(id: document.id, text: document.text, date: document.date)
        }
        return corpus.indices.compactMap { i in
            guard let plan = corpus.rewritePlan(ofDocumentAt: i),
                let parent = corpus.rewritePlan(ofDocumentAt: plan.sourceIndex)
            else { return nil }
            return (record(i), record(plan.sourceIndex), record(parent.sourceIndex))
        }
    }

    /// Each retelling rewords, so a story keeps its own source's exact wording more than the
    /// grandparent's, while its sentences and vocabulary match both: ranking its sources by the
    /// words in shared runs (tiled words) names its own source where ranking them by P(sharing)
    /// often names the grandparent. Fixed seed; the counts are printed.
    @Test func aRewriteOfARewriteLinksToTheRewriteItCopies() throws {
        let corpus = CorpusGenerator(.init(
            documents: 1_200, wordsPerDocument: 300, duplicateRate: 0, seed: 31, rewriteRate: 0.6,
            rewriteKinds: [.reworded, .rewritten, .condensed, .reordered],
            dates: DateSpan(first: "2024-01-01", days: 1_000)))
        let chains = Self.chains(corpus)
        let linker = RewriteLinker()
        var own = 0, ownBySharing = 0, judged = 0
        for chain in chains {
            let links = linker.judge(story: chain.story, sources: [(chain.source, 1), (chain.grandparent, 1)])
            // Only where the report calls the story derived from both does the choice matter.
            guard links.allSatisfy(\.isDerived) else { continue }
            judged += 1
            if links.sorted(by: RewriteLinker.ranksBefore)[0].source == chain.source.id { own += 1 }
            let bySharing = links.max { $0.report.decision.sharingProbability < $1.report.decision.sharingProbability }!
            if bySharing.source == chain.source.id { ownBySharing += 1 }
        }
        print("chains \(chains.count), derived from both \(judged): own source first \(own), by P(sharing) \(ownBySharing)")
        #expect(judged >= 50)
        // Not a coin toss, and better than P(sharing).
        #expect(Double(own) >= 0.8 * Double(judged))
        #expect(own > ownBySharing)
    }
}
