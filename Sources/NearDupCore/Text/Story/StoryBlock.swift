/// What a paragraph (or the head of one) of a news story is, as the layout stage reads it.
///
/// Only ``body`` is reporting. Everything else is shown in reports but never counts towards a
/// score: a headline, a byline or a photo credit says nothing about where the story's reporting
/// came from.
public enum StoryBlockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Running text: the story's reporting and its quotations.
    case body
    /// A headline or sub-headline (a short first line without a full stop, or a line in capitals).
    case headline
    /// A byline (`By Harriet Tolputt, PA News`) or a credit line (`Reporting by …`).
    case byline
    /// A dateline opening the first paragraph (`LONDON (Reuters) -`, `KYIV, Ukraine (AP) —`).
    case dateline
    /// Furniture: wire headers and rules, `end` lines, editorial notes in brackets, photo credits,
    /// repeated captions, "Read also" and "Related article" links, "Advertisement", closing
    /// promotions and copyright lines.
    case boilerplate
}

/// A stretch of a story's cleaned text and what it is.
public struct StoryBlock: Sendable, Hashable, Codable {
    /// What the stretch is.
    public var kind: StoryBlockKind
    /// UTF-8 byte offsets into ``StoryText/text`` (the cleaned text).
    public var range: Range<Int>

    /// Makes a block of `kind` over `range` of the cleaned text.
    ///
    /// - Parameters:
    ///   - kind: what the stretch is.
    ///   - range: UTF-8 byte offsets into the cleaned text.
    public init(kind: StoryBlockKind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
