import NearDupCore
import Foundation

/// One input of the verdict model: a length-normalised measure of a candidate's
/// ``EvidenceSummary``. Shares are taken as smoothed log-odds, `log((a + ½) / (b − a + ½))` for
/// `a` of `b`, so that a three-sentence brief, a twelve-sentence web story and an eighty-sentence
/// wire story are measured on the same scale, and an empty story or a perfect copy stays finite.
/// `scripts/fit-verdict.py` computes the same formulas from the JSON report.
public enum VerdictFeature: String, Sendable, Hashable, Codable, CaseIterable {
    /// The candidate's distinct narrative content stems that the reference uses: a rewrite keeps
    /// the source's words, an independent story tells the event in words of its own.
    case vocabulary
    /// The candidate's narrative content words in sentences aligned to the reference or copied
    /// from it: how much of the story retells the reference.
    case story
    /// The candidate's distinct narrative word bigrams found in the reference: local word order kept.
    case bigrams
    /// The same shared bigrams as a share of the smaller side: the candidate's narrative bigrams
    /// or the reference's body bigrams, whichever are fewer (the overlap coefficient). A
    /// condensed rewrite of a long wire story and a long story that retells a short reference
    /// among material of its own both score high; two independent reports of one event share
    /// their names and formulas, not their word pairs.
    case bigramOverlap
    /// The candidate's distinct narrative content stems that the reference uses, as a share of
    /// the smaller side (the candidate's or the reference's distinct content stems).
    case vocabularyOverlap
    /// The candidate's distinct body content stems, its own quotations included, that the
    /// reference uses: a story that lifts the quotations its source chose keeps its source's
    /// words there too, while an independent report picks its own.
    case bodyVocabulary
    /// The candidate's distinct body word bigrams, its own quotations included, found in the reference.
    case bodyBigrams
    /// The shared body bigrams (quotations included) as a share of the smaller side: the
    /// candidate's body bigrams or the reference's, whichever are fewer (the overlap
    /// coefficient, length normalised on both sides).
    case bodyBigramOverlap
    /// The shared body content stems (quotations included) as a share of the smaller side's.
    case bodyVocabularyOverlap
    /// The candidate's distinct narrative word trigrams found in the reference.
    case trigrams
    /// The candidate's narrative words in shared runs of three or more words (Greedy String
    /// Tiling coverage, Clough et al. 2002's strongest single measure).
    case tiled
    /// The candidate's narrative words in shared runs of six or more words: longer than stock phrases.
    case longTiled
    /// log(1 + narrative words in shared runs of six or more words).
    case longTiledCount
    /// The candidate's pairs of consecutive content stems found in the reference: word order
    /// that survives rewording.
    case stemPairs
    /// The reference's narrative sentences the candidate retells.
    case retold
    /// log(1 + reference narrative sentences retold). In the wholly model it weighs against
    /// ``story``: at the same share of the story retelling the reference, a story that retells
    /// many sentences is a longer piece, and on METER and the web rewrites alike longer pieces
    /// draw on other sources too (partially derived).
    case retoldCount
    /// The candidate's narrative sentences derived from the reference.
    case sentences
    /// Sentences copied into a story about something else: log(1 + the candidate's narrative
    /// sentences copied mostly word for word) times max(0, −log-odds of the rest of its
    /// narrative words whose stem the reference uses). Two reports of one event share most of
    /// their vocabulary outside what either retells, so the factor is near 0 for them, and
    /// copied court formulas weigh nothing; a story about something else (a round-up, a
    /// background box, a piece of its own) shares little outside what it copied, and there
    /// whole copied sentences show the reference is one of its sources. Read by
    /// ``VerdictModel/copying``.
    case offTopicCopies
    /// Aligned sentences that follow the reference's order (the longest such chain), of the most
    /// the shorter of the two stories allows: a rewrite follows its source, independent reports
    /// of one event scatter.
    case inOrder

    /// The feature's value for a candidate with this evidence.
    ///
    /// - Parameter e: the candidate's counts.
    /// - Returns: the smoothed log-odds of the share, or the log count, described on each case.
    public func value(_ e: EvidenceSummary) -> Double {
        switch self {
        case .vocabulary: Self.logOdds(e.sharedDistinctStems, of: e.distinctStems)
        case .story: Self.logOdds(e.derivedWords, of: e.narrativeWords)
        case .bigrams: Self.logOdds(e.sharedBigrams, of: e.narrativeBigrams)
        case .bigramOverlap: Self.logOdds(e.sharedBigrams, of: min(e.narrativeBigrams, e.referenceBigrams))
        case .vocabularyOverlap: Self.logOdds(e.sharedDistinctStems, of: min(e.distinctStems, e.referenceDistinctStems))
        case .bodyVocabulary: Self.logOdds(e.sharedBodyDistinctStems, of: e.bodyDistinctStems)
        case .bodyBigrams: Self.logOdds(e.sharedBodyBigrams, of: e.bodyBigrams)
        case .bodyBigramOverlap: Self.logOdds(e.sharedBodyBigrams, of: min(e.bodyBigrams, e.referenceBigrams))
        case .bodyVocabularyOverlap: Self.logOdds(e.sharedBodyDistinctStems, of: min(e.bodyDistinctStems, e.referenceDistinctStems))
        case .trigrams: Self.logOdds(e.sharedTrigrams, of: e.narrativeTrigrams)
        case .tiled: Self.logOdds(e.tiledTokens, of: e.narrativeTokens)
        case .longTiled: Self.logOdds(e.longTiledTokens, of: e.narrativeTokens)
        case .longTiledCount: log1p(Double(e.longTiledTokens))
        case .stemPairs: Self.logOdds(e.sharedStemPairs, of: e.stemPairs)
        case .retold: Self.logOdds(e.retoldSentences, of: e.referenceNarrativeSentences)
        case .retoldCount: log1p(Double(e.retoldSentences))
        case .sentences: Self.logOdds(e.derivedSentences, of: e.narrativeSentences)
        case .offTopicCopies:
            log1p(Double(e.verbatimSentences)) * max(0, -Self.logOdds(e.underivedSharedWords, of: e.underivedWords))
        case .inOrder: Self.logOdds(e.inOrderSentences, of: min(e.narrativeSentences, e.referenceNarrativeSentences))
        }
    }

    /// Smoothed log-odds of `a` out of `b`: the logit of (a + ½) / (b + 1).
    static func logOdds(_ a: Int, of b: Int) -> Double {
        let p = (Double(a) + 0.5) / (Double(b) + 1)
        return log(p / (1 - p))
    }
}
