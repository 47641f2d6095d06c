import NearDupCore

/// The language of the stories a report compares: which Snowball stemmer conflates word forms, and
/// whether English stop words are left out.
///
/// ```swift
/// var configuration = RewriteAnalyzer.Configuration()
/// configuration.language = try ReportLanguage("french")
/// ```
public struct ReportLanguage: Sendable, Hashable, CustomStringConvertible {
    /// The libstemmer algorithm name (`english`, `french`, …).
    public let name: String

    /// English: the Porter2 stemmer and ``StopWords/english``.
    public static let english = ReportLanguage(checked: "english")

    /// The language called `name` (see ``SnowballStemmer/languages``; ISO 639 codes such as `de`
    /// work too).
    ///
    /// - Parameter name: a libstemmer algorithm name or ISO 639 code, in any case.
    /// - Throws: ``NearDupError`` (`.invalidInput`) naming the known languages when libstemmer has
    ///   no stemmer for it.
    public init(_ name: String) throws(NearDupError) {
        let stemmer = try SnowballStemmer(language: name)
        self.name = stemmer.language
    }

    private init(checked name: String) { self.name = name }

    /// Whether the English stop-word list applies. Other languages have no stop-word list: their
    /// function words are frequent in every sentence and weigh little in the alignment's
    /// inverse-frequency weights, and words of one or two letters are left out.
    public var usesEnglishStopWords: Bool { ["english", "en", "eng", "porter"].contains(name) }

    /// A new stemmer for this language (one per analysis: stemmers are not thread-safe).
    package func makeStemmer() -> SnowballStemmer {
        // The name was checked when the language was made.
        try! SnowballStemmer(language: name)
    }

    /// `body` with a stemmer of this language lent for its duration from a pool shared by the
    /// process: no other thread uses it meanwhile, and its memory of the stems it made carries
    /// from one text to the next (a text's words are mostly the words of the texts before).
    ///
    /// - Parameter body: the work; the stemmer must not escape it.
    /// - Returns: what `body` returns.
    package func withStemmer<T>(_ body: (SnowballStemmer) throws -> T) rethrows -> T {
        let stemmer = borrowStemmer()
        defer { giveBack(stemmer) }
        return try body(stemmer)
    }

    /// A stemmer of this language lent from the pool ``withStemmer(_:)`` uses; hand it back with
    /// ``giveBack(_:)`` when done (a `defer` where a closure does not fit, as in an initialiser).
    ///
    /// - Returns: a stemmer no other thread uses until it is given back.
    package func borrowStemmer() -> SnowballStemmer { StemmerPool.shared.borrow(name) ?? makeStemmer() }

    /// Gives a stemmer from ``borrowStemmer()`` back to the pool.
    ///
    /// - Parameter stemmer: the stemmer, no longer used by the caller.
    package func giveBack(_ stemmer: SnowballStemmer) { StemmerPool.shared.giveBack(stemmer) }

    /// The language's name.
    public var description: String { name }
}
