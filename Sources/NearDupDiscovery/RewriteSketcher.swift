import NearDupCore
import NearDupReport

/// Makes ``RewriteSketch``es: the one place discovery reads a story's vocabulary.
///
/// A sketch holds the story's content stems (`ContentStems`: its body's words as the report
/// reads them, stop words and words under two letters left out, reduced to their Snowball
/// stems, the stems the report aligns sentences on), each distinct stem's id mixed with the
/// sketcher's seed and folded to 32 bits. A text without a body (a single line the layout reads
/// as a headline) is read whole.
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
    /// Seed mixed into the stems' terms; sketches compare only under the same seed.
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

    /// The sketch of a story the report has already read, without reading it again: the same
    /// as ``sketch(_:)``, or `nil` when the report read its words otherwise than this sketcher
    /// does (another language, or another ``Normalization``).
    ///
    /// - Complexity: O(n) in the number of words, plus O(t log t) for its t distinct stems.
    package func sketch(_ story: StoryRecord, readAs text: AnalyzedText) -> RewriteSketch? {
        var seen = Set<HashKey>()
        guard ContentStems.forEach(in: text, language: language, { seen.insert(HashKey($0.value)) }) else { return nil }
        return RewriteSketch(id: story.id, date: story.date, outlet: story.outlet, terms: terms(seen))
    }

    /// The distinct hashed stems of a text's body content words, sorted.
    func terms(of text: String) -> [UInt32] {
        var seen = Set<HashKey>()
        ContentStems.forEach(in: text, language: language) { seen.insert(HashKey($0.value)) }
        return terms(seen)
    }

    /// Each distinct stem's id (stems are told apart by it, as the report does) mixed with the
    /// seed and folded to 32 bits, sorted.
    private func terms(_ stems: Set<HashKey>) -> [UInt32] {
        let seed = self.seed
        var terms = stems.map { stem in
            let mixed = Mixing.fmix64(stem.value ^ seed)
            return UInt32(truncatingIfNeeded: mixed ^ (mixed >> 32))
        }
        terms.sort()
        return terms
    }
}
