/// A story found to be rewritten from a source: the pair, and the report's judgement of it.
public struct RewriteLink: Sendable, Hashable {
    /// The rewritten story's id.
    public var story: String
    /// The source's id.
    public var source: String
    /// The candidate stage's weight for the pair (``RewriteCandidate/weight``).
    public var candidateWeight: Double
    /// The report on the story as a candidate against the source as reference: verdict, score,
    /// coverage, passages (candidate spans are in the story, reference spans in the source) and
    /// evidence.
    public var report: CandidateReport

    /// Makes a link; ``RewriteLinker`` is the usual source.
    ///
    /// - Parameters:
    ///   - story: the rewritten story's id.
    ///   - source: the source's id.
    ///   - candidateWeight: the candidate stage's weight for the pair.
    ///   - report: the report on the story against the source.
    public init(story: String, source: String, candidateWeight: Double, report: CandidateReport) {
        self.story = story
        self.source = source
        self.candidateWeight = candidateWeight
        self.report = report
    }

    /// The report's verdict.
    public var verdict: Verdict { report.verdict }
    /// The share of the story's narrative taken from the source (the report's score).
    public var score: Double { report.score }
    /// The share of the source's narrative the story retells (the report's coverage).
    public var coverage: Double { report.coverage }
    /// Whether the report calls the story derived (wholly or partially) from the source.
    public var isDerived: Bool { report.verdict != .nonDerived }
}
