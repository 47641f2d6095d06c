/// The judging stage of discovery: runs the report (``RewriteAnalyzer``) on a story against each
/// of its candidate sources and keeps the links the report stands behind.
///
/// A link means what the report means: the story is the candidate, the source the reference,
/// and the verdict, score, coverage and passages are the report's. By default a story links
/// to one source only, its best: of the sources the report calls derived, the one ranked first
/// as the report ranks candidates (verdict, then score, then coverage). Stories about one event
/// share names and quotations with every source about it, but are rewritten from one;
/// ``Selection/allDerived`` keeps every derived source instead.
///
/// A linker is a value; its methods are thread-safe.
public struct RewriteLinker: Sendable {
    /// Which of a story's derived sources become links.
    public enum Selection: String, Sendable, Hashable, Codable, CaseIterable {
        /// The best-ranked derived source only.
        case best
        /// Every source the report calls derived.
        case allDerived = "all-derived"
    }

    /// The report's analyzer: its configuration decides every verdict.
    public var analyzer: RewriteAnalyzer
    /// Which derived sources become links.
    public var selection: Selection

    /// Makes a linker.
    ///
    /// - Parameters:
    ///   - analyzer: the report's analyzer; `neardup report`'s configuration by default.
    ///   - selection: which derived sources become links; the best only by default.
    public init(analyzer: RewriteAnalyzer = RewriteAnalyzer(), selection: Selection = .best) {
        self.analyzer = analyzer
        self.selection = selection
    }

    /// The report on the story against each candidate source, in the order given, derived or not.
    ///
    /// - Parameters:
    ///   - story: the possible rewrite.
    ///   - sources: its candidate sources, each with the candidate stage's weight.
    /// - Returns: one link per source, whatever its verdict.
    /// - Complexity: per source, linear in the two texts plus the report's sparse alignment.
    public func judge(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)]) -> [RewriteLink] {
        guard !sources.isEmpty else { return [] }
        return judge(prepare(story: story), sources: sources.map { (prepare(source: $0.record), $0.weight) })
    }

    /// A story read once as the report reads a candidate.
    func prepare(story: StoryRecord) -> AnalyzedText { analyzer.prepare(Self.document(story)) }

    /// A source read once as the report reads a reference (with its synonyms).
    func prepare(source: StoryRecord) -> AnalyzedText { analyzer.prepare(Self.document(source), isReference: true) }

    /// ``judge(story:sources:)`` on texts already read.
    func judge(_ story: AnalyzedText, sources: [(text: AnalyzedText, weight: Double)]) -> [RewriteLink] {
        sources.map { source in
            RewriteLink(
                story: story.document.id, source: source.text.document.id, candidateWeight: source.weight,
                report: analyzer.compare(source.text, story))
        }
    }

    /// The links kept from a story's judged pairs: the derived ones, best first, cut to one
    /// unless ``selection`` is ``Selection/allDerived``.
    ///
    /// - Parameter judged: the story's pairs as ``judge(story:sources:)`` returns them.
    /// - Returns: the kept links, best-ranked first.
    public func select(_ judged: [RewriteLink]) -> [RewriteLink] {
        let derived = judged.filter(\.isDerived).sorted(by: Self.ranksBefore)
        return selection == .best ? Array(derived.prefix(1)) : derived
    }

    /// The story's links: ``judge(story:sources:)`` then ``select(_:)``.
    ///
    /// - Parameters:
    ///   - story: the possible rewrite.
    ///   - sources: its candidate sources, each with the candidate stage's weight.
    /// - Returns: the kept links, best-ranked first.
    public func links(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)]) -> [RewriteLink] {
        select(judge(story: story, sources: sources))
    }

    /// The report's ranking of candidates, applied to one story's sources: verdict, score,
    /// coverage, then source id.
    static func ranksBefore(_ x: RewriteLink, _ y: RewriteLink) -> Bool {
        let vx = strength(x.verdict), vy = strength(y.verdict)
        if vx != vy { return vx < vy }
        if x.score != y.score { return x.score > y.score }
        if x.coverage != y.coverage { return x.coverage > y.coverage }
        return x.source < y.source
    }

    /// Wholly derived first, non-derived last.
    static func strength(_ verdict: Verdict) -> Int {
        switch verdict {
        case .whollyDerived: 0
        case .partiallyDerived: 1
        case .nonDerived: 2
        }
    }

    /// A record as the report reads it.
    static func document(_ record: StoryRecord) -> ReportDocument {
        ReportDocument(id: record.id, text: record.text)
    }
}
