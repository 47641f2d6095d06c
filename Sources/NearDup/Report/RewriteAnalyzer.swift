/// Decides which candidate stories were rewritten from a reference story, how much of each, and
/// shows the evidence: the library form of `neardup report`.
///
/// ```swift
/// let analyzer = RewriteAnalyzer()
/// let report = analyzer.analyze(reference: agencyCopy, candidates: [storyA, storyB])
/// for candidate in report.candidates {
///     print(candidate.rank, candidate.id, candidate.verdict, candidate.score)
/// }
/// ```
///
/// For each candidate:
/// 1. Quotations (``QuotationFinder``) and sentences (``SentenceSplitter``) are found in both texts.
/// 2. Shared quoted speech is found and reported as ``PassageKind/quotation`` evidence, but is left
///    out of the score: stories quoting one interview share it whatever their relation.
/// 3. Narrative sentences are aligned on stemmed content words with order-aware acceptance
///    (see ``Configuration``), and runs of at least five identical narrative words are found.
///    An aligned sentence is a ``PassageKind/verbatim`` copy when long verbatim runs cover at least
///    half of its content words, a ``PassageKind/paraphrase`` otherwise.
/// 4. The score is the share of the candidate's narrative content words that are derived, and the
///    ``VerdictRule`` turns it into a ``Verdict``.
///
/// The exact Jaccard similarity and both containments of the word-shingle sets are reported too,
/// for comparison with plain near-duplicate detection.
///
/// An analyzer is a value; `analyze` is thread-safe.
public struct RewriteAnalyzer: Sendable {
    /// The parameters and verdict rule every analysis by this analyzer uses.
    public var configuration: Configuration

    /// Makes an analyzer; the default configuration is the one `neardup report` uses.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Analyses each candidate against the reference and ranks them, most derived first.
    ///
    /// - Parameters:
    ///   - skipped: inputs the caller could not read, carried into the report.
    /// - Complexity: per candidate, linear in the two texts' lengths plus the sentence-pair work
    ///   of ``Configuration``'s alignment (sparse, through an inverted index); O(d²·s) more for
    ///   the similarity matrix of d documents with s shingles each.
    public func analyze(reference: ReportDocument, candidates: [ReportDocument], skipped: [SkippedInput] = []) -> SyndicationReport {
        let ref = prepare(reference)
        let analysed = candidates.map { prepare($0) }
        var results = analysed.map { compare(ref, $0) }
        let order = results.indices.sorted { a, b in
            let x = results[a], y = results[b]
            if x.score != y.score { return x.score > y.score }
            if x.containment.candidateFromReference != y.containment.candidateFromReference {
                return x.containment.candidateFromReference > y.containment.candidateFromReference
            }
            return x.id < y.id
        }
        results = order.enumerated().map { rank, index in
            var r = results[index]
            r.rank = rank + 1
            return r
        }
        let documents = [ref] + order.map { analysed[$0] }
        func matrix(_ shingles: (AnalyzedText) -> ShingleSet) -> [[Double]] {
            documents.map { a in documents.map { b in a.document.id == b.document.id && a.document.path == b.document.path ? 1 : round4(shingles(a).jaccard(shingles(b))) } }
        }
        return SyndicationReport(
            reference: DocumentSummary(
                id: reference.id, path: reference.path, encoding: reference.encoding, warnings: reference.warnings,
                sentences: ref.sentences.count, quotations: ref.quotations.count, words: ref.words.count),
            candidates: results,
            skipped: skipped,
            similarity: SimilarityMatrix(
                ids: documents.map(\.document.id), jaccard: matrix(\.shingles), narrativeJaccard: matrix(\.narrativeShingles)),
            method: configuration.method)
    }

    /// Analyses one candidate against the reference. Its `rank` is 1.
    public func compare(reference: ReportDocument, candidate: ReportDocument) -> CandidateReport {
        compare(prepare(reference), prepare(candidate))
    }

    func prepare(_ document: ReportDocument) -> AnalyzedText {
        AnalyzedText(
            document, tokenizer: Tokenizer(seed: configuration.seed, normalization: configuration.normalization),
            shingling: configuration.shingling)
    }

    func compare(_ ref: AnalyzedText, _ cand: AnalyzedText) -> CandidateReport {
        let config = configuration
        let pairs = config.aligner.align(ref, cand)
        var pairOfSentence: [Int: SentencePair] = [:]
        for p in pairs { pairOfSentence[p.candidate] = p }

        // Shared word runs, split where quotedness or the sentence changes: quoted stretches are
        // quotation evidence, unquoted ones verbatim narrative.
        struct Segment { var kind: PassageKind; var reference: Int; var candidate: Int; var length: Int }
        var segments: [Segment] = []
        for run in commonRuns(reference: ref.words, candidate: cand.words, minimumLength: config.quotationMinimumWords) {
            var start = 0
            func isQuoted(_ k: Int) -> Bool { cand.quoted[run.candidate + k] || ref.quoted[run.reference + k] }
            func breaks(_ k: Int) -> Bool {
                isQuoted(k) != isQuoted(k - 1)
                    || cand.sentenceOfWord[run.candidate + k] != cand.sentenceOfWord[run.candidate + k - 1]
                    || ref.sentenceOfWord[run.reference + k] != ref.sentenceOfWord[run.reference + k - 1]
            }
            for k in 1...run.length where k == run.length || breaks(k) {
                segments.append(
                    Segment(
                        kind: isQuoted(start) ? .quotation : .verbatim, reference: run.reference + start,
                        candidate: run.candidate + start, length: k - start))
                start = k
            }
        }
        var verbatim: [Segment] = []
        var quotations: [Segment] = []
        for s in segments {
            if s.kind == .quotation, s.length >= config.quotationMinimumWords { quotations.append(s) }
            guard s.kind == .verbatim, s.length >= config.verbatimMinimumWords else { continue }
            let inAligned = (s.candidate..<(s.candidate + s.length)).contains { pairOfSentence[cand.sentenceOfWord[$0]] != nil }
            if inAligned || s.length >= config.standaloneVerbatimWords { verbatim.append(s) }
        }

        // Derived narrative content words: those in aligned sentences and in counted verbatim runs.
        var derived = [Bool](repeating: false, count: cand.words.count)
        var copied = [Bool](repeating: false, count: cand.words.count)
        for p in pairs { for i in cand.sentenceWords[p.candidate] where cand.isNarrativeContent(i) { derived[i] = true } }
        for s in verbatim {
            for i in s.candidate..<(s.candidate + s.length) where cand.isNarrativeContent(i) { derived[i] = true; copied[i] = true }
        }

        var evidence = EvidenceSummary()
        var passages: [Passage] = []
        for (j, words) in cand.sentenceWords.enumerated() {
            let content = words.filter { cand.isNarrativeContent($0) }
            guard !content.isEmpty else { continue }
            evidence.narrativeSentences += 1
            evidence.narrativeWords += content.count
            let derivedCount = content.count { derived[$0] }
            evidence.derivedWords += derivedCount
            guard derivedCount > 0 else { continue }
            evidence.derivedSentences += 1
            let copiedCount = content.count { copied[$0] }
            if 2 * copiedCount >= content.count {
                evidence.verbatimSentences += 1
            } else if let p = pairOfSentence[j] {
                evidence.paraphrasedSentences += 1
                let refRange = ref.sentences[p.reference], candRange = cand.sentences[j]
                passages.append(
                    Passage(
                        kind: .paraphrase, reference: TextSpan(refRange), candidate: TextSpan(candRange),
                        text: cand.text(candRange), referenceText: ref.text(refRange), words: words.count,
                        similarity: round4(p.similarity)))
            } else {
                evidence.verbatimSentences += 1
            }
        }
        for s in verbatim + quotations {
            let refRange = ref.words[s.reference].range.lowerBound..<ref.words[s.reference + s.length - 1].range.upperBound
            let candRange = cand.words[s.candidate].range.lowerBound..<cand.words[s.candidate + s.length - 1].range.upperBound
            passages.append(
                Passage(
                    kind: s.kind, reference: TextSpan(refRange), candidate: TextSpan(candRange), text: cand.text(candRange),
                    referenceText: ref.text(refRange), words: s.length, similarity: 1))
        }
        passages.sort { ($0.candidate.start, $0.candidate.end) < ($1.candidate.start, $1.candidate.end) }
        evidence.sharedQuotations = quotations.count
        evidence.sharedQuotationWords = quotations.reduce(0) { $0 + $1.length }
        evidence.quotedShare = cand.words.isEmpty ? 0 : round4(Double(cand.quoted.count { $0 }) / Double(cand.words.count))

        let score = evidence.narrativeWords == 0 ? 0 : round4(Double(evidence.derivedWords) / Double(evidence.narrativeWords))
        let verdict = config.rule.verdict(
            score: score, derivedSentences: evidence.derivedSentences, narrativeSentences: evidence.narrativeSentences)
        let shared = ref.shingles.intersectionCount(cand.shingles)
        return CandidateReport(
            id: cand.document.id, path: cand.document.path, rank: 1, verdict: verdict, score: score,
            jaccard: round4(ref.shingles.jaccard(cand.shingles)),
            containment: Containment(
                referenceInCandidate: ref.shingles.isEmpty ? 0 : round4(Double(shared) / Double(ref.shingles.count)),
                candidateFromReference: cand.shingles.isEmpty ? 0 : round4(Double(shared) / Double(cand.shingles.count))),
            narrativeJaccard: round4(ref.narrativeShingles.jaccard(cand.narrativeShingles)),
            passages: passages, evidence: evidence,
            explanation: VerdictExplanation.explain(verdict: verdict, score: score, evidence: evidence, rule: config.rule),
            encoding: cand.document.encoding, warnings: cand.document.warnings)
    }
}

/// Rounds to 4 decimals, so reports are stable and readable.
func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
