import NearDupCore
import NearDupReport

/// Makes ``RewriteSketch``es: the one place discovery reads a story's vocabulary.
///
/// A sketch holds the story's content stems (`ContentStems`: its body's words as the report
/// reads them, stop words and words under two letters left out, reduced to their Snowball
/// stems, the stems the report aligns sentences on), and one in 16 of its pairs of consecutive
/// content stems (kept by the pair's hash, so two stories that share a pair both keep it); each
/// distinct stem's or pair's id mixed with the sketcher's seed and folded to 32 bits. A text
/// without a body (a single line the layout reads as a headline) is read whole.
///
/// Pairs are what a stretch of text copied from a source keeps even where each of its words is
/// common: in a million generated stories a story that pastes a third of a source into one of
/// its own often shares a single rare word (a name) with it, and a pair or more of common words.
///
/// ```swift
/// let sketcher = RewriteSketcher()
/// let sketch = sketcher.sketch(StoryRecord(id: "a", text: "Police arrested two men on Friday."))
/// sketch.terms.count   // 7: polic, arrest, two, men, friday, and two of the four pairs
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
    /// - Returns: its id, date, outlet and sorted distinct hashed stems and sampled stem pairs.
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
        var collector = TermCollector()
        guard ContentStems.forEach(in: text, language: language, { collector.add($0.value) }) else { return nil }
        return RewriteSketch(id: story.id, date: story.date, outlet: story.outlet, terms: terms(collector.seen))
    }

    /// The distinct hashed stems of a text's body content words, and its sampled stem pairs, sorted.
    func terms(of text: String) -> [UInt32] {
        var collector = TermCollector()
        ContentStems.forEach(in: text, language: language) { collector.add($0.value) }
        return terms(collector.seen)
    }

    /// One in this many pairs of consecutive content stems is a term of the sketch.
    static let pairSampling: UInt64 = 16

    /// A story's distinct stems, and the sampled pairs of consecutive stems, as they come.
    struct TermCollector {
        var seen = Set<HashKey>()
        private var previous: UInt64?

        /// Takes the next content stem of the story.
        mutating func add(_ stem: UInt64) {
            seen.insert(HashKey(stem))
            if let previous {
                // The pair's own hash decides whether it is kept, so two stories that share the
                // pair both keep it (or neither does).
                let pair = Mixing.fmix64(previous &* 0x9E37_79B9_7F4A_7C15 ^ stem)
                if pair % RewriteSketcher.pairSampling == 0 { seen.insert(HashKey(pair)) }
            }
            previous = stem
        }
    }

    /// Each distinct stem's id (stems are told apart by it, as the report does) or pair's hash
    /// mixed with the seed and folded to 32 bits, sorted.
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
