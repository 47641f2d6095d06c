import NearDupCore
import NearDupReport

/// The judging stage of discovery: runs the report (``RewriteAnalyzer``) on a story against its
/// candidate sources and keeps the links the report stands behind.
///
/// A link means what the report means: the story is the candidate, the source the reference.
/// 1. The story is compared with each candidate on its own (``judge(story:sources:)``).
/// 2. Its **sources** are the candidates from which the report derives at least one of its
///    sentences. One sentence in common is coincidence: unless one source alone gives the story
///    two sentences (or the report calls it derived from one alone), the story is linked only
///    when its sources read together (step 3) give it two. A story is often written from several pieces of copy about one event; judged
///    against each alone, each explains too little of it. With two or more sources, the report
///    judges the story once more against all of them read together, as one reference, as METER
///    judges a newspaper story against all the wire copy of its case.
/// 3. If that verdict is derived, the story links to its best source (the most words in runs
///    shared with it, ``EvidenceSummary/tiledTokens``, then the highest P(sharing),
///    ``VerdictDecision/sharingProbability``, then score, then coverage, then id); with
///    ``Selection/allDerived``, to each of its sources.
///
/// A linker is a value; its methods are thread-safe.
public struct RewriteLinker: Sendable {
    /// Which of a story's sources become links.
    public enum Selection: String, Sendable, Hashable, Codable, CaseIterable {
        /// The best source only.
        case best
        /// Every source of a derived story.
        case allDerived = "all-derived"
    }

    /// The report's analyzer: its configuration decides every verdict.
    public var analyzer: RewriteAnalyzer
    /// Which sources become links.
    public var selection: Selection

    /// Makes a linker.
    ///
    /// - Parameters:
    ///   - analyzer: the report's analyzer; `neardup report`'s configuration by default.
    ///   - selection: which sources become links; the best only by default.
    public init(analyzer: RewriteAnalyzer = RewriteAnalyzer(), selection: Selection = .best) {
        self.analyzer = analyzer
        self.selection = selection
    }

    /// The report on the story against each candidate source alone, in the order given,
    /// derived or not (step 1).
    ///
    /// - Parameters:
    ///   - story: the possible rewrite.
    ///   - sources: its candidate sources, each with the candidate stage's weight.
    /// - Returns: one link per source, whatever its verdict, each judged on the pair alone.
    /// - Complexity: per source, linear in the two texts plus the report's sparse alignment.
    public func judge(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)]) -> [RewriteLink] {
        guard !sources.isEmpty else { return [] }
        return judge(prepare(story: story), sources: sources.map { (prepare(source: $0.record), $0.weight) })
    }

    /// The story's links (steps 1 to 3).
    ///
    /// - Parameters:
    ///   - story: the possible rewrite.
    ///   - sources: its candidate sources, each with the candidate stage's weight.
    /// - Returns: the links, best source first; empty when the story is not derived from them.
    /// - Complexity: as ``judge(story:sources:)``, plus one more report when the story has
    ///   several sources.
    public func links(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)]) -> [RewriteLink] {
        guard !sources.isEmpty else { return [] }
        let prepared = sources.map { (text: prepare(source: $0.record), weight: $0.weight) }
        let texts = Dictionary(sources.map { ($0.record.id, $0.record.text) }, uniquingKeysWith: { a, _ in a })
        return links(prepare(story: story), sources: prepared, bounds: prepared.map { DerivationBound.Reference($0.text, for: DerivationBound(analyzer.configuration)) }) { texts[$0]! }
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

    /// ``links(story:sources:)`` on texts already read; `text` gives a source's text by id.
    /// `bounds`, one per source, lets ``DerivationBound`` spare the alignment of pairs that
    /// provably derive nothing. A failure of `text` is thrown.
    func links<Failure: Error>(
        _ story: AnalyzedText, sources: [(text: AnalyzedText, weight: Double)], bounds: [DerivationBound.Reference]? = nil,
        text: (String) throws(Failure) -> String
    ) throws(Failure) -> [RewriteLink] {
        // Each pair is aligned first; the rest of the report runs only on pairs with an aligned
        // sentence or a verbatim run, the others having no derived sentence (most candidates of
        // a story are about something else). A pair the bound proves derives nothing is not
        // even aligned (`nil`), unless its report is needed below.
        let bound = DerivationBound(analyzer.configuration)
        let storyBound = bounds.map { _ in DerivationBound.Story(story, for: bound) }
        let aligned = sources.indices.map { i -> RewriteAnalyzer.PairAlignment? in
            if let bounds, let storyBound, !bound.mayDerive(storyBound, from: bounds[i]) { return nil }
            return analyzer.align(sources[i].text, story)
        }
        var judged: [RewriteLink] = []
        var passedOver: [Int] = []
        for (i, source) in sources.enumerated() {
            guard let alignment = aligned[i], !alignment.derivesNothing else {
                passedOver.append(i)
                continue
            }
            judged.append(
                RewriteLink(
                    story: story.document.id, source: source.text.document.id, candidateWeight: source.weight,
                    report: analyzer.report(source.text, story, alignment: alignment)))
        }
        // One sentence in common is coincidence (boilerplate, a stock phrase): a story is linked
        // only when one source alone gives it two sentences or the report calls it derived
        // from one source alone.
        var group = judged.filter { $0.report.evidence.derivedSentences > 0 }.sorted(by: Self.ranksBefore)
        guard !group.isEmpty else { return [] }
        let strongest = group.map(\.report.evidence.derivedSentences).max() ?? 0
        var needsTogether = false
        if strongest < Self.minimumDerivedSentences, !judged.contains(where: \.isDerived) {
            // Only then do the pairs passed over count: a report could call a story derived
            // from a source that gives it no sentence (on its vocabulary alone). Rare; their
            // full reports decide, as if every pair had been judged.
            let derivedElsewhere = passedOver.contains { i in
                let alignment = aligned[i] ?? analyzer.align(sources[i].text, story)
                return analyzer.report(sources[i].text, story, alignment: alignment).verdict != .nonDerived
            }
            // Several sources that each give it one sentence may, read together, give it two or
            // more: then they decide together, below.
            guard derivedElsewhere || group.count > 1 else { return [] }
            needsTogether = !derivedElsewhere
        }
        let ids = group.map(\.source)
        if group.count > 1 {
            // The sources read together: one reference, in the order of their ids.
            let joined = try ids.sorted().map(text).joined(separator: "\n\n")
            let reference = analyzer.prepare(ReportDocument(id: ids.joined(separator: " + "), text: joined), isReference: true)
            let together = analyzer.compare(reference, story)
            for i in group.indices { group[i].groupReport = together }
            if needsTogether, together.evidence.derivedSentences < Self.minimumDerivedSentences { return [] }
        }
        for i in group.indices { group[i].sources = ids }
        guard group[0].isDerived else { return [] }
        return selection == .best ? [group[0]] : group
    }

    /// Sentences one source alone must give a story (unless the report calls the story derived
    /// from it alone) before the story is linked at all.
    static let minimumDerivedSentences = 2

    /// A story's sources in link order, on each pair alone: the story's words in runs it shares
    /// with the source (``EvidenceSummary/tiledTokens``, Greedy String Tiling coverage), then
    /// P(sharing), then score, then coverage, then source id.
    ///
    /// A story keeps its own source's wording more closely than that of the source's source, of
    /// the source's other rewrites or of a near-copy of it: each retelling rewords, so the exact
    /// wording passed down drifts at every step, while aligned sentences and shared vocabulary
    /// match a whole chain alike. On 200,000 stories of `neardup generate` (BENCHMARKS.md; before
    /// sketches held stem pairs), picking by tiled words rather than P(sharing) links 0.953 of
    /// the planted rewrites to their own source instead of 0.947, at a precision of 0.953 instead
    /// of 0.950; on METER's development split every story keeps the same verdict and a source of
    /// its own case.
    static func ranksBefore(_ x: RewriteLink, _ y: RewriteLink) -> Bool {
        let (t, u) = (x.report.evidence.tiledTokens, y.report.evidence.tiledTokens)
        if t != u { return t > u }
        // What a story shares with a source breaks ties; the copying route says whether it is
        // derived, and would favour a more distant source it copies from.
        let (a, b) = (x.report.decision.sharingProbability, y.report.decision.sharingProbability)
        if a != b { return a > b }
        if x.report.score != y.report.score { return x.report.score > y.report.score }
        if x.report.coverage != y.report.coverage { return x.report.coverage > y.report.coverage }
        return x.source < y.source
    }

    /// A record as the report reads it.
    static func document(_ record: StoryRecord) -> ReportDocument {
        ReportDocument(id: record.id, text: record.text)
    }
}
