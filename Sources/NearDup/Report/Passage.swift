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

/// A half-open range of UTF-8 byte offsets into a document's decoded text.
public struct TextSpan: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    public var range: Range<Int> { start..<end }
    public var description: String { "\(start)..<\(end)" }
}

/// A passage the candidate shares with the reference, with its place in both texts.
public struct Passage: Sendable, Hashable, Codable {
    public var kind: PassageKind
    /// Where the passage is in the reference.
    public var reference: TextSpan
    /// Where the passage is in the candidate.
    public var candidate: TextSpan
    /// The candidate's text of the passage.
    public var text: String
    /// The reference's text of the passage.
    public var referenceText: String
    /// Number of words in the candidate's side.
    public var words: Int
    /// For paraphrases, the weighted overlap (Dice, 0…1) of the two sentences' content-word stems;
    /// 1 for verbatim and quotation passages.
    public var similarity: Double

    public init(
        kind: PassageKind, reference: TextSpan, candidate: TextSpan, text: String, referenceText: String, words: Int,
        similarity: Double
    ) {
        self.kind = kind
        self.reference = reference
        self.candidate = candidate
        self.text = text
        self.referenceText = referenceText
        self.words = words
        self.similarity = similarity
    }

    enum CodingKeys: String, CodingKey {
        case kind, reference, candidate, text, words, similarity
        case referenceText = "reference_text"
    }
}
