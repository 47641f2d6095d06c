/// A document's text after decoding its bytes, with how it was decoded.
///
/// All offsets NearDup reports (tokens, passages) are UTF-8 byte offsets into ``text``. For a file
/// that was valid UTF-8 they are also offsets into the file.
public struct DecodedText: Sendable, Hashable {
    /// The decoded text.
    public var text: String
    /// The encoding the bytes were read in.
    public var encoding: TextEncoding
    /// Byte offset of the first byte that is not valid UTF-8 when the fallback was used.
    public var firstInvalidByteOffset: Int?

    /// A warning to show the user when the fallback decoding was used, otherwise `nil`.
    public var warning: String? {
        guard encoding == .windows1252, let offset = firstInvalidByteOffset else { return nil }
        return "not valid UTF-8 (first bad byte at offset \(offset)); decoded as Windows-1252"
    }

    /// Creates a decoded text.
    ///
    /// - Parameters:
    ///   - text: the decoded text.
    ///   - encoding: the encoding the bytes were read in.
    ///   - firstInvalidByteOffset: for ``TextEncoding/windows1252``, the offset of the first byte
    ///     that is not valid UTF-8; `nil` otherwise.
    public init(text: String, encoding: TextEncoding, firstInvalidByteOffset: Int? = nil) {
        self.text = text
        self.encoding = encoding
        self.firstInvalidByteOffset = firstInvalidByteOffset
    }
}
