/// A document prepared for comparison: its words (normalised, stemmed, marked quoted or not),
/// sentences and quotations, and its shingle sets.
struct AnalyzedText: Sendable {
    let document: ReportDocument
    let words: [NormalizedWord]
    /// Whether each word is inside quotation marks.
    let quoted: [Bool]
    /// The stem of each content word; `nil` for stop words.
    let stems: [String?]
    /// Sentence byte ranges, in order.
    let sentences: [Range<Int>]
    /// For each sentence, the indices of its words.
    let sentenceWords: [Range<Int>]
    /// For each word, the index of its sentence.
    let sentenceOfWord: [Int]
    let quotations: [Quotation]
    /// Word shingles of the whole text.
    let shingles: ShingleSet
    /// Word shingles of the text outside quotation marks (shingles do not span a quotation).
    let narrativeShingles: ShingleSet

    /// - Complexity: O(n) in the length of the text, plus O(s log s) to sort its s shingles.
    init(_ document: ReportDocument, tokenizer: Tokenizer, shingling: Shingling, stemmer: PorterStemmer = PorterStemmer()) {
        self.document = document
        let layout = TextLayout(document.text)
        let words = tokenizer.words(in: document.text)
        let quotations = QuotationFinder()._quotations(in: layout)
        let sentences = SentenceSplitter()._sentences(in: layout)

        var quoted = [Bool](repeating: false, count: words.count)
        var q = 0
        for (i, word) in words.enumerated() {
            while q < quotations.count, quotations[q].range.upperBound <= word.range.lowerBound { q += 1 }
            if q < quotations.count, quotations[q].range.contains(word.range.lowerBound) { quoted[i] = true }
        }

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
        self.quoted = quoted
        self.stems = words.map { word in
            let t = word.text
            if StopWords.contains(t) { return nil }
            if t.unicodeScalars.count < 2, !t.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) { return nil }
            return stemmer.stem(t)
        }
        self.sentences = sentences
        self.sentenceWords = sentenceWords
        self.sentenceOfWord = sentenceOfWord
        self.quotations = quotations
        self.shingles = ShingleSet(text: document.text, shingling: shingling, normalization: tokenizer.normalization)

        // Narrative shingles: word n-grams within maximal runs of unquoted words.
        let n = shingling.unit == .words ? shingling.size : Shingling.default.size
        var hashes: [UInt64] = []
        var run: [UInt64] = []
        func flush() {
            if run.count >= n {
                for start in 0...(run.count - n) {
                    var h: UInt64 = 0x243F_6A88_85A3_08D3
                    for k in start..<(start + n) { h = Mixing.fmix64(h ^ run[k]) &+ 0x9E37_79B9_7F4A_7C15 }
                    hashes.append(h)
                }
            } else if !run.isEmpty && hashes.isEmpty && run.count == words.count {
                // A text shorter than one shingle: one shingle of all its words, as ShingleSet does.
                hashes.append(run.reduce(0x243F_6A88_85A3_08D3) { Mixing.fmix64($0 ^ $1) })
            }
            run.removeAll(keepingCapacity: true)
        }
        for (i, word) in words.enumerated() {
            if quoted[i] { flush() } else { run.append(tokenizer.hash(normalizedWord: word.text)) }
        }
        flush()
        self.narrativeShingles = ShingleSet(hashes: hashes)
    }

    /// Whether word `i` is a content word outside quotation marks.
    func isNarrativeContent(_ i: Int) -> Bool { !quoted[i] && stems[i] != nil }

    /// The text of a byte range.
    func text(_ range: Range<Int>) -> String {
        let utf8 = document.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(document.text[start..<end])
    }
}
