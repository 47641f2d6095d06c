import NearDupCore
import NearDupReport
import Foundation

/// Finds which stories of an archive were rewritten from which: the library form of
/// `neardup discover`.
///
/// Three stages, each a layer over one part of the library:
/// 1. **sketch** (``RewriteSketcher``): every story's hashed content-word stems;
/// 2. **candidates** (``RewriteCandidateIndex``): for each story, the few sources sharing the most
///    rare vocabulary with it, among those the ``LinkRule`` allows;
/// 3. **judge** (``RewriteLinker``, that is the report): each story against its candidates
///    only, and the links the report calls derived.
///
/// ```swift
/// let discovery = RewriteDiscovery()
/// let result = discovery.discover(stories: newspaperStories, sources: wireCopy)
/// for link in result.links {
///     print(link.story, "<-", link.source, link.verdict, link.score)
/// }
/// ```
///
/// The result does not depend on the number of threads.
public struct RewriteDiscovery: Sendable {
    /// How stories are sketched, candidates chosen and links kept.
    public struct Configuration: Sendable {
        /// How sketches are made.
        public var sketcher = RewriteSketcher()
        /// How candidates are chosen.
        public var candidates = RewriteCandidateIndex.Settings()
        /// Whether stories of the same outlet may be linked (off by default).
        public var sameOutlet = false
        /// The report and the links kept.
        public var linker = RewriteLinker()
        /// Threads for sketching and judging; at least 1.
        public var threads = ProcessInfo.processInfo.activeProcessorCount

        /// Makes the default configuration, the one `neardup discover` uses.
        public init() {}
    }

    /// The settings of every run.
    public var configuration: Configuration

    /// Makes a discovery.
    ///
    /// - Parameter configuration: the settings of every run.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Links each story to the sources it was rewritten from. Dates and outlets restrict links
    /// as ``LinkRule`` says, without ordering by id (the sources are sources whatever their ids).
    ///
    /// - Parameters:
    ///   - stories: the possible rewrites.
    ///   - sources: the archive they may have been rewritten from (a wire service's copy).
    /// - Returns: the links, the stories' order kept, each story's best first.
    /// - Complexity: linear in the number of stories and sources for sketching; per story, the
    ///   bounded query of ``RewriteCandidateIndex`` and the report on at most
    ///   ``RewriteCandidateIndex/Settings/limit`` candidates.
    public func discover(stories: [StoryRecord], sources: [StoryRecord]) -> DiscoveryResult {
        run(stories: stories, sources: sources, rule: LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: false))
    }

    /// Links each story of an archive to the stories of the same archive it was rewritten from:
    /// all against all. A source is never dated after its rewrite; of two stories of one day (or
    /// without dates) the one whose id sorts first may be the other's source (``LinkRule``).
    ///
    /// - Parameter corpus: the archive.
    /// - Returns: the links, the corpus's order kept, each story's best first.
    /// - Complexity: as ``discover(stories:sources:)`` with the corpus on both sides.
    public func discover(corpus: [StoryRecord]) -> DiscoveryResult {
        run(stories: corpus, sources: corpus, rule: LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: true), sameArchive: true)
    }

    func run(stories: [StoryRecord], sources: [StoryRecord], rule: LinkRule, sameArchive: Bool = false) -> DiscoveryResult {
        let sourceSketches = sketch(sources)
        let storySketches = sameArchive ? sourceSketches : sketch(stories)
        var index = RewriteCandidateIndex(settings: configuration.candidates)
        for s in sourceSketches { index.insert(s) }
        let candidates = self.candidates(for: storySketches, in: index, rule: rule)
        let links = link(stories.indices.map { i in (stories[i], candidates[i].map { (sources[$0.source], $0.weight) }) })
        return DiscoveryResult(
            links: links.flatMap { $0 }, stories: stories.count, sources: sources.count,
            candidatePairs: candidates.reduce(0) { $0 + $1.count })
    }

    /// Stage 1: the sketches of `records`, in order, made on ``Configuration/threads`` threads.
    ///
    /// - Parameter records: the stories to sketch.
    /// - Returns: one sketch per record, in order.
    public func sketch(_ records: [StoryRecord]) -> [RewriteSketch] {
        let sketcher = configuration.sketcher
        return parallelMap(records.count) { sketcher.sketch(records[$0]) }
    }

    /// Stage 2: each story's candidates in `index`.
    ///
    /// - Parameters:
    ///   - stories: the stories' sketches.
    ///   - index: the sources' candidate index.
    ///   - rule: which links dates, outlets and identity allow.
    /// - Returns: for each story in order, its candidates, heaviest first.
    public func candidates(for stories: [RewriteSketch], in index: RewriteCandidateIndex, rule: LinkRule) -> [[RewriteCandidate]] {
        parallelMap(stories.count) { index.candidates(for: stories[$0], rule: rule) }
    }

    /// Stage 3: each story's links (``RewriteLinker/links(story:sources:)``).
    ///
    /// - Parameter work: each story with its candidate sources and their weights.
    /// - Returns: for each story, its links, best source first.
    public func link(_ work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])]) -> [[RewriteLink]] {
        let linker = configuration.linker
        return forEachBatch(work) { story, sources, bounds, text in linker.links(story, sources: sources, bounds: bounds, text: text) }
    }

    /// Stage 3 without the grouping: the report on each story against each candidate alone,
    /// derived or not (``RewriteLinker/judge(story:sources:)``), as aligning every pair gives it.
    ///
    /// - Parameter work: each story with its candidate sources and their weights.
    /// - Returns: for each story, one judged pair per source, in the order given.
    public func judge(_ work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])]) -> [[RewriteLink]] {
        let linker = configuration.linker
        return forEachBatch(work) { story, sources, _, _ in linker.judge(story, sources: sources) }
    }

    /// `body` on each story, read once, with its sources, read once per batch of stories.
    func forEachBatch(
        _ work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])],
        _ body: (AnalyzedText, [(text: AnalyzedText, weight: Double)], [DerivationBound.Reference], (String) -> String) -> [RewriteLink]
    ) -> [[RewriteLink]] {
        let linker = configuration.linker
        var judged: [[RewriteLink]] = []
        judged.reserveCapacity(work.count)
        // A batch of stories at a time: each source they need is read once, and kept for the
        // next batches while no more than `keptSources` are kept (sources given apart, a wire
        // archive, are read once in all); beyond, memory holds one batch's sources, however
        // large the archive.
        var sourceSlot: [String: Int] = [:]
        var needed: [StoryRecord] = []
        var prepared: [(text: AnalyzedText, bound: DerivationBound.Reference)] = []
        var start = 0
        while start < work.count {
            let items = Array(work[start..<min(work.count, start + Self.judgingBatch)])
            if prepared.count > Self.keptSources {
                sourceSlot = [:]
                needed = []
                prepared = []
            }
            let first = needed.count
            for item in items {
                for source in item.sources where sourceSlot[source.record.id] == nil {
                    sourceSlot[source.record.id] = needed.count
                    needed.append(source.record)
                }
            }
            let fresh = Array(needed[first...])
            let bound = DerivationBound(linker.analyzer.configuration)
            prepared += parallelMap(fresh.count) { i in
                let text = linker.prepare(source: fresh[i])
                return (text, DerivationBound.Reference(text, for: bound))
            }
            judged += parallelMap(items.count) { i in
                guard !items[i].sources.isEmpty else { return [] }
                let slots = items[i].sources.map { sourceSlot[$0.record.id]! }
                return body(
                    linker.prepare(story: items[i].story),
                    zip(slots, items[i].sources).map { (prepared[$0].text, $1.weight) },
                    slots.map { prepared[$0].bound },
                    { needed[sourceSlot[$0]!].text })
            }
            start += Self.judgingBatch
        }
        return judged
    }

    /// Stories judged together, sharing one reading of each source they need.
    static let judgingBatch = 4_096

    /// The read sources kept from one batch to the next, at most (beyond, a batch starts afresh).
    static let keptSources = 8_192

    /// `body(i)` for each i in `0..<count` on the configured threads, results in order.
    func parallelMap<T: Sendable>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendableBox(buffer)
            parallelRanges(count, threads: max(1, configuration.threads), minimumChunk: 4) { range in
                for i in range { slots.value[i] = body(i) }
            }
        }
        return results.map { $0! }
    }
}

/// What ``RewriteDiscovery`` found.
public struct DiscoveryResult: Sendable {
    /// The links, grouped by story in input order, each story's best first.
    public var links: [RewriteLink]
    /// The number of stories searched.
    public var stories: Int
    /// The number of sources searched.
    public var sources: Int
    /// The number of (story, source) pairs the candidate stage passed to the report.
    public var candidatePairs: Int

    /// Makes a result.
    ///
    /// - Parameters:
    ///   - links: the links, grouped by story.
    ///   - stories: the number of stories searched.
    ///   - sources: the number of sources searched.
    ///   - candidatePairs: the pairs the report judged.
    public init(links: [RewriteLink], stories: Int, sources: Int, candidatePairs: Int) {
        self.links = links
        self.stories = stories
        self.sources = sources
        self.candidatePairs = candidatePairs
    }
}
