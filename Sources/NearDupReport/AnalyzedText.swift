import NearDupCore

/// A document prepared for comparison, read once: its layout (``StoryLayout``), its words
/// (normalised, hashed, stemmed, marked quoted or not and by block), sentences and quotations,
/// and its shingle sets, all from one tokenisation of the cleaned text.
package struct AnalyzedText: Sendable {
    package let document: ReportDocument
    /// The cleaned text and its blocks; every range below is into `story.text`.
    let story: StoryText
    let words: [NormalizedWord]
    /// How the words were normalised, and the language they were stemmed in.
    let normalization: Normalization
    let language: ReportLanguage
    /// Each word's 64-bit hash (``Tokenizer/hash(normalizedWord:)``): its id in the word n-grams
    /// and shingles. Words are compared by these ids, their text kept for display.
    let wordIDs: [UInt64]
    /// Whether each word is inside quotation marks.
    let quoted: [Bool]
    /// Whether each word is in a body block (not a headline, byline, dateline or boilerplate).
    let inBody: [Bool]
    /// The stem of each content word; `nil` for stop words.
    let stems: [StemID?]
    /// Sentence byte ranges, in order.
    let sentences: [Range<Int>]
    /// Whether each sentence is in the body.
    let sentenceInBody: [Bool]
    /// For each sentence, the indices of its words.
    let sentenceWords: [Range<Int>]
    /// For each word, the index of its sentence.
    let sentenceOfWord: [Int]
    let quotations: [Quotation]
    /// For each sentence with narrative content (body words outside quotes), its 1-based number
    /// among such sentences; `nil` for the others. Reports refer to reference sentences by it.
    let narrativeSentenceNumbers: [Int?]
    /// The stems of the body's content words, quotations included: the vocabulary a candidate's
    /// narrative is measured against.
    let bodyStems: Set<StemID>
    /// Word shingles of the body (quotations included), made when a report first needs them.
    var shingles: ShingleSet { shingleSets.value(makeShingleSets).body }
    /// Word shingles of the body outside quotation marks (shingles do not span a quotation),
    /// made when a report first needs them.
    var narrativeShingles: ShingleSet { shingleSets.value(makeShingleSets).narrative }
    /// The words per shingle and the shingles' seed.
    private let shingleSize: Int
    private let shingleSeed: UInt64
    /// The shingle sets once made: most texts of an archive are only ever read by the
    /// alignment's bound, which needs none.
    private let shingleSets = MadeOnce<(body: ShingleSet, narrative: ShingleSet)>()

    /// For each word, the stems of its WordNet synonyms (empty unless a WordNet was given).
    let wordSynonymStems: [Set<StemID>]
    /// Whether the text was read as a reference (else as a candidate): which side of
    /// ``sentenceStems`` and ``trigrams`` was made.
    let isReference: Bool
    /// The sentences' stems as the aligner reads them, in the text's role.
    private let stemsInRole: SentenceStems
    /// The word trigrams shared runs are seeded by, in the text's role.
    private let trigramsInRole: WordTrigrams
    /// The n-grams the narrative overlap counts, in each role, made when a report first needs
    /// them and kept: a story is compared with several sources, a source of an archive with many
    /// stories (its sets are of 64-bit hashes, some 20 kB for a 550-word story).
    private let gramsAsCandidate = MadeOnce<TextGrams>()
    private let gramsAsReference = MadeOnce<TextGrams>()

    init(
        _ document: ReportDocument, tokenizer: Tokenizer, shingleSize: Int, language: ReportLanguage, synonyms: WordNet? = nil,
        isReference: Bool = false
    ) {
        self.isReference = isReference
        self.document = document
        let story = StoryLayout().read(document.text)
        self.story = story
        let layout = TextLayout(story.text)
        let words = tokenizer.words(in: story.text)
        let quotations = QuotationFinder()._quotations(in: layout)
        let sentences = SentenceSplitter()._sentences(in: layout)

        var quoted = [Bool](repeating: false, count: words.count)
        var q = 0
        for (i, word) in words.enumerated() {
            while q < quotations.count, quotations[q].range.upperBound <= word.range.lowerBound { q += 1 }
            if q < quotations.count, quotations[q].range.contains(word.range.lowerBound) { quoted[i] = true }
        }
        let inBody = words.map { story.kind(at: $0.range.lowerBound) == .body }

        var sentenceWords: [Range<Int>] = []
        var sentenceOfWord = [Int](repeating: -1, count: words.count)
        var w = 0
        for (s, sentence) in sentences.enumerated() {
            while w < words.count, words[w].range.lowerBound < sentence.lowerBound { w += 1 }
            let first = w
            while w < words.count, words[w].range.lowerBound < sentence.upperBound {
                sentenceOfWord[w] = s
                w += 1
            }
            sentenceWords.append(first..<w)
        }

        self.words = words
        self.normalization = tokenizer.normalization
        self.language = language
        let hashes = words.map { tokenizer.hash(normalizedWord: $0.text) }
        self.wordIDs = hashes
        self.quoted = quoted
        self.inBody = inBody
        let stemmer = language.borrowStemmer()
        defer { language.giveBack(stemmer) }
        let english = language.usesEnglishStopWords
        self.stems = words.map { word in
            let t = word.text
            return ContentStems.isStemmedByTheReport(t, english: english) ? stemmer.stemID(t) : nil
        }
        if let synonyms {
            let stems = self.stems
            self.wordSynonymStems = words.indices.map { i in
                guard inBody[i], !quoted[i], stems[i] != nil else { return [] }
                return stemmer.synonymStems(of: words[i].text, in: synonyms)
            }
        } else {
            self.wordSynonymStems = words.map { _ in [] }
        }
        self.sentences = sentences
        self.sentenceInBody = sentenceWords.map { range in range.contains { inBody[$0] } }
        self.sentenceWords = sentenceWords
        self.sentenceOfWord = sentenceOfWord
        self.quotations = quotations
        var numbered = 0
        let stems = self.stems
        self.bodyStems = Set(words.indices.compactMap { inBody[$0] ? stems[$0] : nil })
        self.narrativeSentenceNumbers = sentenceWords.map { range in
            guard range.contains(where: { inBody[$0] && !quoted[$0] && stems[$0] != nil }) else { return nil }
            numbered += 1
            return numbered
        }

        // What each comparison reads of this text, read once here: a source in an archive is
        // compared with many stories.
        self.stemsInRole = SentenceStems(
            sentenceWords: sentenceWords, stems: stems, inBody: inBody, quoted: quoted, wordSynonymStems: self.wordSynonymStems,
            asReference: isReference)
        self.trigramsInRole = WordTrigrams(hashes, asReference: isReference)

        self.shingleSize = shingleSize
        self.shingleSeed = tokenizer.seed
    }

    /// The text's word shingles: the body's, and the body's outside quotation marks.
    ///
    /// - Complexity: O(n log n) for n words (the sets are sorted).
    private func makeShingleSets() -> (body: ShingleSet, narrative: ShingleSet) {
        // Shingles from the same words: the body's, and the body's outside quotation marks.
        let seed = shingleSeed, hashes = wordIDs
        var all: [UInt64] = []
        var narrative: [UInt64] = []
        var run: [UInt64] = []
        var bodyRun: [UInt64] = []
        for i in wordIDs.indices {
            if inBody[i] { bodyRun.append(hashes[i]) }
            if inBody[i], !quoted[i] {
                run.append(hashes[i])
            } else {
                WordShingles.append(of: run, size: shingleSize, seed: seed, keepShort: false, to: &narrative)
                run.removeAll(keepingCapacity: true)
            }
        }
        // A story whose whole narrative is one run shorter than a shingle still has one shingle.
        WordShingles.append(of: run, size: shingleSize, seed: seed, keepShort: narrative.isEmpty, to: &narrative)
        WordShingles.append(of: bodyRun, size: shingleSize, seed: seed, to: &all)
        return (ShingleSet(hashes: all), ShingleSet(hashes: narrative))
    }

    /// The sentences' stems as the aligner reads them in a role: made when the text was read,
    /// for the role it was read in (a text compared in the other role is read again for it).
    func sentenceStems(asReference: Bool) -> SentenceStems {
        asReference == isReference
            ? stemsInRole
            : SentenceStems(
                sentenceWords: sentenceWords, stems: stems, inBody: inBody, quoted: quoted, wordSynonymStems: wordSynonymStems,
                asReference: asReference)
    }

    /// The word trigrams shared runs are seeded by, in a role (as ``sentenceStems(asReference:)``).
    func trigrams(asReference: Bool) -> WordTrigrams {
        asReference == isReference ? trigramsInRole : WordTrigrams(wordIDs, asReference: asReference)
    }

    /// The n-grams and stem pairs the narrative overlap counts of this text in `role`.
    func grams(as role: TextGrams.Role) -> TextGrams {
        (role == .candidate ? gramsAsCandidate : gramsAsReference).value { TextGrams(self, as: role) }
    }

    /// Whether word `i` is a content word of the body outside quotation marks.
    func isNarrativeContent(_ i: Int) -> Bool { inBody[i] && !quoted[i] && stems[i] != nil }

    /// The cleaned text of a byte range.
    func text(_ range: Range<Int>) -> String { story.slice(range) }

    /// The span of the original input that a range of the cleaned text came from.
    func originalSpan(_ range: Range<Int>) -> TextSpan { TextSpan(story.originalRange(of: range)) }
}
