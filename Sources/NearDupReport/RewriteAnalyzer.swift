import NearDupCore

/// Decides which candidate stories were rewritten from a reference story, how much of each, and
/// shows the evidence: the library form of `neardup report`.
///
/// ```swift
/// // agencyCopy, storyA, storyB: ReportDocuments, made with ReportDocument(id:text:) or read
/// // from files with ReportDocument(id:path:bytes:)
/// let analyzer = RewriteAnalyzer()
/// let report = analyzer.analyze(reference: agencyCopy, candidates: [storyA, storyB])
/// for candidate in report.candidates {
///     print(candidate.rank, candidate.id, candidate.verdict, candidate.score)
/// }
/// ```
///
/// Each text is read once (``StoryLayout`` → words, sentences, quotations and shingles of its
/// body). Then, for each candidate, `compare` runs these steps:
/// 1. **align** (`SentenceAligner`): each candidate narrative sentence is matched to the
///    reference sentence (or the two or three neighbouring ones) it retells, on Snowball stems and
///    WordNet synonyms weighted by inverse sentence frequency, accepted by containment and order;
/// 2. `sharedRuns`: runs of identical words, split into quoted ones (shared
///    quotations: evidence, never counted) and narrative ones (verbatim passages);
/// 3. `markDerived`: word by word, the candidate's words taken from their
///    source sentences and the reference's words the candidate retells;
/// 4. `summarize`: the counts on both sides (``EvidenceSummary``)
///    and the paraphrase passages;
/// 5. ``VerdictModel``: the length-normalised features of the evidence (``VerdictFeature``),
///    P(derived) (the ``CandidateReport/score``), P(wholly | derived) and the verdict.
///
/// The exact Jaccard similarity and both containments of the word-shingle sets are reported too,
/// for comparison with plain near-duplicate detection.
///
/// An analyzer is a value; `analyze` is thread-safe.
///
/// See <doc:RewriteReport> for the method, the verdict rule and how it was calibrated.
public struct RewriteAnalyzer: Sendable {
    /// The parameters and verdict rule every analysis by this analyzer uses.
    public var configuration: Configuration

    /// Makes an analyzer; the default configuration is the one `neardup report` uses.
    ///
    /// - Parameter configuration: the parameters and verdict rule of every analysis.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Analyses each candidate against the reference and ranks them, most derived first.
    ///
    /// - Parameters:
    ///   - reference: the story the candidates may have been rewritten from.
    ///   - candidates: the stories to judge.
    ///   - skipped: inputs the caller could not read, carried into the report.
    /// - Returns: the report: the candidates ranked by the evidence (the share of the story that
    ///   retells the reference, then the share of the reference retold, then score, then id),
    ///   each with its passages, evidence and verdict; the all-pairs similarity matrices (left
    ///   empty beyond ``Configuration/similarityMatrixLimit`` documents); the method.
    /// - Complexity: per candidate, linear in the two texts' lengths plus the sentence-pair work
    ///   of ``Configuration``'s alignment (sparse, through an inverted index); O(d²·s) more for
    ///   the similarity matrix of d documents with s shingles each, only up to the limit. Beyond
    ///   it, memory is the results plus one analysed candidate at a time: linear in d.
    public func analyze(reference: ReportDocument, candidates: [ReportDocument], skipped: [SkippedInput] = []) -> SyndicationReport {
        let ref = prepare(reference, isReference: true)
        // Each candidate's analysed text is kept only for the similarity matrix, and only when
        // the matrix is within the limit; otherwise it is dropped as soon as it is compared.
        let withMatrix = candidates.count + 1 <= configuration.similarityMatrixLimit
        var analysed: [AnalyzedText] = []
        var results: [CandidateReport] = []
        results.reserveCapacity(candidates.count)
        for candidate in candidates {
            let text = prepare(candidate)
            results.append(compare(ref, text))
            if withMatrix { analysed.append(text) }
        }
        let order = results.indices.sorted { a, b in
            let x = results[a], y = results[b]
            if x.retold != y.retold { return x.retold > y.retold }
            if x.coverage != y.coverage { return x.coverage > y.coverage }
            if x.score != y.score { return x.score > y.score }
            return x.id < y.id
        }
        results = order.enumerated().map { rank, index in
            var r = results[index]
            r.rank = rank + 1
            return r
        }
        let documents = withMatrix ? [ref] + order.map { analysed[$0] } : []
        func matrix(_ shingles: (AnalyzedText) -> ShingleSet) -> [[Double]] {
            documents.map { a in documents.map { b in a.document.id == b.document.id && a.document.path == b.document.path ? 1 : round4(shingles(a).jaccard(shingles(b))) } }
        }
        var summary = DocumentSummary(
            id: reference.id, path: reference.path, encoding: reference.encoding, warnings: reference.warnings,
            sentences: ref.sentences.count, quotations: ref.quotations.count, words: ref.words.count,
            title: reference.metadata?.title ?? ref.story.title(), narrativeSentences: referenceSentences(ref))
        summary.metadata = reference.metadata
        return SyndicationReport(
            reference: summary,
            candidates: results,
            skipped: skipped,
            similarity: SimilarityMatrix(
                ids: [reference.id] + results.map(\.id), jaccard: matrix(\.shingles), narrativeJaccard: matrix(\.narrativeShingles),
                omitted: withMatrix ? nil : "more than \(configuration.similarityMatrixLimit) documents: the all-pairs matrices would grow with the square of their number"),
            method: configuration.method)
    }

    /// The reference's narrative sentences, numbered as passages refer to them.
    func referenceSentences(_ ref: AnalyzedText) -> [ReferenceSentence] {
        ref.sentences.indices.compactMap { s in
            ref.narrativeSentenceNumbers[s].map {
                ReferenceSentence(number: $0, span: ref.originalSpan(ref.sentences[s]), text: ref.text(ref.sentences[s]))
            }
        }
    }

    /// Analyses one candidate against the reference. Its `rank` is 1.
    ///
    /// - Parameters:
    ///   - reference: the story the candidate may have been rewritten from.
    ///   - candidate: the story to judge.
    /// - Returns: the candidate's verdict, score, coverage, passages and evidence, as
    ///   ``analyze(reference:candidates:skipped:)`` would give them.
    /// - Complexity: linear in the two texts' lengths plus the sparse sentence-pair work of the
    ///   alignment.
    public func compare(reference: ReportDocument, candidate: ReportDocument) -> CandidateReport {
        compare(prepare(reference, isReference: true), prepare(candidate))
    }

    /// Reads a document once (layout, words, sentences, quotations, shingles); the reference
    /// also gets the WordNet synonyms of its sentences when ``Configuration/synonyms`` is on.
    package func prepare(_ document: ReportDocument, isReference: Bool = false) -> AnalyzedText {
        AnalyzedText(
            document, tokenizer: Tokenizer(seed: configuration.seed, normalization: configuration.normalization),
            shingleSize: configuration.shingling.size, language: configuration.language,
            synonyms: isReference ? configuration.wordNet : nil, isReference: isReference)
    }

    package func compare(_ ref: AnalyzedText, _ cand: AnalyzedText) -> CandidateReport {
        report(ref, cand, alignment: align(ref, cand))
    }

    /// Steps 1 and 2 of a comparison: the aligned sentences and the shared runs. When it finds
    /// neither (``PairAlignment/derivesNothing``), the report would find no derived sentence.
    package func align(_ ref: AnalyzedText, _ cand: AnalyzedText) -> PairAlignment {
        let pairs = configuration.aligner.align(ref, cand)
        let tiles = commonRuns(reference: ref, candidate: cand, minimumLength: configuration.quotationMinimumWords)
        return PairAlignment(pairs: pairs, tiles: tiles, runs: sharedRuns(ref, cand, pairs: pairs, tiles: tiles))
    }

    /// The first two steps of a comparison (``align(_:_:)``), kept for the rest of it.
    package struct PairAlignment {
        var pairs: [SentencePair]
        var tiles: [CommonRun]
        var runs: (verbatim: [SharedRun], quotations: [SharedRun])

        /// No aligned sentence and no verbatim run: no word of the candidate is marked derived,
        /// so the report on the pair has no derived sentence.
        package var derivesNothing: Bool { pairs.isEmpty && runs.verbatim.isEmpty }
    }

    /// Steps 3 to 5 of a comparison, on the pair's ``align(_:_:)``.
    package func report(_ ref: AnalyzedText, _ cand: AnalyzedText, alignment: PairAlignment) -> CandidateReport {
        let (pairs, tiles, runs) = (alignment.pairs, alignment.tiles, alignment.runs)
        let marks = markDerived(ref, cand, pairs: pairs, verbatim: runs.verbatim)
        var (evidence, paraphrases) = summarize(ref, cand, pairs: pairs, marks: marks, quotations: runs.quotations)
        evidence.add(NarrativeOverlap(ref, cand, tiles: tiles))
        let passages = (paraphrases + (runs.verbatim + runs.quotations).map { passage(ref, cand, $0) })
            .sorted { ($0.candidate.start, $0.candidate.end) < ($1.candidate.start, $1.candidate.end) }
        let decision = configuration.model.decide(evidence)
        let verdict = configuration.model.verdict(decision)
        let retold = share(evidence.derivedWords, evidence.narrativeWords)
        let coverage = share(evidence.retoldWords, evidence.referenceNarrativeWords)
        let shared = ref.shingles.intersectionCount(cand.shingles)
        var report = CandidateReport(
            id: cand.document.id, path: cand.document.path, title: cand.document.metadata?.title ?? cand.story.title(),
            rank: 1, verdict: verdict,
            score: decision.derivedProbability, retold: retold, coverage: coverage,
            vocabulary: share(evidence.sharedDistinctStems, evidence.distinctStems), jaccard: round4(ref.shingles.jaccard(cand.shingles)),
            containment: Containment(
                referenceInCandidate: ref.shingles.isEmpty ? 0 : round4(Double(shared) / Double(ref.shingles.count)),
                candidateFromReference: cand.shingles.isEmpty ? 0 : round4(Double(shared) / Double(cand.shingles.count))),
            narrativeJaccard: round4(ref.narrativeShingles.jaccard(cand.narrativeShingles)),
            passages: passages, evidence: evidence, decision: decision,
            explanation: VerdictExplanation.explain(verdict: verdict, retold: retold, coverage: coverage, evidence: evidence),
            encoding: cand.document.encoding, warnings: cand.document.warnings)
        report.metadata = cand.document.metadata
        return report
    }

    /// A stretch of identical words shared by the two texts, inside one sentence of each and
    /// either wholly quoted or wholly narrative.
    struct SharedRun {
        var kind: PassageKind
        var reference: Int
        var candidate: Int
        var length: Int
    }

    /// Step 2: shared word runs (`tiles`), split where quotedness or the sentence changes. A
    /// quotation belongs to the story that quotes it: a stretch the *candidate* puts in quotation
    /// marks is quotation evidence; any other is verbatim narrative, even when the reference
    /// quoted it (a quoted sentence lifted without quotation marks is reuse). Verbatim narrative
    /// is kept when inside an aligned sentence, or long enough to stand alone. Boilerplate is
    /// never a passage.
    func sharedRuns(_ ref: AnalyzedText, _ cand: AnalyzedText, pairs: [SentencePair], tiles: [CommonRun]) -> (verbatim: [SharedRun], quotations: [SharedRun]) {
        let config = configuration
        let aligned = Set(pairs.map(\.candidate))
        var verbatim: [SharedRun] = []
        var quotations: [SharedRun] = []
        for run in tiles {
            var start = 0
            let narrativeInRun = (0..<run.length).count { !cand.quoted[run.candidate + $0] && cand.inBody[run.candidate + $0] }
            func isQuoted(_ k: Int) -> Bool { cand.quoted[run.candidate + k] }
            func isBody(_ k: Int) -> Bool { cand.inBody[run.candidate + k] && ref.inBody[run.reference + k] }
            func breaks(_ k: Int) -> Bool {
                isQuoted(k) != isQuoted(k - 1) || isBody(k) != isBody(k - 1)
                    || cand.sentenceOfWord[run.candidate + k] != cand.sentenceOfWord[run.candidate + k - 1]
                    || ref.sentenceOfWord[run.reference + k] != ref.sentenceOfWord[run.reference + k - 1]
            }
            for k in 1...run.length where k == run.length || breaks(k) {
                let s = SharedRun(
                    kind: isQuoted(start) ? .quotation : .verbatim, reference: run.reference + start,
                    candidate: run.candidate + start, length: k - start)
                let body = isBody(start)
                start = k
                guard body else { continue }
                if s.kind == .quotation, s.length >= config.quotationMinimumWords { quotations.append(s) }
                guard s.kind == .verbatim else { continue }
                // A whole candidate sentence copied word for word is reuse however short it is.
                let j = cand.sentenceOfWord[s.candidate]
                let wholeSentence = j >= 0 && cand.sentenceWords[j] == s.candidate..<(s.candidate + s.length)
                // So is a short stretch of narrative inside a long shared run that goes on into a
                // quotation (*and called it “…”*), when the run's narrative words, all told, make
                // a verbatim passage: a shared quotation with a shared attribution (*the mayor
                // said*) does not.
                let longRun = run.length >= config.standaloneVerbatimWords && narrativeInRun >= config.verbatimMinimumWords
                guard s.length >= config.verbatimMinimumWords || wholeSentence || longRun else { continue }
                let inAligned = (s.candidate..<(s.candidate + s.length)).contains { aligned.contains(cand.sentenceOfWord[$0]) }
                if inAligned || wholeSentence || longRun { verbatim.append(s) }
            }
        }
        return (verbatim, quotations)
    }

    /// Which words each side owes to the other.
    struct DerivedMarks {
        /// Candidate narrative content words in aligned sentences or verbatim runs.
        var derived: [Bool]
        /// Candidate narrative content words in verbatim runs.
        var copied: [Bool]
        /// Reference narrative content words the candidate retells (in sentences it aligns to, or
        /// in verbatim runs).
        var retold: [Bool]

    }

    /// Step 3: marks the derived words of the candidate and the retold words of the reference.
    func markDerived(_ ref: AnalyzedText, _ cand: AnalyzedText, pairs: [SentencePair], verbatim: [SharedRun]) -> DerivedMarks {
        var marks = DerivedMarks(
            derived: [Bool](repeating: false, count: cand.words.count), copied: [Bool](repeating: false, count: cand.words.count),
            retold: [Bool](repeating: false, count: ref.words.count))
        let referenceStems = ref.sentenceStems(asReference: true)
        for p in pairs {
            // Word by word: a candidate word is derived when its stem is in its source sentences
            // (or is a synonym of a word there); a reference word is retold when the candidate
            // sentence uses its stem or a synonym's. What a rewrite added to an aligned sentence is not counted.
            // A source sentence's stems (its quoted words' too: a rewrite may retell a quotation
            // in its own narrative) with its words' synonyms' stems: what the aligner reached it by.
            func fromSource(_ stem: StemID) -> Bool { p.references.contains { referenceStems.reaches(stem, $0) } }
            var candidateStems = Set<StemID>()
            for i in cand.sentenceWords[p.candidate] where cand.isNarrativeContent(i) {
                candidateStems.insert(cand.stems[i]!)
                if fromSource(cand.stems[i]!) { marks.derived[i] = true }
            }
            for r in p.references {
                for i in ref.sentenceWords[r]
                where ref.isNarrativeContent(i)
                    && (candidateStems.contains(ref.stems[i]!) || !candidateStems.isDisjoint(with: ref.wordSynonymStems[i])) {
                    marks.retold[i] = true
                }
            }
        }
        for s in verbatim {
            for k in 0..<s.length {
                if cand.isNarrativeContent(s.candidate + k) {
                    marks.derived[s.candidate + k] = true
                    marks.copied[s.candidate + k] = true
                }
                if ref.isNarrativeContent(s.reference + k) { marks.retold[s.reference + k] = true }
            }
        }
        return marks
    }

    /// Step 4: counts sentences and words on both sides, and makes the paraphrase passages.
    func summarize(
        _ ref: AnalyzedText, _ cand: AnalyzedText, pairs: [SentencePair], marks: DerivedMarks, quotations: [SharedRun]
    ) -> (EvidenceSummary, [Passage]) {
        var pairOfSentence: [Int: SentencePair] = [:]
        for p in pairs { pairOfSentence[p.candidate] = p }
        let number = ref.narrativeSentenceNumbers
        var evidence = EvidenceSummary()
        var passages: [Passage] = []
        for (j, words) in cand.sentenceWords.enumerated() {
            let content = words.filter { cand.isNarrativeContent($0) }
            guard !content.isEmpty else { continue }
            evidence.narrativeSentences += 1
            evidence.narrativeWords += content.count
            let derivedCount = content.count { marks.derived[$0] }
            evidence.derivedWords += derivedCount
            guard derivedCount > 0 else { continue }
            evidence.derivedSentences += 1
            let copiedCount = content.count { marks.copied[$0] }
            if 2 * copiedCount >= content.count {
                evidence.verbatimSentences += 1
            } else if let p = pairOfSentence[j] {
                evidence.paraphrasedSentences += 1
                // The main source sentence's span; the text shows every merged sentence, in order.
                let refRange = ref.sentences[p.reference]
                let refText = p.references.sorted().map { ref.text(ref.sentences[$0]) }.joined(separator: " … ")
                let candRange = cand.sentences[j]
                passages.append(
                    Passage(
                        kind: .paraphrase, reference: ref.originalSpan(refRange), candidate: cand.originalSpan(candRange),
                        text: cand.text(candRange), referenceText: refText, words: words.count,
                        similarity: round4(p.similarity), referenceSentences: p.references.sorted().compactMap { number[$0] }))
            } else {
                evidence.verbatimSentences += 1
            }
        }
        // The reference side: its narrative, and how much of it the candidate retells.
        for (s, words) in ref.sentenceWords.enumerated() where number[s] != nil {
            let content = words.filter { ref.isNarrativeContent($0) }
            evidence.referenceNarrativeSentences += 1
            evidence.referenceNarrativeWords += content.count
            let retold = content.count { marks.retold[$0] }
            evidence.retoldWords += retold
            if retold > 0 { evidence.retoldSentences += 1 }
        }
        for i in cand.words.indices where cand.isNarrativeContent(i) {
            let shared = ref.bodyStems.contains(cand.stems[i]!)
            if shared { evidence.sharedVocabularyWords += 1 }
            if !marks.derived[i] {
                evidence.underivedWords += 1
                if shared { evidence.underivedSharedWords += 1 }
            }
        }
        evidence.inOrderSentences = longestInOrderChain(pairs)
        evidence.sharedQuotations = quotations.count
        evidence.sharedQuotationWords = quotations.reduce(0) { $0 + $1.length }
        let bodyWords = cand.inBody.count { $0 }
        evidence.quotedShare = bodyWords == 0 ? 0 : round4(Double(cand.words.indices.count { cand.inBody[$0] && cand.quoted[$0] }) / Double(bodyWords))
        evidence.boilerplateWords = cand.words.count - bodyWords
        return (evidence, passages)
    }

    /// The most aligned candidate sentences that retell reference sentences in the reference's
    /// order (a longest strictly increasing chain of their source sentences).
    ///
    /// - Complexity: O(p log p) for p pairs.
    func longestInOrderChain(_ pairs: [SentencePair]) -> Int {
        var tails: [Int] = []
        for p in pairs.sorted(by: { $0.candidate < $1.candidate }) {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if tails[mid] < p.reference { low = mid + 1 } else { high = mid }
            }
            if low == tails.count { tails.append(p.reference) } else { tails[low] = p.reference }
        }
        return tails.count
    }

    /// A verbatim or quotation passage from a shared run.
    func passage(_ ref: AnalyzedText, _ cand: AnalyzedText, _ s: SharedRun) -> Passage {
        let refRange = ref.words[s.reference].range.lowerBound..<ref.words[s.reference + s.length - 1].range.upperBound
        let candRange = cand.words[s.candidate].range.lowerBound..<cand.words[s.candidate + s.length - 1].range.upperBound
        let sentence = ref.sentenceOfWord[s.reference]
        let number = sentence >= 0 ? ref.narrativeSentenceNumbers[sentence].map { [$0] } ?? [] : []
        return Passage(
            kind: s.kind, reference: ref.originalSpan(refRange), candidate: cand.originalSpan(candRange), text: cand.text(candRange),
            referenceText: ref.text(refRange), words: s.length, similarity: 1, referenceSentences: number)
    }
}

/// Rounds to 4 decimals, so reports are stable and readable.
func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

/// `a / b` rounded to 4 decimals, 0 when `b` is 0.
func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : round4(Double(a) / Double(b)) }
