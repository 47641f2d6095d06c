import NearDup

/// A deterministic generator of news-like corpora with planted near-duplicates and their
/// ground truth, shared by the tests, the benchmarks and `neardup generate`.
///
/// ```swift
/// let corpus = CorpusGenerator(.init(documents: 1_000, wordsPerDocument: 600, duplicateRate: 0.2, seed: 7))
/// for document in corpus {
///     print(document.id, document.text.prefix(60))
///     if let planted = document.planted { print("  copy of", planted.sourceID, planted.kind) }
/// }
/// ```
///
/// Text is prose-like: sentences of 6 to 30 words drawn from a built-in news vocabulary with
/// Zipf-like frequencies, commas, numbers, made-up names, a few topic words per document, and
/// paragraphs of four sentences. Each document is a pure function of the seed and its
/// position, so the corpus is a random-access collection: `corpus[i]` needs neither the
/// documents before it nor any memory that grows with the corpus (a duplicate regenerates its
/// source). Lengths vary ±20 % around ``Configuration/wordsPerDocument``.
///
/// Document i > 0 is a planted near-duplicate with probability ``Configuration/duplicateRate``;
/// its source is a uniformly chosen earlier document (possibly itself a duplicate), and its
/// edit is one of ``Configuration/kinds``, drawn uniformly, with a strength drawn so that exact
/// word-5-gram Jaccard similarities spread roughly from 0.55 to 1 around the usual 0.8
/// threshold. Unrelated documents share almost no 5-gram.
public struct CorpusGenerator: RandomAccessCollection, Sendable {
    /// What to generate.
    public struct Configuration: Sendable, Hashable {
        /// Number of documents.
        public var documents: Int
        /// Average words per document (each document has 80–120 % of it).
        public var wordsPerDocument: Int
        /// Share of documents that are planted near-duplicates of an earlier document, 0...1.
        public var duplicateRate: Double
        /// The seed: the same seed and configuration give the same corpus, byte for byte.
        public var seed: UInt64
        /// The kinds of near-duplicate to plant (drawn uniformly).
        public var kinds: [DuplicateKind]
        /// Share of documents that are planted rewrites of an earlier document, 0...1 (with
        /// ``duplicateRate``, at most 1). 0, the default, plants none and leaves the corpus as it
        /// was before rewrites existed, byte for byte.
        public var rewriteRate: Double
        /// The kinds of rewrite to plant (drawn uniformly).
        public var rewriteKinds: [RewriteKind]
        /// The dates of the documents, if they have one (`nil`, the default: no date).
        public var dates: DateSpan?
        /// The number of outlets the documents come from (0, the default: no outlet).
        public var outlets: Int
        /// The number of made-up names originals draw their four names from (uniformly): 2,000
        /// by default. An archive's names are many and most are rare; a pool as large as the
        /// corpus gives each name to a handful of stories.
        public var names: Int

        /// The size of the built-in pool of names, the default of ``names``.
        public static let defaultNames = 2_000
        /// The largest pool of names: the built-in ones, then names of four syllables made up
        /// from their number.
        public static let maximumNames = 1 << 28

        /// Makes a configuration; by default 600 words a document, 20 % duplicates, seed 1 and
        /// every kind of duplicate.
        ///
        /// - Parameters:
        ///   - documents: the number of documents.
        ///   - wordsPerDocument: the average words per document.
        ///   - duplicateRate: the share of documents that are planted near-duplicates.
        ///   - seed: the seed of every random draw.
        ///   - kinds: the kinds of near-duplicate to plant.
        ///   - rewriteRate: the share of documents that are planted rewrites.
        ///   - rewriteKinds: the kinds of rewrite to plant.
        ///   - dates: the span of the documents' dates, or `nil` for none.
        ///   - outlets: the number of outlets, or 0 for none.
        ///   - names: the number of made-up names.
        /// - Precondition: `documents ≥ 0`, `wordsPerDocument ≥ 1`, `duplicateRate` and
        ///   `rewriteRate` in 0...1 with a sum of at most 1, `kinds` and `rewriteKinds` not
        ///   empty, `outlets ≥ 0`, `names ≥ 1`.
        public init(
            documents: Int, wordsPerDocument: Int = 600, duplicateRate: Double = 0.2, seed: UInt64 = 1,
            kinds: [DuplicateKind] = DuplicateKind.allCases, rewriteRate: Double = 0,
            rewriteKinds: [RewriteKind] = RewriteKind.allCases, dates: DateSpan? = nil, outlets: Int = 0,
            names: Int = Configuration.defaultNames
        ) {
            precondition(documents >= 0, "documents must not be negative")
            precondition(wordsPerDocument >= 1, "wordsPerDocument must be at least 1")
            precondition((0...1).contains(duplicateRate), "duplicateRate must be in 0...1")
            precondition((0...1).contains(rewriteRate), "rewriteRate must be in 0...1")
            precondition(duplicateRate + rewriteRate <= 1, "duplicateRate + rewriteRate must be at most 1")
            precondition(!kinds.isEmpty, "kinds must not be empty")
            precondition(!rewriteKinds.isEmpty, "rewriteKinds must not be empty")
            precondition(outlets >= 0, "outlets must not be negative")
            precondition(names >= 1 && names <= Configuration.maximumNames, "names must be in 1...\(Configuration.maximumNames)")
            self.documents = documents
            self.wordsPerDocument = wordsPerDocument
            self.duplicateRate = duplicateRate
            self.seed = seed
            self.kinds = kinds
            self.rewriteRate = rewriteRate
            self.rewriteKinds = rewriteKinds
            self.dates = dates
            self.outlets = outlets
            self.names = names
        }
    }

    /// What the generator made.
    public let configuration: Configuration
    private let lexicon: Lexicon
    private let idWidth: Int

    /// Makes the generator for `configuration`. No text is generated until a document is
    /// read, so this is O(1) whatever the corpus size.
    ///
    /// - Parameter configuration: the size, seed and kinds of duplicates of the corpus.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        lexicon = Lexicon.shared
        idWidth = Swift.max(6, String(Swift.max(0, configuration.documents - 1)).count)
    }

    // MARK: Collection

    /// The position of the first document: always 0.
    public var startIndex: Int { 0 }
    /// One past the last document's position: ``Configuration/documents``.
    public var endIndex: Int { configuration.documents }

    /// The document at `index`.
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the document, the same for the same configuration on every platform.
    /// - Complexity: O(words) times the length of its chain of sources (1 for an original;
    ///   the expected chain length is 1 / (1 − duplicateRate)).
    public subscript(index: Int) -> GeneratedDocument {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(configuration.wordsPerDocument * 8)
        let planting = appendPlantedText(ofDocumentAt: index, to: &bytes)
        var planted: PlantedDuplicate?, rewrite: PlantedRewrite?
        switch planting {
        case .duplicate(let d): planted = d
        case .rewrite(let r): rewrite = r
        case nil: break
        }
        return GeneratedDocument(
            index: index, id: id(ofDocumentAt: index), text: String(decoding: bytes, as: UTF8.self),
            planted: planted, rewrite: rewrite, date: date(ofDocumentAt: index), outlet: outlet(ofDocumentAt: index))
    }

    /// The id of document `index`: `doc-` and the zero-padded position.
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the id, such as `doc-000012`.
    public func id(ofDocumentAt index: Int) -> String {
        let digits = String(index)
        return "doc-" + String(repeating: "0", count: Swift.max(0, idWidth - digits.count)) + digits
    }

    /// The source and kind planted at `index`, if the document there is a planted duplicate,
    /// without generating any text.
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the source's position and the kind of edit, or `nil` for an original document.
    /// - Complexity: O(1).
    public func plan(ofDocumentAt index: Int) -> (sourceIndex: Int, kind: DuplicateKind)? {
        guard let step = step(at: index), case .duplicate(let kind) = step.edit else { return nil }
        return (step.source, kind)
    }

    /// The source and kind planted at `index`, if the document there is a planted rewrite,
    /// without generating any text.
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the source's position and the kind of rewrite, or `nil` for any other document.
    /// - Complexity: O(1).
    public func rewritePlan(ofDocumentAt index: Int) -> (sourceIndex: Int, kind: RewriteKind)? {
        guard let step = step(at: index), case .rewrite(let kind) = step.edit else { return nil }
        return (step.source, kind)
    }

    /// Whether the document at `index` is planted (a near-duplicate or a rewrite).
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: `true` when it was made from an earlier document.
    /// - Complexity: O(1).
    public func isPlanted(_ index: Int) -> Bool { step(at: index) != nil }

    /// What is planted at `index`: one draw decides a near-duplicate (below `duplicateRate`),
    /// a rewrite (below `duplicateRate + rewriteRate`) or an original, so a corpus without
    /// rewrites draws as it did before they existed.
    private func step(at index: Int) -> (source: Int, edit: PlannedEdit)? {
        guard index > 0, configuration.duplicateRate > 0 || configuration.rewriteRate > 0 else { return nil }
        var random = CorpusRandom(seed: configuration.seed, stream: UInt64(index), substream: 1)
        let u = random.nextUnit()
        if u < configuration.duplicateRate {
            let source = random.next(below: index)
            return (source, .duplicate(configuration.kinds[random.next(below: configuration.kinds.count)]))
        }
        guard u < configuration.duplicateRate + configuration.rewriteRate else { return nil }
        let source = random.next(below: index)
        return (source, .rewrite(configuration.rewriteKinds[random.next(below: configuration.rewriteKinds.count)]))
    }

    private enum PlannedEdit { case duplicate(DuplicateKind), rewrite(RewriteKind) }

    /// The date of document `index` (`YYYY-MM-DD`), if the corpus has dates: dates rise with
    /// the position, evenly over the span, so a source is never later than what was made from it.
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the date, or `nil` without ``Configuration/dates``.
    /// - Complexity: O(1).
    public func date(ofDocumentAt index: Int) -> String? {
        guard let dates = configuration.dates else { return nil }
        let offset = Int((Int64(index) * Int64(dates.days)) / Int64(Swift.max(1, configuration.documents)))
        return DateSpan.text(ofDay: dates.firstDay + offset)
    }

    /// The outlet of document `index` (`outlet-01`…), if the corpus has outlets. Originals draw
    /// theirs uniformly; a planted document is from another outlet than its source (when there
    /// are two or more).
    ///
    /// - Parameter index: a position in `0..<documents`.
    /// - Returns: the outlet, or `nil` when ``Configuration/outlets`` is 0.
    /// - Complexity: O(length of the chain of sources).
    public func outlet(ofDocumentAt index: Int) -> String? {
        let n = configuration.outlets
        guard n > 0 else { return nil }
        var chain: [Int] = [index]
        while let step = step(at: chain[chain.count - 1]) { chain.append(step.source) }
        var outlet = 0
        for (depth, position) in chain.reversed().enumerated() {
            var random = CorpusRandom(seed: configuration.seed, stream: UInt64(position), substream: 5)
            if depth == 0 || n == 1 {
                outlet = random.next(below: n)
            } else {
                let other = random.next(below: n - 1)
                outlet = other >= outlet ? other + 1 : other
            }
        }
        let digits = String(outlet + 1)
        return "outlet-" + String(repeating: "0", count: Swift.max(0, Swift.max(2, String(n).count) - digits.count)) + digits
    }

    /// Appends one JSONL record and a newline for document `index` to `buffer`, and returns
    /// what was planted there. The record is `{"id":…,"text":…}`, with `"date"` and `"outlet"`
    /// after the id when the corpus has them. The fast path of `neardup generate`.
    ///
    /// - Parameters:
    ///   - index: a position in `0..<documents`.
    ///   - buffer: the bytes to append to.
    /// - Returns: the near-duplicate or rewrite planted at `index`, or `nil` for an original.
    @discardableResult
    public func appendRecord(ofDocumentAt index: Int, to buffer: inout [UInt8]) -> Planting? {
        buffer.append(contentsOf: #"{"id":""#.utf8)
        buffer.append(contentsOf: id(ofDocumentAt: index).utf8)
        if let date = date(ofDocumentAt: index) {
            buffer.append(contentsOf: #"","date":""#.utf8)
            buffer.append(contentsOf: date.utf8)
        }
        if let outlet = outlet(ofDocumentAt: index) {
            buffer.append(contentsOf: #"","outlet":""#.utf8)
            buffer.append(contentsOf: outlet.utf8)
        }
        buffer.append(contentsOf: #"","text":""#.utf8)
        let start = buffer.count
        let planted = appendPlantedText(ofDocumentAt: index, to: &buffer)
        JSONEscaping.escape(&buffer, from: start)
        buffer.append(contentsOf: "\"}\n".utf8)
        return planted
    }

    /// Appends one JSONL record and a newline for document `index` to `buffer`, as
    /// ``appendRecord(ofDocumentAt:to:)`` does.
    ///
    /// - Parameters:
    ///   - index: a position in `0..<documents`.
    ///   - buffer: the bytes to append to.
    /// - Returns: the planted duplicate at `index`, or `nil` for an original document or a rewrite.
    @discardableResult
    public func appendJSONLine(ofDocumentAt index: Int, to buffer: inout [UInt8]) -> PlantedDuplicate? {
        guard case .duplicate(let planted) = appendRecord(ofDocumentAt: index, to: &buffer) else { return nil }
        return planted
    }

    /// Appends the UTF-8 text of document `index` to `buffer`.
    ///
    /// - Parameters:
    ///   - index: a position in `0..<documents`.
    ///   - buffer: the bytes to append to.
    /// - Returns: the planted duplicate at `index`, or `nil` for an original document or a rewrite.
    @discardableResult
    public func appendText(ofDocumentAt index: Int, to buffer: inout [UInt8]) -> PlantedDuplicate? {
        guard case .duplicate(let planted) = appendPlantedText(ofDocumentAt: index, to: &buffer) else { return nil }
        return planted
    }

    /// Appends the UTF-8 text of document `index` to `buffer`.
    ///
    /// - Parameters:
    ///   - index: a position in `0..<documents`.
    ///   - buffer: the bytes to append to.
    /// - Returns: the near-duplicate or rewrite planted at `index`, or `nil` for an original.
    /// - Complexity: O(words) times the length of its chain of sources.
    @discardableResult
    public func appendPlantedText(ofDocumentAt index: Int, to buffer: inout [UInt8]) -> Planting? {
        precondition(indices.contains(index), "document index \(index) out of 0..<\(configuration.documents)")
        // The chain of sources, back to an original document.
        var chain: [(index: Int, source: Int, edit: PlannedEdit)] = []
        var root = index
        while let step = step(at: root) {
            chain.append((root, step.source, step.edit))
            root = step.source
        }
        var document = original(at: root)
        var planting: Planting?
        for link in chain.reversed() {
            var random = CorpusRandom(seed: configuration.seed, stream: UInt64(link.index), substream: 2)
            switch link.edit {
            case .duplicate(let kind):
                let edit = document.apply(kind, lexicon: lexicon, random: &random)
                planting = .duplicate(PlantedDuplicate(
                    sourceIndex: link.source, duplicateIndex: link.index, sourceID: id(ofDocumentAt: link.source),
                    duplicateID: id(ofDocumentAt: link.index), edit: edit))
            case .rewrite(let kind):
                let counts = document.rewrite(
                    kind, ownStory: { original(at: link.index, substream: 4) }, lexicon: lexicon, random: &random)
                planting = .rewrite(PlantedRewrite(
                    sourceIndex: link.source, storyIndex: link.index, sourceID: id(ofDocumentAt: link.source),
                    storyID: id(ofDocumentAt: link.index), kind: kind, sourceSentences: counts.sourceSentences,
                    storySentences: counts.storySentences, retoldSentences: counts.retoldSentences,
                    storyWords: counts.storyWords, derivedWords: counts.derivedWords,
                    movedSentences: counts.movedSentences, replacedWords: counts.replacedWords, cutWords: counts.cutWords))
            }
        }
        document.render(lexicon: lexicon, to: &buffer)
        return planting
    }

    /// Every planted duplicate, in order of the duplicate's position (generates every
    /// duplicate's text, to know its edit's parameters).
    ///
    /// - Returns: one ``PlantedDuplicate`` per planted document, ascending by its position.
    /// - Complexity: O(duplicates × words).
    public func plantedDuplicates() -> [PlantedDuplicate] {
        indices.compactMap { plan(ofDocumentAt: $0) == nil ? nil : self[$0].planted }
    }

    /// Every planted rewrite, in order of the rewrite's position (generates every rewrite's text).
    ///
    /// - Returns: one ``PlantedRewrite`` per planted rewrite, ascending by its position.
    /// - Complexity: O(rewrites × words).
    public func plantedRewrites() -> [PlantedRewrite] {
        indices.compactMap { rewritePlan(ofDocumentAt: $0) == nil ? nil : self[$0].rewrite }
    }

    // MARK: Originals

    /// The original document of stream `index` (substream 0: the document at `index`;
    /// substream 4: the story of its own a rewrite at `index` retells its source in).
    private func original(at index: Int, substream: UInt64 = 0) -> DraftDocument {
        var random = CorpusRandom(seed: configuration.seed, stream: UInt64(index), substream: substream)
        let target = Swift.max(1, Int((Double(configuration.wordsPerDocument) * (0.8 + 0.4 * random.nextUnit())).rounded()))
        let topics = (0..<8).map { _ in lexicon.topics[random.next(below: lexicon.topics.count)] }
        let names = (0..<4).map { _ in lexicon.name(random.next(below: configuration.names)) }
        var sentences: [[UInt32]] = []
        var words = 0
        while words < target {
            var length = 6 + random.next(below: 13) + random.next(below: 13)
            length = Swift.min(length, target - words)
            var sentence: [UInt32] = []
            sentence.reserveCapacity(length + 4)
            var count = 0
            while count < length {
                let u = random.nextUnit()
                if u < 0.06 {
                    sentence.append(topics[random.next(below: topics.count)])
                } else if u < 0.085 {
                    sentence.append(names[random.next(below: names.count)])
                } else if u < 0.10 {
                    sentence.append(lexicon.numbers[random.next(below: lexicon.numbers.count)])
                } else {
                    sentence.append(lexicon.word(random: &random))
                }
                count += 1
                if count >= 3 && count < length - 2 && random.chance(0.07) { sentence.append(Lexicon.comma) }
            }
            sentences.append(sentence)
            words += count
        }
        return DraftDocument(sentences: sentences)
    }
}

/// One generated document.
public struct GeneratedDocument: Sendable, Hashable, Identifiable {
    /// Its position in the corpus.
    public var index: Int
    /// Its id, `doc-` and the zero-padded position.
    public var id: String
    /// The text.
    public var text: String
    /// What was planted here, if this document is a near-duplicate of an earlier one.
    public var planted: PlantedDuplicate?
    /// What was planted here, if this document is a rewrite of an earlier one.
    public var rewrite: PlantedRewrite?
    /// Its date, `YYYY-MM-DD`, if the corpus has dates.
    public var date: String?
    /// Its outlet, if the corpus has outlets.
    public var outlet: String?

    /// What was planted here, a near-duplicate or a rewrite, if anything.
    public var planting: Planting? {
        if let planted { return .duplicate(planted) }
        return rewrite.map { .rewrite($0) }
    }

    /// The JSONL record `{"id":…,"text":…}` (no trailing newline), with `"date"` and
    /// `"outlet"` after the id when the document has them.
    ///
    /// - Returns: the record, with the text JSON-escaped.
    public func jsonLine() -> String {
        var buffer = Array(text.utf8)
        JSONEscaping.escape(&buffer, from: 0)
        var head = #"{"id":"\#(id)""#
        if let date { head += #","date":"\#(date)""# }
        if let outlet { head += #","outlet":"\#(outlet)""# }
        return head + #","text":""# + String(decoding: buffer, as: UTF8.self) + "\"}"
    }
}

// MARK: - Internals

/// A document as sentences of lexicon indices, before rendering.
struct DraftDocument {
    var sentences: [[UInt32]]

    var wordCount: Int {
        sentences.reduce(0) { $0 + $1.lazy.filter { $0 != Lexicon.comma }.count }
    }

    /// Applies one edit of `kind`, its strength drawn from `random`, and says what it did.
    mutating func apply(_ kind: DuplicateKind, lexicon: Lexicon, random: inout CorpusRandom) -> PlantedDuplicate.Edit {
        let words = wordCount
        switch kind {
        case .wordEdits:
            // e edits change about 5e of the n 5-grams: J ≈ (n − 5e) / (n + 5e); up to 5 % of
            // the words gives J down to about 0.6.
            let edits = 1 + random.next(below: max(1, words * 5 / 100))
            var substitutions = 0, insertions = 0, deletions = 0
            for _ in 0..<edits {
                let (s, w) = locate(random.next(below: max(1, wordCount)))
                let roll = random.next(below: 10)
                if roll < 2 {
                    sentences[s].insert(lexicon.word(random: &random), at: w)
                    insertions += 1
                } else if roll < 4 && sentences[s].count > 1 {
                    sentences[s].remove(at: w)
                    deletions += 1
                } else {
                    sentences[s][w] = lexicon.word(random: &random)
                    substitutions += 1
                }
            }
            return .wordEdits(substitutions: substitutions, insertions: insertions, deletions: deletions)
        case .sentenceReorder:
            guard sentences.count > 1 else { return .sentenceReorder(moves: 0) }
            let moves = 1 + random.next(below: max(1, sentences.count / 6))
            for _ in 0..<moves {
                let from = random.next(below: sentences.count)
                let sentence = sentences.remove(at: from)
                var to = random.next(below: sentences.count)
                if to >= from { to += 1 }  // another place than where it was
                sentences.insert(sentence, at: to)
            }
            return .sentenceReorder(moves: moves)
        case .truncation:
            // Keep 55–97 % of the words: J ≈ the kept share.
            let kept = max(1, min(words - 1, Int((Double(words) * (0.55 + 0.42 * random.nextUnit())).rounded())))
            guard words > 1 else { return .truncation(keptWords: words, originalWords: words) }
            let (s, w) = locate(kept)
            sentences.removeLast(sentences.count - s - 1)
            sentences[s].removeLast(sentences[s].count - w)
            if sentences[s].isEmpty { sentences.removeLast() }
            if sentences[sentences.count - 1].last == Lexicon.comma { sentences[sentences.count - 1].removeLast() }
            return .truncation(keptWords: kept, originalWords: words)
        case .boilerplate:
            // Add 5–35 % of the length: J ≈ n / (n + added).
            let target = max(1, Int((Double(words) * (0.05 + 0.30 * random.nextUnit())).rounded()))
            let position: BoilerplatePosition = [.header, .footer, .both][random.next(below: 3)]
            var added: [[UInt32]] = []
            var addedWords = 0
            var next = random.next(below: lexicon.boilerplate.count)
            while addedWords < target {
                added.append(lexicon.boilerplate[next])
                addedWords += lexicon.boilerplate[next].count
                next = (next + 1) % lexicon.boilerplate.count
            }
            switch position {
            case .header: sentences.insert(contentsOf: added, at: 0)
            case .footer: sentences.append(contentsOf: added)
            case .both:
                let half = (added.count + 1) / 2
                sentences.insert(contentsOf: added[..<half], at: 0)
                sentences.append(contentsOf: added[half...])
            }
            return .boilerplate(addedWords: addedWords, position: position)
        }
    }

    /// The sentence and position within it of word number `word` (commas skipped); one past
    /// the last word maps to the end of the last sentence.
    private func locate(_ word: Int) -> (sentence: Int, position: Int) {
        var remaining = word
        for (s, sentence) in sentences.enumerated() {
            for (w, token) in sentence.enumerated() where token != Lexicon.comma {
                if remaining == 0 { return (s, w) }
                remaining -= 1
            }
        }
        let last = sentences.count - 1
        return (last, sentences[last].count)
    }

    /// Appends the text: sentences capitalised and ended by a period, paragraphs of four
    /// sentences separated by a blank line.
    func render(lexicon: Lexicon, to buffer: inout [UInt8]) {
        for (s, sentence) in sentences.enumerated() {
            if s > 0 { buffer.append(contentsOf: s % 4 == 0 ? [0x0A, 0x0A] : [0x20]) }
            var first = true
            for token in sentence {
                if token == Lexicon.comma {
                    if !first { buffer.append(UInt8(ascii: ",")) }  // never open a sentence with one
                    continue
                }
                if !first { buffer.append(0x20) }
                let start = buffer.count
                lexicon.appendSpelling(of: token, to: &buffer)
                if first, buffer[start] >= UInt8(ascii: "a"), buffer[start] <= UInt8(ascii: "z") {
                    buffer[start] -= 0x20
                }
                first = false
            }
            buffer.append(UInt8(ascii: "."))
        }
    }
}

/// Every word the generator can write, by index, with the samplers that choose them.
final class Lexicon: Sendable {
    static let shared = Lexicon()
    /// Index of the comma, a token that is not a word.
    static let comma: UInt32 = 0

    let spellings: [[UInt8]]
    let commonWords: [UInt32]
    let topics: [UInt32]
    let names: [UInt32]
    let numbers: [UInt32]
    let boilerplate: [[UInt32]]
    /// Interchangeable words (``Vocabulary/wordClasses``), and each word's class (-1: none).
    let wordClasses: [[UInt32]]
    let classOf: [Int32]
    private let sampler: ZipfSampler

    private init() {
        var spellings: [[UInt8]] = [Array(",".utf8)]
        var index: [String: UInt32] = [:]
        func intern(_ word: String) -> UInt32 {
            if let i = index[word] { return i }
            let i = UInt32(spellings.count)
            spellings.append(Array(word.utf8))
            index[word] = i
            return i
        }
        var seen = Set<String>()
        commonWords = Vocabulary.words.filter { seen.insert($0).inserted }.map(intern)
        topics = Vocabulary.topics.map(intern)
        // 2,000 made-up names of two or three syllables, capitalised, from a fixed stream.
        var random = CorpusRandom(seed: 0x4E41_4D45)
        let syllables = Vocabulary.nameSyllables
        names = (0..<2_000).map { _ in
            var name = ""
            for _ in 0..<(2 + random.next(below: 2)) { name += syllables[random.next(below: syllables.count)] }
            return intern(name.prefix(1).uppercased() + name.dropFirst())
        }
        numbers = ((1...100).map(String.init) + (1990...2030).map(String.init)
            + (1...60).map { "\($0 / 10).\($0 % 10)" }).map(intern)
        boilerplate = Vocabulary.boilerplate.map { $0.lowercased().split(separator: " ").map { intern(String($0)) } }
        // Interned last, so that the words before keep their indices.
        var classed = Set<UInt32>()
        wordClasses = Vocabulary.wordClasses.compactMap { words in
            let members = words.map(intern).filter { classed.insert($0).inserted }
            return members.count >= 2 ? members : nil
        }
        var classOf = [Int32](repeating: -1, count: spellings.count)
        for (c, members) in wordClasses.enumerated() { for m in members { classOf[Int(m)] = Int32(c) } }
        self.classOf = classOf
        self.spellings = spellings
        sampler = ZipfSampler(count: commonWords.count, exponent: 1.0)
    }

    /// Name number `k`: one of the 2,000 built-in names, or beyond them a name spelled from
    /// `k` (a token past every interned word).
    func name(_ k: Int) -> UInt32 {
        k < names.count ? names[k] : UInt32(spellings.count + k - names.count)
    }

    /// Appends the spelling of `token`: an interned word, or a name made up from its number
    /// (four syllables chosen by a bijective mix of the number, so neighbours look unrelated).
    @inline(__always)
    func appendSpelling(of token: UInt32, to buffer: inout [UInt8]) {
        let t = Int(token)
        guard t >= spellings.count else { return buffer.append(contentsOf: spellings[t]) }
        var z = CorpusRandom.mix(UInt64(t - spellings.count) &+ 0x5EED)
        let syllables = Vocabulary.nameSyllables
        let start = buffer.count
        for _ in 0..<4 {
            buffer.append(contentsOf: syllables[Int(z % UInt64(syllables.count))].utf8)
            z /= UInt64(syllables.count)
        }
        buffer[start] -= 0x20  // capitalised (syllables are lowercase ASCII)
    }

    /// The class of `token` (-1: none; made-up names have none).
    @inline(__always)
    func wordClass(of token: UInt32) -> Int32 {
        Int(token) < classOf.count ? classOf[Int(token)] : -1
    }

    /// A common word drawn with Zipf frequencies.
    @inline(__always)
    func word(random: inout CorpusRandom) -> UInt32 {
        commonWords[sampler.draw(&random)]
    }
}
