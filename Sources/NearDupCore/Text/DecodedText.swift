/// A document's text after decoding its bytes, with how it was decoded.
///
/// All offsets NearDup reports (tokens, passages) are UTF-8 byte offsets into ``text``. For a file
/// that was valid UTF-8 they are also offsets into the file.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text.
    public var text: String
    /// The encoding the bytes were read in.
    public var encoding: TextEncoding
    /// Byte offset of the first byte that is not valid UTF-8 when the fallback was used; for
    /// UTF-16 and UTF-32, of the first unit that is not valid there (an unpaired surrogate, a
    /// value over U+10FFFF, a final odd byte), each such unit decoded as U+FFFD.
    public var firstInvalidByteOffset: Int?
    /// For a saved web page read as a story (``WebPage``): its headline, byline, date, outlet and
    /// address; ``text`` is then the page's ``WebPage/storyText``. `nil` for plain text.
    public var metadata: StoryMetadata?

    /// A warning to show the user when the fallback decoding was used, or UTF-16 or UTF-32 text
    /// had invalid units; otherwise `nil`.
    public var warning: String? {
        guard let offset = firstInvalidByteOffset else { return nil }
        switch encoding {
        case .utf8: return nil
        case .windows1252: return "not valid UTF-8 (first bad byte at offset \(offset)); decoded as Windows-1252"
        default: return "not valid \(encoding.rawValue) (first bad unit at byte \(offset)); each bad unit decoded as U+FFFD"
        }
    }

    /// Creates a decoded text.
    ///
    /// - Parameters:
    ///   - text: the decoded text.
    ///   - encoding: the encoding the bytes were read in.
    ///   - firstInvalidByteOffset: for ``TextEncoding/windows1252``, the offset of the first byte
    ///     that is not valid UTF-8; `nil` otherwise.
    ///   - metadata: a web page's metadata when `text` is its story text; `nil` otherwise.
    public init(text: String, encoding: TextEncoding, firstInvalidByteOffset: Int? = nil, metadata: StoryMetadata? = nil) {
        self.text = text
        self.encoding = encoding
        self.firstInvalidByteOffset = firstInvalidByteOffset
        self.metadata = metadata
    }
}
