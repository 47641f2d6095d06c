/// Splits text into normalised words with their byte offsets and 64-bit hashes.
///
/// ```swift
/// let tokens = Tokenizer(seed: 42).tokens(in: "Don’t PANIC — café")
/// // 3 tokens: "dont" (0..<7), "panic" (8..<13), "café" (18..<23)
/// ```
///
/// See ``Normalization`` for what is unified. A word is a maximal run of letters, combining marks
/// and digits (Unicode categories L*, M*, N*), joined across apostrophes (`'`, `’`, `ʼ`) between
/// two word characters and across invisible format characters; Han, Hiragana and Katakana
/// characters are one word each; everything else (spaces, punctuation, symbols, emoji) separates
/// words. ASCII words are lower-cased through a byte table, other words go through utf8proc.
/// A tokenizer is a value; calls are independent and thread-safe.
public struct Tokenizer: Sendable, Hashable {
    /// Seed of the XXH3 hash of each normalised word.
    public var seed: UInt64
    /// How words are normalised.
    public var normalization: Normalization

    /// The seed every layer uses unless told otherwise: word hashes here, shingle hashes
    /// (``ShingleSet``) and MinHash permutations (``MinHashConfiguration/default``). It lives at
    /// the bottom of the flow, with the words, so that no layer reaches up for it.
    public static let defaultSeed: UInt64 = 1

    /// Creates a tokenizer.
    ///
    /// - Parameters:
    ///   - seed: the seed of each word's XXH3 hash; ``defaultSeed`` by default, which is also
    ///     ``MinHashConfiguration/default``'s, so tokens hash as a default ``MinHasher``'s words do.
    ///   - normalization: how words are normalised.
    public init(seed: UInt64 = Tokenizer.defaultSeed, normalization: Normalization = .standard) {
        self.seed = seed
        self.normalization = normalization
    }

    /// The words of `text` with their offsets and hashes.
    ///
    /// - Parameter text: the text to split.
    /// - Returns: one token per word, in text order.
    /// - Complexity: O(n) in the length of `text`.
    public func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        let scanner = WordScanner(normalization: normalization)
        let seed = self.seed
        withUTF8(of: text) { utf8 in
            scanner.scan(utf8) { start, end, normalized, count in
                tokens.append(Token(range: start..<end, hash: CBoundary.xxh3(normalized, count, seed: seed)))
            }
        }
        return tokens
    }

    /// The words of `text` with their offsets and normalised forms as strings.
    ///
    /// - Parameter text: the text to split.
    /// - Returns: one normalised word per word, in text order.
    /// - Complexity: O(n) in the length of `text`, plus one string allocation per word.
    public func words(in text: String) -> [NormalizedWord] {
        var words: [NormalizedWord] = []
        let scanner = WordScanner(normalization: normalization)
        withUTF8(of: text) { utf8 in
            scanner.scan(utf8) { start, end, normalized, count in
                let form = String(decoding: UnsafeBufferPointer(start: normalized, count: count), as: UTF8.self)
                words.append(NormalizedWord(range: start..<end, text: form))
            }
        }
        return words
    }

    /// The XXH3 hash this tokenizer gives to a word that is already normalised.
    ///
    /// - Parameter normalizedWord: a word in its normalised form (as ``NormalizedWord/text``).
    /// - Returns: the hash ``tokens(in:)`` gives to that word.
    /// - Complexity: O(n) in the length of the word.
    public func hash(normalizedWord: String) -> UInt64 {
        var word = normalizedWord
        return word.withUTF8 { CBoundary.xxh3($0.baseAddress, $0.count, seed: seed) }
    }
}

/// Runs `body` over the UTF-8 bytes of `text`, making them contiguous first if they are not.
@inline(__always)
func withUTF8<R>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    var text = text
    return try text.withUTF8(body)
}
