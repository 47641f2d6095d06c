/// One word of a text: where it is, and the hash of its normalised form.
///
/// Two tokens with equal normalised forms (for example `Café`, `CAFÉ` and `café`) have equal
/// hashes for the same seed.
public struct Token: Sendable, Hashable {
    /// UTF-8 byte offsets of the word in the original text (`start..<end`). Apostrophes inside
    /// the word (`don't`) are part of the range but not of the normalised form.
    public var range: Range<Int>
    /// XXH3-64 of the normalised form (UTF-8), with the tokenizer's seed.
    public var hash: UInt64

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - range: UTF-8 byte offsets of the word in the original text.
    ///   - hash: the hash of its normalised form.
    public init(range: Range<Int>, hash: UInt64) {
        self.range = range
        self.hash = hash
    }
}

/// One word of a text with its normalised form as a string (for stemming, display and tests).
public struct NormalizedWord: Sendable, Hashable {
    /// UTF-8 byte offsets of the word in the original text.
    public var range: Range<Int>
    /// The normalised form: NFKC, case-folded, apostrophes removed.
    public var text: String

    /// Creates a normalised word.
    ///
    /// - Parameters:
    ///   - range: UTF-8 byte offsets of the word in the original text.
    ///   - text: its normalised form.
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}
