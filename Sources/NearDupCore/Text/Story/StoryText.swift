/// A news story as the layout stage reads it: its cleaned running text, what each stretch of it
/// is, and where each byte came from in the original.
///
/// The cleaned text has one paragraph per block, separated by a blank line; hard-wrapped lines
/// are joined with a space, wire conventions are undone (two backticks and two apostrophes become
/// `“` and `”`, `#` before a digit becomes `£`, the paragraph mark `<` is dropped), and line ends
/// are `\n`. Sentence splitting, quotation finding and tokenising all run on it, so they agree on
/// offsets; ``originalRange(of:)`` maps any of its ranges back to the original input.
///
/// ```swift
/// let story = StoryLayout().read("LONDON (Reuters) - Talks resumed on Monday.\n\nAdvertisement\n")
/// story.blocks.map(\.kind)   // [.dateline, .body, .boilerplate]
/// story.body                 // "Talks resumed on Monday."
/// ```
public struct StoryText: Sendable, Hashable {
    /// The cleaned text.
    public let text: String
    /// The blocks of ``text``, in order, not overlapping; every word of the text is in one.
    public let blocks: [StoryBlock]
    /// Whether the input was read as wire copy (paragraphs ending in `<`, as Press Association
    /// copy is sent).
    public let isWireCopy: Bool
    /// For each byte of `text`, the offset in the original where the text it came from starts.
    let origin: [Int]
    /// For each byte of `text`, the offset in the original where the text it came from ends.
    let originEnd: [Int]

    init(text: String, blocks: [StoryBlock], isWireCopy: Bool, origin: [Int], originEnd: [Int]) {
        self.text = text
        self.blocks = blocks
        self.isWireCopy = isWireCopy
        self.origin = origin
        self.originEnd = originEnd
    }

    /// The range of the original input that `range` (UTF-8 byte offsets into ``text``) was read from.
    ///
    /// - Parameter range: UTF-8 byte offsets into ``text``.
    /// - Returns: UTF-8 byte offsets into the original input.
    /// - Complexity: O(1).
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !origin.isEmpty else { return 0..<0 }
        let lower = min(range.lowerBound, origin.count - 1)
        guard range.upperBound > range.lowerBound else { return origin[lower]..<origin[lower] }
        let upper = min(range.upperBound, originEnd.count) - 1
        return origin[lower]..<max(origin[lower], originEnd[upper])
    }

    /// The kind of the block holding byte `offset` of ``text``; ``StoryBlockKind/boilerplate``
    /// for the separators between blocks.
    ///
    /// - Parameter offset: a UTF-8 byte offset into ``text``.
    /// - Returns: the kind of the block holding it.
    /// - Complexity: O(log b) in the number of blocks.
    public func kind(at offset: Int) -> StoryBlockKind {
        var low = 0, high = blocks.count
        while low < high {
            let mid = (low + high) / 2
            if blocks[mid].range.upperBound <= offset { low = mid + 1 } else { high = mid }
        }
        return low < blocks.count && blocks[low].range.contains(offset) ? blocks[low].kind : .boilerplate
    }

    /// The story's title: its first headline, or else the first line of its body, at most
    /// `limit` characters.
    ///
    /// - Parameter limit: the most characters returned; a longer line is cut and ends in `…`.
    /// - Returns: the title, or an empty string for a story without headline or body.
    /// - Complexity: O(limit) after finding the block.
    public func title(limit: Int = 120) -> String {
        let block = blocks.first { $0.kind == .headline } ?? blocks.first { $0.kind == .body }
        guard let block else { return "" }
        let line = slice(block.range)
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }

    /// The body blocks' text, one paragraph per line.
    public var body: String {
        blocks.filter { $0.kind == .body }.map { slice($0.range) }.joined(separator: "\n")
    }

    /// The text of a byte range of ``text``.
    ///
    /// - Parameter range: UTF-8 byte offsets into ``text``, on scalar boundaries.
    /// - Returns: that stretch of ``text``.
    /// - Complexity: O(n) in the length of the range.
    public func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(text[start..<end])
    }
}
