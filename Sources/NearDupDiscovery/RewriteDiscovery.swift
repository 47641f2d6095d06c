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
/// let result = try discovery.discover(stories: newspaperStories, sources: wireCopy)
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
    /// - Throws: ``NearDupError`` when a story's text cannot be read (``StoryCollection``: a
    ///   ``SpilledStories`` whose scratch file fails); the error names the story. Nothing is
    ///   returned then.
    /// - Complexity: linear in the number of stories and sources for sketching; per story, the
    ///   bounded query of ``RewriteCandidateIndex`` and the report on at most
    ///   ``RewriteCandidateIndex/Settings/limit`` candidates.
    public func discover(stories: some StoryCollection, sources: some StoryCollection) throws(NearDupError) -> DiscoveryResult {
        try collect { links throws(NearDupError) in try discover(stories: stories, sources: sources, links: links) }
    }

    /// Links each story of an archive to the stories of the same archive it was rewritten from:
    /// all against all. A source is never dated after its rewrite; of two stories of one day (or
    /// without dates) the one whose id sorts first may be the other's source (``LinkRule``).
    ///
    /// - Parameter corpus: the archive.
    /// - Returns: the links, the corpus's order kept, each story's best first.
    /// - Throws: ``NearDupError`` when a story's text cannot be read (``StoryCollection``: a
    ///   ``SpilledStories`` whose scratch file fails); the error names the story. Nothing is
    ///   returned then.
    /// - Complexity: as ``discover(stories:sources:)`` with the corpus on both sides.
    public func discover(corpus: some StoryCollection) throws(NearDupError) -> DiscoveryResult {
        try collect { links throws(NearDupError) in try discover(corpus: corpus, links: links) }
    }

    /// ``discover(stories:sources:)`` with each story's links handed to `links` as they are
    /// found, in the stories' order, instead of kept: for an archive whose links are too many
    /// to keep in memory.
    ///
    /// - Parameters:
    ///   - stories: the possible rewrites.
    ///   - sources: the archive they may have been rewritten from.
    ///   - links: called with each story's links (best first), story after story; never with
    ///     an empty array.
    /// - Returns: what was searched and found.
    /// - Throws: ``NearDupError`` when a story's text cannot be read (``StoryCollection``: a
    ///   ``SpilledStories`` whose scratch file fails); the error names the story. The run
    ///   stops there, no summary is returned, and what `links` received by then is the
    ///   beginning of what a run without the failure would have handed on: whole stories, in
    ///   order (none when the failure comes before judging, while stories are sketched).
    /// - Complexity: as ``discover(stories:sources:)``; memory holds the sources' candidate
    ///   index, one batch of stories and the sources it needs read for the report.
    @discardableResult
    public func discover(
        stories: some StoryCollection, sources: some StoryCollection, links: ([RewriteLink]) -> Void
    ) throws(NearDupError) -> DiscoverySummary {
        try run(stories: stories, sources: sources, rule: LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: false), sameArchive: false, emit: links)
    }

    /// ``discover(corpus:)`` with each story's links handed to `links` as they are found, in
    /// the corpus's order, instead of kept.
    ///
    /// - Parameters:
    ///   - corpus: the archive.
    ///   - links: called with each story's links (best first), story after story; never with
    ///     an empty array.
    /// - Returns: what was searched and found.
    /// - Throws: ``NearDupError`` when a story's text cannot be read (``StoryCollection``: a
    ///   ``SpilledStories`` whose scratch file fails); the error names the story. The run
    ///   stops there, no summary is returned, and what `links` received by then is the
    ///   beginning of what a run without the failure would have handed on: whole stories, in
    ///   order (none when the failure comes before judging, while stories are sketched).
    /// - Complexity: as ``discover(corpus:)``; memory holds the candidate index (the postings of
    ///   the rare terms), each story's query terms, one batch of stories and the sources it
    ///   needs read for the report.
    @discardableResult
    public func discover(corpus: some StoryCollection, links: ([RewriteLink]) -> Void) throws(NearDupError) -> DiscoverySummary {
        try run(stories: corpus, sources: corpus, rule: LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: true), sameArchive: true, emit: links)
    }

    private func collect(
        _ body: (([RewriteLink]) -> Void) throws(NearDupError) -> DiscoverySummary
    ) throws(NearDupError) -> DiscoveryResult {
        var found: [RewriteLink] = []
        let summary = try body { found += $0 }
        return DiscoveryResult(links: found, stories: summary.stories, sources: summary.sources, candidatePairs: summary.candidatePairs)
    }

    func run(
        stories: some StoryCollection, sources: some StoryCollection, rule: LinkRule, sameArchive: Bool,
        emit: ([RewriteLink]) -> Void
    ) throws(NearDupError) -> DiscoverySummary {
        let sketcher = configuration.sketcher
        // Stage 1: the sources' sketches, a chunk at a time, into the candidate index (which
        // keeps the postings of the rare terms only). All against all, each story's terms are
        // kept for its query, cut to the ones a query reads once the index is whole.
        var index = RewriteCandidateIndex(settings: configuration.candidates)
        var queries: [[UInt32]] = []
        var start = 0
        while start < sources.count {
            let chunk = start..<min(sources.count, start + batching.stories)
            let sketches = try parallelMap(chunk.count) { k throws(NearDupError) in sketcher.sketch(try sources[chunk.lowerBound + k]) }
            for sketch in sketches { index.insert(sketch) }
            if sameArchive { queries += sketches.map(\.terms) }
            start = chunk.upperBound
        }
        if sameArchive {
            let full = queries
            queries = []
            queries = parallelMap(full.count) { i in index.queryTerms(of: querySketch(index.sources[i], terms: full[i])) }
        }
        // Stages 2 and 3, a batch of stories at a time: their candidates, then the report on
        // each story against its candidates (`judge`), links handed on in order. A
        // story searched against sources given apart is read once, as the report reads it, and
        // sketched from that reading (all against all, its sketch was made in stage 1).
        var summary = DiscoverySummary(stories: stories.count, sources: sources.count)
        var judging = JudgingState()
        let linker = configuration.linker
        let batchSize = sameArchive ? batching.stories : min(batching.stories, batching.readStories)
        start = 0
        while start < stories.count {
            let batch = start..<min(stories.count, start + batchSize)
            let found = try parallelMap(batch.count) { k throws(NearDupError) -> (read: AnalyzedText?, candidates: [(source: Int, weight: Double)]) in
                let i = batch.lowerBound + k
                var read: AnalyzedText?
                let sketch: RewriteSketch
                if sameArchive {
                    sketch = querySketch(index.sources[i], terms: queries[i])
                } else {
                    let record = try stories[i]
                    let text = linker.prepare(story: record)
                    sketch = sketcher.sketch(record, readAs: text) ?? sketcher.sketch(record)
                    read = text
                }
                let candidates = index.candidates(for: sketch, rule: rule).map { (source: $0.source, weight: $0.weight) }
                return (candidates.isEmpty ? nil : read, candidates)
            }
            summary.candidatePairs += found.reduce(0) { $0 + $1.candidates.count }
            try judge(
                batch.count,
                story: { k throws(NearDupError) in
                    if let read = found[k].read { return read }
                    return linker.prepare(story: try stories[batch.lowerBound + k])
                },
                candidates: { found[$0].candidates },
                source: { s throws(NearDupError) in try sources[s] }, state: &judging,
                body: { story, sources, bounds, text throws(NearDupError) in
                    try linker.links(story, sources: sources, bounds: bounds, text: text)
                },
                emit: { links in
                    guard !links.isEmpty else { return }
                    summary.record(links)
                    emit(links)
                })
            start = batch.upperBound
        }
        return summary
    }

    private func querySketch(_ metadata: RewriteSketch, terms: [UInt32]) -> RewriteSketch {
        var sketch = metadata
        sketch.terms = terms
        return sketch
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
        judge(work, grouping: true)
    }

    /// Stage 3 without the grouping: the report on each story against each candidate alone,
    /// derived or not (``RewriteLinker/judge(story:sources:)``), as aligning every pair gives it.
    ///
    /// - Parameter work: each story with its candidate sources and their weights.
    /// - Returns: for each story, one judged pair per source, in the order given.
    public func judge(_ work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])]) -> [[RewriteLink]] {
        judge(work, grouping: false)
    }

    /// Stage 3 on stories given with their sources' records (the sources numbered by id): each
    /// story's links (`grouping`) or each pair judged alone.
    private func judge(_ work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])], grouping: Bool) -> [[RewriteLink]] {
        var position: [String: Int] = [:]
        var records: [StoryRecord] = []
        let candidates = work.map { item in
            item.sources.map { source -> (source: Int, weight: Double) in
                if let at = position[source.record.id] { return (at, source.weight) }
                position[source.record.id] = records.count
                records.append(source.record)
                return (records.count - 1, source.weight)
            }
        }
        var judged: [[RewriteLink]] = []
        judged.reserveCapacity(work.count)
        var state = JudgingState()
        let linker = configuration.linker
        do {
            // The records are in memory: reading them cannot fail.
            try judge(
                work.count, story: { k throws(InMemory) in linker.prepare(story: work[k].story) }, candidates: { candidates[$0] },
                source: { s throws(InMemory) in records[s] }, state: &state,
                body: { story, sources, bounds, text throws(InMemory) in
                    grouping ? try linker.links(story, sources: sources, bounds: bounds, text: text) : linker.judge(story, sources: sources)
                }
            ) { judged.append($0) }
        } catch _ {
            // Unreachable: `InMemory` has no value.
        }
        return judged
    }

    /// The failure of reading records in memory: none. (`Never` would do, but Swift 6.3.1
    /// crashes lowering a `throws(Never)` closure passed into `judge`'s closures.)
    private enum InMemory: Error {}

    /// The sources read for the report, kept from one batch of stories to the next.
    struct JudgingState {
        /// The slot of each read source, by its position among the sources.
        var slot: [Int: Int] = [:]
        /// The read sources: positions, texts and bound tables.
        var prepared: [(position: Int, text: AnalyzedText, bound: DerivationBound.Reference)] = []
    }

    /// `body` on each of `count` stories, read once (`story` gives one as the report reads it),
    /// with its candidate sources, each read once
    /// per batch of stories and kept for the next batches while no more than ``keptSources``
    /// are kept (sources given apart, a wire archive, are read once in all); beyond, memory holds
    /// one batch's sources, however large the archive. A batch ends before the story that would
    /// make it read more than `freshSources` sources. `emit` receives each story's result, in
    /// order. When reading a story fails, the results of the stories before it are emitted and
    /// its failure (the first in the stories' order) is thrown; when reading a source fails,
    /// none of its batch's.
    func judge<Failure: Error>(
        _ count: Int, story: @escaping (Int) throws(Failure) -> AnalyzedText, candidates: @escaping (Int) -> [(source: Int, weight: Double)],
        source: @escaping (Int) throws(Failure) -> StoryRecord, state: inout JudgingState,
        body: @escaping (AnalyzedText, [(text: AnalyzedText, weight: Double)], [DerivationBound.Reference], (String) throws(Failure) -> String)
            throws(Failure) -> [RewriteLink],
        emit: ([RewriteLink]) -> Void
    ) throws(Failure) {
        let linker = configuration.linker
        var start = 0
        while start < count {
            if state.prepared.count > batching.keptSources { state = JudgingState() }
            // The batch: stories while the sources they need and no batch before read stay
            // within `freshSources` (always at least one story).
            var fresh: [Int] = [], isFresh = Set<Int>()
            var end = start
            while end < count {
                var needed: [Int] = []
                for s in candidates(end).map(\.source) where state.slot[s] == nil && !isFresh.contains(s) && !needed.contains(s) {
                    needed.append(s)
                }
                if end > start, fresh.count + needed.count > batching.freshSources { break }
                fresh += needed
                isFresh.formUnion(needed)
                end += 1
            }
            let bound = DerivationBound(linker.analyzer.configuration)
            let read = try parallelMap(fresh.count) { k throws(Failure) in
                let text = linker.prepare(source: try source(fresh[k]))
                return (position: fresh[k], text: text, bound: DerivationBound.Reference(text, for: bound))
            }
            for (k, s) in fresh.enumerated() { state.slot[s] = state.prepared.count + k }
            state.prepared += read
            let prepared = state.prepared, slot = state.slot
            let results = parallelResults(end - start) { k throws(Failure) -> [RewriteLink] in
                let i = start + k
                let items = candidates(i)
                guard !items.isEmpty else { return [] }
                let slots = items.map { slot[$0.source]! }
                var byID: [String: Int] = [:]
                for s in slots { byID[prepared[s].text.document.id] = prepared[s].position }
                return try body(
                    try story(i),
                    zip(slots, items).map { (prepared[$0].text, $1.weight) },
                    slots.map { prepared[$0].bound },
                    { id throws(Failure) in try source(byID[id]!).text })
            }
            for result in results { emit(try result.get()) }
            start = end
        }
    }

    /// How many stories and read sources a run holds at once: what bounds its memory. The links
    /// do not depend on these (tests make them small to check it).
    struct Batching {
        /// Stories sketched, or whose candidates are found, together.
        var stories = 4_096
        /// Stories read as the report reads them (for their sketch, their candidates and then
        /// their report), together, at most: a read story holds its words, stems and sentence
        /// index.
        var readStories = 256
        /// The read sources kept from one batch to the next, at most (beyond, a batch starts
        /// afresh). A read source holds its stems, sentence index and bound tables: some
        /// 100–200 kB for a 550-word story.
        var keptSources = 2_048
        /// The sources a batch of stories reads, at most, unless its first story alone needs more.
        var freshSources = 1_024
    }

    /// How many stories and read sources a run holds at once.
    var batching = Batching()

    /// `body(i)` for each i in `0..<count` on the configured threads, results in order. When
    /// some fail, the failure of the smallest i is thrown, whatever the threads.
    func parallelMap<T: Sendable, Failure: Error>(_ count: Int, _ body: (Int) throws(Failure) -> T) throws(Failure) -> [T] {
        try parallelResults(count, body).map { result throws(Failure) in try result.get() }
    }

    /// `body(i)` for each i in `0..<count` on the configured threads, each result or failure in
    /// order.
    func parallelResults<T: Sendable, Failure: Error>(_ count: Int, _ body: (Int) throws(Failure) -> T) -> [Result<T, Failure>] {
        var results = [Result<T, Failure>?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendableBox(buffer)
            // Stories differ in cost (a few are reported on, most not): small chunks.
            parallelRanges(count, threads: max(1, configuration.threads), minimumChunk: 2, chunksPerThread: 32) { range in
                for i in range { slots.value[i] = Result { () throws(Failure) in try body(i) } }
            }
        }
        return results.map { $0! }
    }
}

/// What a run of ``RewriteDiscovery`` that hands its links on as it finds them searched and found.
public struct DiscoverySummary: Sendable, Hashable {
    /// The number of stories searched.
    public var stories: Int
    /// The number of sources searched.
    public var sources: Int
    /// The number of (story, source) pairs the candidate stage passed to the report.
    public var candidatePairs = 0
    /// The number of links found.
    public var links = 0
    /// The number of links the report calls wholly derived.
    public var whollyDerived = 0

    /// Makes a summary of a run that found nothing yet.
    ///
    /// - Parameters:
    ///   - stories: the number of stories searched.
    ///   - sources: the number of sources searched.
    public init(stories: Int, sources: Int) {
        self.stories = stories
        self.sources = sources
    }

    /// The summary of a run that kept its links.
    ///
    /// - Parameter result: the run's result.
    public init(_ result: DiscoveryResult) {
        self.init(stories: result.stories, sources: result.sources)
        candidatePairs = result.candidatePairs
        record(result.links)
    }

    mutating func record(_ found: [RewriteLink]) {
        links += found.count
        whollyDerived += found.count { $0.verdict == .whollyDerived }
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
