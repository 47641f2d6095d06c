import NearDupCore

/// A Snowball stemmer (libstemmer, as used by Lucene, Xapian and PostgreSQL full-text search):
/// reduces inflected words to a common stem, so *acknowledged* and *acknowledgement* both become
/// `acknowledg` and *withdrawing* becomes `withdraw`.
///
/// English is Porter2; ``languages`` lists the others (`french`, `german`, `spanish`, …).
/// A stemmer is not thread-safe (libstemmer keeps state per stemmer): use one per thread or per
/// analysis.
///
/// ```swift
/// let stemmer = try SnowballStemmer(language: "english")
/// stemmer.stem("acknowledged")   // "acknowledg"
/// ```
public final class SnowballStemmer {
    /// The language the stemmer was made for.
    public let language: String
    private let handle: OpaquePointer
    /// The stems of the words stemmed so far (`nil`: the word is its own stem), so that a
    /// stemmer lent from ``ReportLanguage``'s pool to text after text stems each word of the
    /// vocabulary once: libstemmer takes some 2,000 instructions a word, a look-up a tenth.
    /// Emptied when it holds ``memoLimit`` words.
    private var memo: [String: String?] = [:]
    /// The most words ``memo`` holds.
    static let memoLimit = 200_000
    /// The stems of words' WordNet synonyms found so far (``synonymStems(of:in:)``), for the
    /// WordNet ``synonymSource`` (held, so that its address is never another's); emptied as
    /// ``memo`` is.
    private var synonymMemo: [String: Set<StemID>] = [:]
    private var synonymSource: WordNet?

    /// The languages libstemmer provides, by name (`english`, `french`, `porter`, …).
    public static var languages: [String] { CBoundary.stemmerLanguages() }

    /// Makes a stemmer for `language` (a name from ``languages``, or an ISO 639 code such as `en`
    /// or `fra` that libstemmer knows).
    ///
    /// - Parameter language: a libstemmer algorithm name or ISO 639 code, in any case.
    /// - Throws: ``NearDupError`` with code `.invalidInput` naming the known languages when
    ///   libstemmer has no stemmer for `language`.
    public init(language: String) throws(NearDupError) {
        guard let handle = CBoundary.stemmerNew(language.lowercased()) else {
            throw NearDupError(
                .invalidInput,
                "no Snowball stemmer for language '\(language)'; known: \(Self.languages.joined(separator: ", "))")
        }
        self.language = language.lowercased()
        self.handle = handle
    }

    deinit { CBoundary.stemmerDelete(handle) }

    /// The stem of a word already in ``Tokenizer`` form (case-folded). Words of fewer than three
    /// scalars and words with digits are returned unchanged.
    ///
    /// - Parameter word: a case-folded word.
    /// - Returns: its stem.
    /// - Complexity: O(n) in the length of `word`.
    public func stem(_ word: String) -> String {
        if Self.isItsOwnStem(word) { return word }
        var word = word
        return word.withUTF8 { CBoundary.stem(handle, $0) } ?? word
    }

    /// The id of `word`'s stem: `StemID(stem: stem(word))`, without making the stem's String
    /// (libstemmer's output is hashed where it wrote it).
    ///
    /// - Complexity: O(length of the word).
    package func stemID(_ word: String) -> StemID { StemID(value: stemHash(word, seed: StemID.seed)) }

    /// The XXH3-64 (with `seed`) of `word`'s stem's UTF-8 bytes, without making the stem's String.
    ///
    /// - Complexity: O(length of the word).
    package func stemHash(_ word: String, seed: UInt64) -> UInt64 {
        if let known = memo[word] {
            var stem = known ?? word
            return stem.withUTF8 { CBoundary.xxh3($0.baseAddress, $0.count, seed: seed) }
        }
        if memo.count >= Self.memoLimit { memo.removeAll(keepingCapacity: true) }
        if Self.isItsOwnStem(word) {
            memo[word] = .some(nil)
            var word = word
            return word.withUTF8 { CBoundary.xxh3($0.baseAddress, $0.count, seed: seed) }
        }
        var stem = stem(word)
        memo[word] = stem == word ? .some(nil) : stem
        return stem.withUTF8 { CBoundary.xxh3($0.baseAddress, $0.count, seed: seed) }
    }

    /// The stems of `word`'s synonyms in `wordNet`, stop words left out: what a reference's word
    /// reaches in the alignment. Remembered, as stems are: a reference's vocabulary is looked up
    /// in WordNet and its synonyms stemmed once per stemmer, not once per text.
    ///
    /// - Complexity: O(1) for a word seen before; else the WordNet look-up and a stem per synonym.
    package func synonymStems(of word: String, in wordNet: WordNet) -> Set<StemID> {
        if synonymSource !== wordNet {
            synonymMemo.removeAll()
            synonymSource = wordNet
        }
        if let known = synonymMemo[word] { return known }
        if synonymMemo.count >= Self.memoLimit { synonymMemo.removeAll(keepingCapacity: true) }
        let found = Set(wordNet.synonyms(of: word).filter { !StopWords.contains($0) }.map { stemID($0) })
        synonymMemo[word] = found
        return found
    }

    /// Words shorter than three scalars and words with a digit are left as they are.
    private static func isItsOwnStem(_ word: String) -> Bool {
        // ASCII's only scalars with a numeric type are its digits: answered without the Unicode tables.
        let hasDigit = word.unicodeScalars.contains { $0.isASCII ? (0x30...0x39).contains($0.value) : $0.properties.numericType != nil }
        return word.unicodeScalars.count < 3 || hasDigit
    }
}
