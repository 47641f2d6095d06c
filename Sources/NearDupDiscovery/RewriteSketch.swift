import NearDupCore
import NearDupReport

/// What the candidate stage knows of a story: its id, date and outlet (which orient a link) and
/// its vocabulary, the hashed Snowball stems of its body's content words and a sample of their
/// pairs of consecutive stems.
///
/// A rewrite keeps a story's facts and names but changes its word order and much of its
/// phrasing, so word shingles, which need several words in a row, lose it (METER's rewrites share
/// few 5-grams with their wire copy). Stems of single content words survive: a rewritten story's
/// rare stems (names, places, numbers, the unusual verbs of the event) are mostly its source's,
/// and a stretch it copies keeps pairs of stems even where its words are common.
/// ``RewriteSketcher`` makes sketches; ``RewriteCandidateIndex`` answers candidates from them.
public struct RewriteSketch: Sendable, Hashable, Codable {
    /// The story's id.
    public var id: String
    /// The publication day as `YYYY-MM-DD`, or `nil`.
    public var date: String?
    /// The publishing outlet, or `nil`.
    public var outlet: String?
    /// The distinct content-word stems of the body and one in 16 of its distinct pairs of
    /// consecutive stems (``RewriteSketcher``), each hashed to 32 bits, sorted ascending.
    public var terms: [UInt32]

    /// Makes a sketch from terms already hashed; ``RewriteSketcher`` is the usual source.
    ///
    /// - Parameters:
    ///   - id: the story's id.
    ///   - date: the publication day as `YYYY-MM-DD`, or `nil`.
    ///   - outlet: the publishing outlet, or `nil`.
    ///   - terms: hashed stems and stem pairs, in any order and possibly repeated: they are sorted
    ///     and made unique.
    public init(id: String, date: String? = nil, outlet: String? = nil, terms: [UInt32]) {
        self.id = id
        self.date = date
        self.outlet = outlet
        // Terms read back from a sketch line are already ascending and distinct.
        self.terms = zip(terms, terms.dropFirst()).allSatisfy({ $0 < $1 }) ? terms : Array(Set(terms)).sorted()
    }
}
