/// How words are normalised before hashing.
///
/// Every form is Unicode compatibility-normalised (NFKC: `ﬁ` → `fi`, full-width `Ａ` → `A`,
/// `²` → `2`), case-folded (`Straße` → `strasse`), and loses default-ignorable characters
/// (zero-width joiners, soft hyphens, bidi marks) and intra-word apostrophes of every kind
/// (`don't`, `don’t` and `donʼt` are one word). Punctuation, quotation marks and dashes of every
/// variant separate words, so curly and straight quotes, en and em dashes never change a word.
public struct Normalization: Sendable, Hashable, Codable {
    /// Also remove combining marks after decomposition (`café` → `cafe`). Off by default:
    /// in many languages accents distinguish words.
    public var foldsDiacritics: Bool

    /// Creates a normalisation.
    ///
    /// - Parameter foldsDiacritics: whether combining marks are also removed (`café` → `cafe`).
    public init(foldsDiacritics: Bool = false) {
        self.foldsDiacritics = foldsDiacritics
    }

    /// NFKC + case folding, diacritics kept.
    public static let standard = Normalization()
}
