import NearDupCore

/// The stems of a story's body content words: the vocabulary a rewrite sketch holds, read
/// either from the text or from the report's reading of it (``AnalyzedText``), with the same
/// result.
///
/// A story is read as the report reads it (``StoryLayout``: headline, byline, dateline and
/// boilerplate set apart); its body words are normalised by ``Tokenizer``, stop words left out
/// (English; for other languages, words under three letters), and so are words under two
/// letters; the rest are reduced to their Snowball stems, the ``StemID``s the report aligns
/// sentences on. A text without a body (a single line the layout reads as a headline) is read
/// whole.
package enum ContentStems {
    /// The content stems of a text, read here (layout, words and stems only).
    ///
    /// - Parameters:
    ///   - text: the story's text.
    ///   - language: its language: the stemmer, and English stop words for English.
    ///   - body: called with each content word's stem, in text order, repeats included.
    /// - Complexity: O(n) in the length of the text.
    package static func forEach(in text: String, language: ReportLanguage, _ body: (StemID) -> Void) {
        let story = StoryLayout().read(text)
        let stemmer = language.borrowStemmer()
        defer { language.giveBack(stemmer) }
        let english = language.usesEnglishStopWords
        let words = Tokenizer().words(in: story.text)
        let inBody = words.map { story.kind(at: $0.range.lowerBound) == .body }
        let whole = !inBody.contains(true)
        for (i, word) in words.enumerated() where whole || inBody[i] {
            let form = word.text
            guard isContent(form, english: english) else { continue }
            body(stemmer.stemID(form))
        }
    }

    /// The content stems of a text the report has read, without reading it again.
    ///
    /// - Parameters:
    ///   - text: the report's reading of the story.
    ///   - body: called with each content word's stem, in text order, repeats included.
    /// - Returns: `false` (and `body` is never called) when the report read its words otherwise
    ///   than ``forEach(in:language:_:)`` does: `text` was not read by a ``Tokenizer`` with
    ///   ``Normalization/standard``, or in another language.
    /// - Complexity: O(n) in the number of words.
    package static func forEach(in text: AnalyzedText, language: ReportLanguage, _ body: (StemID) -> Void) -> Bool {
        guard text.normalization == .standard, text.language == language else { return false }
        let whole = !text.inBody.contains(true)
        for i in text.words.indices where whole || text.inBody[i] {
            // The report keeps the stems of one-digit numbers too; the sketch does not.
            guard let stem = text.stems[i], hasTwoScalars(text.words[i].text) else { continue }
            body(stem)
        }
        return true
    }

    /// Whether a normalised word is a content word: not a stop word (English; in other
    /// languages, at least three letters), and at least two letters. The report's ``AnalyzedText``
    /// stems the same words, and one-digit numbers besides.
    static func isContent(_ form: String, english: Bool) -> Bool {
        // Only whether it has fewer than 3 scalars matters: not counted beyond.
        var letters = 0
        for _ in form.unicodeScalars {
            letters += 1
            if letters == 3 { break }
        }
        if english ? StopWords.contains(form) : letters < 3 { return false }
        return letters >= 2
    }

    /// Whether the report stems a normalised word (``AnalyzedText``): a content word, or in
    /// English a one-digit number that is not a stop word.
    static func isStemmedByTheReport(_ form: String, english: Bool) -> Bool {
        if isContent(form, english: english) { return true }
        guard english, !StopWords.contains(form) else { return false }
        var scalars = form.unicodeScalars.makeIterator()
        guard let only = scalars.next(), scalars.next() == nil else { return false }
        return only.properties.numericType != nil
    }

    private static func hasTwoScalars(_ form: String) -> Bool {
        var scalars = form.unicodeScalars.makeIterator()
        return scalars.next() != nil && scalars.next() != nil
    }
}
