import NearDupCore

/// What kind of evidence a shared passage is.
public enum PassageKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Narrative text copied word for word (a run of at least five identical words outside quotes).
    case verbatim
    /// A narrative sentence rewritten from a reference sentence: same content words (after stemming),
    /// different wording.
    case paraphrase
    /// Words inside quotation marks that both texts contain: shared quoted speech. Shown as
    /// evidence, never counted towards derivation.
    case quotation
}

/// A half-open range of UTF-8 byte offsets into a document's decoded text (the input as read,
/// before the layout stage cleaned it).
public struct TextSpan: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Offset of the first byte of the span.
    public var start: Int
    /// Offset just past the last byte of the span; `end >= start`.
    public var end: Int

    /// Makes the span `start..<end`, in UTF-8 byte offsets; `start` must not exceed `end`.
    ///
    /// - Parameters:
    ///   - start: the offset of the first byte.
    ///   - end: the offset just past the last byte.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Makes the span covering the byte offsets of `range`.
    ///
    /// - Parameter range: a half-open range of UTF-8 byte offsets.
    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    /// The span as a half-open range of byte offsets, for slicing the text's UTF-8 view.
    public var range: Range<Int> { start..<end }
    /// `start..<end`, for example `120..<187`.
    public var description: String { "\(start)..<\(end)" }
}

/// A passage the candidate shares with the reference, with its place in both texts.
public struct Passage: Sendable, Hashable, Codable {
    /// Whether the passage is copied narrative, rewritten narrative or shared quoted speech.
    public var kind: PassageKind
    /// Where the passage is in the reference.
    public var reference: TextSpan
    /// Where the passage is in the candidate.
    public var candidate: TextSpan
    /// The candidate's text of the passage, as the layout stage cleaned it (wire quotes and `#`
    /// for `£` undone, hard-wrapped lines joined).
    public var text: String
    /// The reference's text of the passage.
    public var referenceText: String
    /// Number of words in the candidate's side.
    public var words: Int
    /// For paraphrases, the containment (0…1) of the candidate sentence in its source sentences:
    /// the share of its inverse-frequency-weighted content stems found there; 1 for verbatim and
    /// quotation passages.
    public var similarity: Double
    /// The 1-based numbers of the reference's narrative sentences this passage retells or copies
    /// (two for a candidate sentence that merges two reference sentences; empty for a passage
    /// outside the reference's narrative).
    public var referenceSentences: [Int]

    /// Makes a passage from spans and texts already found; ``RewriteAnalyzer`` is the usual source.
    /// `words` is at least 1 and `similarity` in 0…1.
    ///
    /// - Parameters:
    ///   - kind: verbatim, paraphrase or quotation.
    ///   - reference: where the passage is in the reference.
    ///   - candidate: where the passage is in the candidate.
    ///   - text: the candidate's text of the passage.
    ///   - referenceText: the reference's text of the passage.
    ///   - words: the number of words on the candidate's side.
    ///   - similarity: the containment of a paraphrase in its sources; 1 otherwise.
    ///   - referenceSentences: the numbers of the reference's narrative sentences it retells.
    public init(
        kind: PassageKind, reference: TextSpan, candidate: TextSpan, text: String, referenceText: String, words: Int,
        similarity: Double, referenceSentences: [Int] = []
    ) {
        self.kind = kind
        self.reference = reference
        self.candidate = candidate
        self.text = text
        self.referenceText = referenceText
        self.words = words
        self.similarity = similarity
        self.referenceSentences = referenceSentences
    }

    enum CodingKeys: String, CodingKey {
        case kind, reference, candidate, text, words, similarity
        case referenceText = "reference_text"
        case referenceSentences = "reference_sentences"
    }
}
