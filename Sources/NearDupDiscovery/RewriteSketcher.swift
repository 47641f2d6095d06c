import NearDupCore
import NearDupReport

/// Makes ``RewriteSketch``es: the one place discovery reads a story's vocabulary.
///
/// A story is read as the report reads it (``StoryLayout``: headline, byline, dateline and
/// boilerplate set apart), its body words are normalised by ``Tokenizer``, stop words left out
/// (English; for other languages, words under three letters) and the rest reduced to their
/// Snowball stems, the stems the report aligns sentences on. Each distinct stem is hashed to 32
/// bits. A text without a body (a single line the layout reads as a headline) is read whole.
///
/// ```swift
/// let sketcher = RewriteSketcher()
/// let sketch = sketcher.sketch(StoryRecord(id: "a", text: "Police arrested two men on Friday."))
/// sketch.terms.count   // 5: polic, arrest, two, men, friday
/// ```
///
/// A sketcher is a value; ``sketch(_:)`` is thread-safe (it borrows a stemmer per call).
public struct RewriteSketcher: Sendable, Hashable {
    /// The stories' language: its Snowball stemmer, and English stop words for English.
    public var language: ReportLanguage
    /// Seed of the stems' hashes; sketches compare only under the same seed.
    public var seed: UInt64

    /// Makes a sketcher.
    ///
    /// - Parameters:
    ///   - language: the stories' language; English by default.
    ///   - seed: seed of the stems' hashes.
    public init(language: ReportLanguage = .english, seed: UInt64 = 0) {
        self.language = language
        self.seed = seed
    }

    /// The sketch of one story.
    ///
    /// - Parameter story: the story, with the date and outlet the sketch carries.
    /// - Returns: its id, date, outlet and sorted distinct hashed stems.
    /// - Complexity: O(n) in the length of the text, plus O(t log t) for its t distinct stems.
    public func sketch(_ story: StoryRecord) -> RewriteSketch {
        RewriteSketch(id: story.id, date: story.date, outlet: story.outlet, terms: terms(of: story.text))
    }

    /// The distinct hashed stems of a text's body content words, sorted.
    func terms(of text: String) -> [UInt32] {
        let story = StoryLayout().read(text)
        let stemmer = language.borrowStemmer()
        defer { language.giveBack(stemmer) }
        let english = language.usesEnglishStopWords
        let seed = self.seed
        // Each distinct stem's 64-bit hash (stems are told apart by it, as the report does),
        // folded to 32 bits.
        var seen = Set<HashKey>()
        let words = Tokenizer().words(in: story.text)
        let body = words.filter { story.kind(at: $0.range.lowerBound) == .body }
        // A text with no body (one headline-like line) is read whole.
        for word in body.isEmpty ? words : body {
            let form = word.text
            // Only whether it has fewer than 3 scalars matters: not counted beyond.
            var letters = 0
            for _ in form.unicodeScalars {
                letters += 1
                if letters == 3 { break }
            }
            if english ? StopWords.contains(form) : letters < 3 { continue }
            if letters < 2 { continue }
            seen.insert(HashKey(stemmer.stemHash(form, seed: seed)))
        }
        var terms = seen.map { UInt32(truncatingIfNeeded: $0.value ^ ($0.value >> 32)) }
        terms.sort()
        return terms
    }
}
