import NearDupCore
import NearDupReport
import Foundation

/// The candidate stage of discovery: inverted postings of sources' ``RewriteSketch`` terms,
/// answering, for a story, the few sources that share the most rare vocabulary with it.
///
/// A query takes the story's ``Settings/queryTerms`` rarest terms (fewest sources hold them;
/// terms in no source, or in more than ``Settings/maximumPostings`` sources, are passed over),
/// adds up `log((N + 1) / df)` over the terms each source shares, and keeps the
/// ``Settings/limit`` heaviest sources that share at least ``Settings/minimumSharedTerms`` terms
/// and ``Settings/minimumWeightShare`` of the story's query weight, and that the ``LinkRule``
/// allows. Only those go on to the report's alignment.
///
/// Rare terms are what a rewrite keeps (names, places, figures, the event's unusual words) and
/// what two stories about different events do not share, so the heaviest sources are the
/// story's own source and the other stories of its event. On METER's development split the
/// default settings find every derived link that aligning all pairs finds (see the README,
/// "Rewrites across an archive").
///
/// ```swift
/// var index = RewriteCandidateIndex()
/// let sketcher = RewriteSketcher()
/// index.insert(sketcher.sketch(wireCopy))
/// let found = index.candidates(for: sketcher.sketch(story), rule: LinkRule())
/// ```
///
/// Insertion is not thread-safe; queries on an index no longer being changed are.
public struct RewriteCandidateIndex: Sendable {
    /// How many candidates a query returns and which terms it reads.
    public struct Settings: Sendable, Hashable, Codable {
        /// The most sources a query returns (the top-k cut).
        public var limit: Int
        /// The story terms a query reads, rarest first.
        public var queryTerms: Int
        /// Terms held by more sources than this are passed over: too common to point anywhere,
        /// and what would make a query's work grow with the archive.
        public var maximumPostings: Int
        /// Query terms a source must share to be a candidate.
        public var minimumSharedTerms: Int
        /// The share of the story's query weight (the summed inverse document frequency of its
        /// query terms) a source must share to be a candidate: a source that shares only a few
        /// of the story's rare words is about something else, and is not worth the report's time.
        public var minimumWeightShare: Double

        /// Makes settings; the defaults are those `neardup discover` uses.
        ///
        /// - Parameters:
        ///   - limit: the most sources a query returns; 10 by default.
        ///   - queryTerms: the story terms a query reads, rarest first; 64 by default.
        ///   - maximumPostings: terms in more sources than this are passed over; 5,000 by default.
        ///   - minimumSharedTerms: query terms a candidate must share; 3 by default: one or two rare
        ///     terms in common are coincidence. In a generated archive few stems are rare enough to
        ///     be read (names, mostly); a source that a story retells a part of shares one of them
        ///     and some sampled stem pairs (``RewriteSketcher``). On 200,000 generated stories, 3
        ///     keeps 0.990 of the planted pairs among the candidates for 191,430 pairs judged, 2
        ///     0.997 for 811,888 (BENCHMARKS.md); METER's links are the same with either.
        ///   - minimumWeightShare: the share of the story's query weight a candidate must share,
        ///     0 to 1; 0 (off) by default: on METER, cutting candidates that share less than a fifth
        ///     of the story's weight drops sources a story retells a little of, and with them links.
        public init(
            limit: Int = 10, queryTerms: Int = 64, maximumPostings: Int = 5_000, minimumSharedTerms: Int = 3,
            minimumWeightShare: Double = 0
        ) {
            self.limit = limit
            self.queryTerms = queryTerms
            self.maximumPostings = maximumPostings
            self.minimumSharedTerms = minimumSharedTerms
            self.minimumWeightShare = minimumWeightShare
        }

        enum CodingKeys: String, CodingKey {
            case limit
            case queryTerms = "query_terms"
            case maximumPostings = "maximum_postings"
            case minimumSharedTerms = "minimum_shared_terms"
            case minimumWeightShare = "minimum_weight_share"
        }
    }

    /// How queries are answered.
    ///
    /// ``Settings/maximumPostings`` is also what insertion prunes by (a term's postings are
    /// dropped once more sources hold it), so it cannot be raised once a term has been pruned:
    /// that is a programming error, and stops the program rather than answer without the
    /// dropped postings. Every other setting may change between queries.
    public var settings: Settings {
        didSet {
            precondition(
                settings.maximumPostings <= oldValue.maximumPostings || commonTerms.isEmpty,
                "RewriteCandidateIndex: maximumPostings raised after terms above it were pruned")
        }
    }
    /// The sources' sketches without their terms, in insertion order.
    public private(set) var sources: [RewriteSketch] = []
    /// For each term held by at most ``Settings/maximumPostings`` sources, the positions of the
    /// sources holding it, ascending.
    /// (Terms are uniform hashes: keyed as ``HashKey``s, placed without SipHash.)
    private var postings: [HashKey: [UInt32]] = [:]
    /// For each term held by more sources, how many: its postings are dropped, as a query never
    /// reads them. Most of an archive's postings are of its common words, so this keeps the
    /// index's memory to the rare terms a query reads.
    private var commonTerms: [HashKey: Int] = [:]

    /// Makes an empty index.
    ///
    /// - Parameter settings: how queries are answered.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The number of sources inserted.
    public var count: Int { sources.count }

    /// Adds a source.
    ///
    /// - Parameter sketch: the source's sketch; its terms go into the postings, the rest is kept.
    /// - Returns: the source's position (0 for the first).
    /// - Complexity: O(t) amortised for t terms; a term's postings are dropped (O(p)) when the
    ///   source makes them longer than ``Settings/maximumPostings``.
    @discardableResult
    public mutating func insert(_ sketch: RewriteSketch) -> Int {
        let position = sources.count
        let maximum = settings.maximumPostings
        func appended(_ list: inout [UInt32]) -> Int {
            list.append(UInt32(position))
            return list.count
        }
        for term in sketch.terms {
            let key = HashKey(UInt64(term))
            if let count = commonTerms[key] {
                commonTerms[key] = count + 1
                continue
            }
            let held = appended(&postings[key, default: []])
            if held > maximum {
                postings[key] = nil
                commonTerms[key] = held
            }
        }
        var kept = sketch
        kept.terms = []
        sources.append(kept)
        return position
    }

    /// The number of sources holding `term`.
    ///
    /// - Parameter term: a hashed stem.
    /// - Returns: its document frequency among the sources.
    public func documentFrequency(of term: UInt32) -> Int {
        let key = HashKey(UInt64(term))
        return postings[key]?.count ?? commonTerms[key] ?? 0
    }

    /// The terms of `story` a query reads: those some source holds, at most
    /// ``Settings/maximumPostings`` sources, rarest first (ties by term), the
    /// ``Settings/queryTerms`` first. A sketch cut to these answers the same candidates as the
    /// whole, so a run that queries every story of a large archive keeps only these.
    ///
    /// - Parameter story: the story's sketch.
    /// - Returns: the terms in the order a query weighs them.
    /// - Complexity: O(t log t) for the story's t terms.
    public func queryTerms(of story: RewriteSketch) -> [UInt32] {
        ranked(story).map(\.term)
    }

    /// The story's query terms with their document frequencies and postings, rarest first.
    private func ranked(_ story: RewriteSketch) -> [(df: Int, term: UInt32, sources: [UInt32])] {
        let settings = self.settings
        var ranked: [(df: Int, term: UInt32, sources: [UInt32])] = []
        ranked.reserveCapacity(story.terms.count)
        for term in story.terms {
            guard let sources = postings[HashKey(UInt64(term))], sources.count <= settings.maximumPostings else { continue }
            // A term only the story itself holds (all against all, the story is a source too)
            // points nowhere else, and would take the place of one that does.
            if sources.count == 1, self.sources[Int(sources[0])].id == story.id { continue }
            ranked.append((sources.count, term, sources))
        }
        ranked.sort { $0.df != $1.df ? $0.df < $1.df : $0.term < $1.term }
        return Array(ranked.prefix(settings.queryTerms))
    }

    /// The sources worth aligning with `story`, heaviest first.
    ///
    /// - Parameters:
    ///   - story: the story's sketch.
    ///   - rule: which sources dates, outlets and identity allow.
    /// - Returns: at most ``Settings/limit`` candidates, by weight descending, then position.
    /// - Complexity: O(t log t) to rank the story's t terms by rarity, plus O(p) for the p
    ///   postings of the ``Settings/queryTerms`` rarest, each at most ``Settings/maximumPostings``
    ///   long (summed in an array over the sources up to 65,536 sources, by a radix sort beyond):
    ///   bounded whatever the archive's size.
    public func candidates(for story: RewriteSketch, rule: LinkRule) -> [RewriteCandidate] {
        let settings = self.settings
        let ranked = self.ranked(story)
        let n = Double(sources.count + 1)
        var idfs: [Double] = []
        var queryWeight = 0.0
        for (df, _, _) in ranked {
            let idf = log(n / Double(df))
            idfs.append(idf)
            queryWeight += idf
        }
        // Each source's weight is summed in the terms' order, whichever way: the same sum
        // whatever the archive's layout in memory.
        let scores = sources.count <= denseScoringSources ? denseScores(ranked, idfs) : sortedScores(ranked, idfs)
        // The `limit` first by weight descending, then position: kept in order as they come.
        func precedes(_ a: (source: UInt32, weight: Double, shared: Int), _ b: (source: UInt32, weight: Double, shared: Int)) -> Bool {
            a.weight != b.weight ? a.weight > b.weight : a.source < b.source
        }
        var best: [(source: UInt32, weight: Double, shared: Int)] = []
        let minimumWeight = settings.minimumWeightShare * queryWeight
        for score in scores where score.shared >= settings.minimumSharedTerms && score.weight >= minimumWeight {
            guard best.count < settings.limit || precedes(score, best[best.count - 1]) else { continue }
            guard rule.allows(story: story, source: sources[Int(score.source)]) else { continue }
            let at = best.firstIndex { precedes(score, $0) } ?? best.count
            best.insert(score, at: at)
            if best.count > settings.limit { best.removeLast() }
        }
        return best.map { RewriteCandidate(source: Int($0.source), sourceID: sources[Int($0.source)].id, weight: $0.weight, sharedTerms: $0.shared) }
    }

    /// The archive size up to which a query sums its sources' weights in an array over all of
    /// them (cleared per query), rather than sorting what its terms' postings meet. The
    /// candidates are the same either way (tests lower it to check so).
    var denseScoringSources = 1 << 16

    /// Each source the query's terms meet, with its weight and shared terms, in the order met:
    /// summed in arrays over every source, term after term. O(s + p) for s sources and p postings.
    private func denseScores(
        _ ranked: [(df: Int, term: UInt32, sources: [UInt32])], _ idfs: [Double]
    ) -> [(source: UInt32, weight: Double, shared: Int)] {
        var weight = [Double](repeating: 0, count: sources.count)
        var shared = [Int32](repeating: 0, count: sources.count)
        var met: [UInt32] = []
        weight.withUnsafeMutableBufferPointer { weight in
            shared.withUnsafeMutableBufferPointer { shared in
                for (rank, term) in ranked.enumerated() {
                    let idf = idfs[rank]
                    for source in term.sources {
                        let s = Int(source)
                        if shared[s] == 0 { met.append(source) }
                        weight[s] += idf
                        shared[s] += 1
                    }
                }
            }
        }
        return met.map { ($0, weight[Int($0)], Int(shared[Int($0)])) }
    }

    /// As ``denseScores(_:_:)``, for a large archive: each (source, query term) met, sorted by
    /// source then term, summed source after source. O(p) (a radix sort) for p postings.
    private func sortedScores(
        _ ranked: [(df: Int, term: UInt32, sources: [UInt32])], _ idfs: [Double]
    ) -> [(source: UInt32, weight: Double, shared: Int)] {
        var met: [UInt64] = []
        met.reserveCapacity(ranked.reduce(0) { $0 + $1.sources.count })
        for (rank, term) in ranked.enumerated() {
            for source in term.sources { met.append(UInt64(source) << 32 | UInt64(rank)) }
        }
        met.sortBySourceThenRank()
        var scores: [(source: UInt32, weight: Double, shared: Int)] = []
        for entry in met {
            let source = UInt32(entry >> 32), idf = idfs[Int(entry & 0xFFFF_FFFF)]
            if let last = scores.last, last.source == source {
                scores[scores.count - 1].weight += idf
                scores[scores.count - 1].shared += 1
            } else {
                scores.append((source, idf, 1))
            }
        }
        return scores
    }
}
