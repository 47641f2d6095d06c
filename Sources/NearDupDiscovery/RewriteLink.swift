import NearDupCore
import NearDupReport

/// A story found to be rewritten from a source: the pair, and the report's judgement of it.
///
/// A story is often written from several pieces of wire copy at once (METER's newspaper stories
/// take from several PA stories of the same case). The verdict and score are therefore the
/// report's on the story against all its ``sources`` read together, as one reference (the
/// sources from which the report aligns at least one of its sentences); the coverage, retold
/// sentences and passages are this source's own (``report``).
public struct RewriteLink: Sendable, Hashable {
    /// The rewritten story's id.
    public var story: String
    /// The source's id.
    public var source: String
    /// The candidate stage's weight for the pair (``RewriteCandidate/weight``).
    public var candidateWeight: Double
    /// The report on the story as a candidate against this source as reference: its score,
    /// coverage, passages (candidate spans are in the story, reference spans in the source) and
    /// evidence.
    public var report: CandidateReport
    /// All the story's sources, this one included, best first: the sources it retells at least
    /// one sentence of. Just ``source`` when it is the only one.
    public var sources: [String]
    /// The report on the story against its ``sources`` read together; `nil` when there is only
    /// this source (``report`` is then the judgement).
    public var groupReport: CandidateReport?

    /// Makes a link; ``RewriteLinker`` is the usual source.
    ///
    /// - Parameters:
    ///   - story: the rewritten story's id.
    ///   - source: the source's id.
    ///   - candidateWeight: the candidate stage's weight for the pair.
    ///   - report: the report on the story against this source.
    ///   - sources: all the story's sources, this one included; `[source]` when `nil`.
    ///   - groupReport: the report on the story against its sources together, when several.
    public init(
        story: String, source: String, candidateWeight: Double, report: CandidateReport, sources: [String]? = nil,
        groupReport: CandidateReport? = nil
    ) {
        self.story = story
        self.source = source
        self.candidateWeight = candidateWeight
        self.report = report
        self.sources = sources ?? [source]
        self.groupReport = groupReport
    }

    /// The report's verdict on the story against its sources (together, when several).
    public var verdict: Verdict { (groupReport ?? report).verdict }
    /// The share of the story's narrative taken from its sources (together, when several).
    public var score: Double { (groupReport ?? report).score }
    /// The share of this source's narrative the story retells.
    public var coverage: Double { report.coverage }
    /// Whether the report calls the story derived (wholly or partially).
    public var isDerived: Bool { verdict != .nonDerived }
}
