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

    /// The language's name.
    public var description: String { name }
}
