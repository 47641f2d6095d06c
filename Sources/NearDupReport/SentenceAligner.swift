import NearDupCore
import Foundation

/// A candidate sentence aligned to the reference sentence (or the two neighbouring sentences) it
/// was rewritten from.
struct SentencePair: Sendable, Hashable {
    /// The best-matching reference sentence.
    let reference: Int
    /// Further reference sentences condensed into the same candidate sentence (at most two).
    let mergedReferences: [Int]
    let candidate: Int
    /// Share (0…1) of the candidate sentence's weighted content stems found in the aligned
    /// reference sentences.
    let similarity: Double

    /// The reference sentences this candidate sentence retells.
    var references: [Int] { [reference] + mergedReferences }
}

/// Aligns the candidate's narrative sentences to the reference's, finding rewritten sentences
/// that share few exact word n-grams.
///
/// 1. Each sentence becomes the set of Snowball stems of its narrative content words (body text
///    outside quotation marks, stop words dropped; a candidate sentence that is at least half
///    quotation is left out: its narrative is the quotation's attribution), so *“the council approved the budget on Monday
///    after a long debate”* and *“on Monday, after lengthy debate, council members passed the
///    budget”* share {council, budget, monday, debat}.
/// 2. Stems are weighted like inverse document frequency over the sentences of the two texts:
///    `w = ln((S + 1) / (sf + 0.5))` for a stem in `sf` of the `S` sentences. The names and
///    words of the event itself recur in many sentences of both stories and weigh little; the
///    specific wording of one sentence weighs much. The weights depend only on the pair of texts,
///    so a candidate's result does not change with the others.
/// 3. For each candidate sentence (through an inverted index of the reference), the reference
///    sentence sharing the most stem weight is its source; up to two more reference sentences
///    within ``mergeWindow`` of it join when each adds at least two stems not yet covered and
///    ``mergeGain`` of the candidate sentence's weight: a rewrite condenses two or three source
///    sentences into one. (A source sentence split in two aligns both halves to it.)
/// 4. The pair's similarity is **containment**: the share of the candidate sentence's stem
///    weight found in its source sentences. It asks "is this sentence taken from there?", so a
///    clause condensed from a long source sentence still counts, where a symmetric measure
///    (Dice) would be diluted by what the rewrite left out.
/// 5. **Order-aware acceptance.** A pair sharing at least ``minimumSharedStems`` stems is
///    accepted when its similarity is at least ``alignedSimilarity``, or at least
///    ``supportedSimilarity`` and supported by another pair in the same order nearby (the next
///    or previous one or two candidate sentences matching the same source sentence, split in two,
///    or the next or previous one to four reference sentences). A rewrite follows its source sentence by sentence; independent
///    stories on the same event make the same point in scattered places, not in runs.
///
/// The three acceptance thresholds have no defaults here: their values are those of
/// ``RewriteAnalyzer/Configuration`` (documented there), which makes the aligner, so that the
/// two cannot disagree.
struct SentenceAligner: Sendable {
    var minimumSharedStems: Int
    var alignedSimilarity: Double
    var supportedSimilarity: Double
    var candidateWindow = 2
    var referenceWindow = 4
    var mergeWindow = 3
    var maximumMerged = 3
    var mergeGain = 0.25

    /// A weight in fixed point: units of 2⁻³² (a sentence's weight, at most a few hundred, stays far
    /// inside Int64).
    static func fixedPoint(_ weight: Double) -> Int64 { Int64((weight * 4_294_967_296).rounded()) }

    /// The weight, in fixed point, of a stem held by f of the two texts' `total` sentences, for f
    /// in `0...total + 1`: `ln((total + 1) / (f + 0.5))`.
    ///
    /// Every pair an archive judges needs one table; those of up to ``tabledSentences`` sentences
    /// are made once, on first use (the same values).
    static func weights(sentences total: Int) -> [Int64] {
        total <= tabledSentences ? weightTables[total] : computedWeights(sentences: total)
    }

    /// The most sentences (of the two texts) whose weights are kept made.
    static let tabledSentences = 512

    /// ``weights(sentences:)`` for every total up to ``tabledSentences`` (some 1 MB, made in a
    /// few milliseconds).
    private static let weightTables = (0...tabledSentences).map { computedWeights(sentences: $0) }

    private static func computedWeights(sentences total: Int) -> [Int64] {
        (0...(total + 1)).map { f in fixedPoint(log(Double(total + 1) / (Double(f) + 0.5))) }
    }

    /// The accepted pairs, at most one per candidate sentence, in candidate order.
    ///
    /// - Complexity: O(S + P²ₗ) where S is the total size of the sentences' stem postings that
    ///   meet and Pₗ the number of pairs above ``supportedSimilarity`` (small: pairs are sparse).
    func align(_ reference: AnalyzedText, _ candidate: AnalyzedText) -> [SentencePair] {
        // Each text's sentence stems were read once, when the text was analysed
        // (``SentenceStems``); only the weights depend on the pair.
        let stems = reference.sentenceStems(asReference: true), cStems = candidate.sentenceStems(asReference: false)
        let rCount = stems.asReferenceSorted.count
        let index = stems.referenceIndex
        let cFrequency = cStems.candidateFrequency
        let total = stems.referenceSentences + cStems.candidateSentences
        // A stem's weight, from the number of the two texts' sentences holding it, in fixed point
        // (units of 2⁻³²): sums of integers are exact in any order, so what a sentence shares does
        // not depend on the order in which its stems are met (a set's, or their ids'), and a share
        // of equal weights (2 of 4) is exactly what it is, never a rounding below a threshold.
        let weights = Self.weights(sentences: total)
        func weight(frequency: Int) -> Int64 { weights[min(frequency, total + 1)] }
        func weight(_ stem: StemID) -> Int64 { weight(frequency: Int(index[stem]?.frequency ?? 0) + (cFrequency[stem] ?? 0)) }
        func weight(of stems: some Sequence<StemID>) -> Int64 { stems.reduce(0) { $0 + weight($1) } }

        // A reference sentence's weight, summed when first needed (most are never reached).
        var rWeights = [Int64?](repeating: nil, count: rCount)
        func rWeight(_ i: Int) -> Int64 {
            if let known = rWeights[i] { return known }
            var sum: Int64 = 0
            for (k, stem) in stems.asReferenceSorted[i].enumerated() {
                sum += weight(frequency: stems.asReferenceSortedFrequency[i][k] + (cFrequency[stem] ?? 0))
            }
            rWeights[i] = sum
            return sum
        }
        // A reference sentence is reached through its stems and its words' synonyms' stems: the
        // candidate sentence's stems that reach sentence i.
        func reaching(_ i: Int, from sentence: [StemID]) -> [StemID] { sentence.filter { stems.reaches($0, i) } }

        var shared = [Int64](repeating: 0, count: rCount)
        var isReached = [Bool](repeating: false, count: rCount)
        var reached: [Int] = []
        var candidates: [SentencePair] = []
        for (j, sentence) in cStems.asCandidateSorted.enumerated() where !sentence.isEmpty {
            // One look-up a stem: its reference frequency and the sentences it reaches.
            // The shared weight of each reference sentence reached, summed in the stems' order.
            var cWeight: Int64 = 0
            for i in reached { shared[i] = 0 }
            reached.removeAll(keepingCapacity: true)
            for (k, stem) in sentence.enumerated() {
                let found = index[stem]
                let w = weight(frequency: Int(found?.frequency ?? 0) + cStems.asCandidateSortedFrequency[j][k])
                cWeight += w
                guard let found else { continue }
                for slot in Int(found.start)..<Int(found.start + found.count) {
                    let i = Int(stems.reachedSentences[slot])
                    if !isReached[i] {
                        isReached[i] = true
                        reached.append(i)
                    }
                    shared[i] += w
                }
            }
            for i in reached { isReached[i] = false }
            // The best reference sentence by shared weight (Dice, then the earlier sentence,
            // breaks ties), then up to `maximumMerged - 1` more near it, each adding at least two
            // stems not yet covered.
            func dice(_ i: Int) -> Double { Double(2 * shared[i]) / Double(rWeight(i) + cWeight) }
            guard let first = reached.max(by: { a, b in
                (shared[a], dice(a), -a) < (shared[b], dice(b), -b)
            }) else { continue }
            var chosen = [first]
            var covered = Set(reaching(first, from: sentence))
            while chosen.count < maximumMerged {
                var best: (index: Int, gain: Int64, stems: [StemID])?
                for i in max(0, first - mergeWindow)...min(rCount - 1, first + mergeWindow) where !chosen.contains(i) {
                    let extra = reaching(i, from: sentence).filter { !covered.contains($0) }
                    guard extra.count >= 2 else { continue }
                    let gain = weight(of: extra)
                    if gain > best?.gain ?? 0 { best = (i, gain, extra) }
                }
                guard let best, Double(best.gain) >= mergeGain * Double(cWeight) else { break }
                chosen.append(best.index)
                covered.formUnion(best.stems)
            }
            guard covered.count >= minimumSharedStems else { continue }
            let containment = Double(weight(of: covered)) / Double(cWeight)
            if containment >= supportedSimilarity {
                candidates.append(
                    SentencePair(
                        reference: first, mergedReferences: Array(chosen.dropFirst()), candidate: j, similarity: containment))
            }
        }

        return candidates.filter { p in
            p.similarity >= alignedSimilarity
                || candidates.contains { q in
                    let dc = q.candidate - p.candidate, dr = q.reference - p.reference
                    // The next or previous sentences retell the next or previous source sentences,
                    // or the same one (a source sentence split in two).
                    return (1...candidateWindow).contains(abs(dc)) && (0...referenceWindow).contains(abs(dr)) && (dr == 0 || (dc > 0) == (dr > 0))
                }
        }
    }
}

/// The stems ``SentenceAligner`` reads of one text's sentences, in both roles, read once when
/// the text is analysed instead of once for every pair it is compared in (a source in an archive
/// is compared with many stories).
struct SentenceStems: Sendable {
    /// What the reference side knows of a stem.
    struct ReferenceStem: Sendable {
        /// The number of sentences of ``asReferenceSorted`` holding it.
        var frequency: Int32 = 0
        /// Where its sentences start in ``SentenceStems/reachedSentences``.
        var start: Int32 = 0
        /// How many sentences it reaches (holds, or holds a word of which it is a synonym's stem).
        var count: Int32 = 0
    }

    /// As a reference: each sentence's body content stems, quotations included, sorted (a fixed
    /// order of visit; the weights' sums are exact in any order).
    let asReferenceSorted: [[StemID]]
    /// For each stem of ``asReferenceSorted``, the number of reference sentences holding it.
    let asReferenceSortedFrequency: [[Int]]
    /// Each stem that reaches a reference sentence (the sentence's own stems, and its words'
    /// synonyms' stems): its reference frequency and where the sentences it reaches are.
    let referenceIndex: [StemID: ReferenceStem]
    /// The sentences each stem of ``referenceIndex`` reaches, ascending, stem after stem.
    let reachedSentences: [Int32]

    /// Whether `stem` reaches reference sentence `sentence` (is one of its stems or of its
    /// words' synonyms' stems).
    func reaches(_ stem: StemID, _ sentence: Int) -> Bool {
        guard let entry = referenceIndex[stem] else { return false }
        let target = Int32(sentence)
        var low = Int(entry.start), high = Int(entry.start + entry.count)
        while low < high {
            let mid = (low + high) / 2
            if reachedSentences[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < Int(entry.start + entry.count) && reachedSentences[low] == target
    }
    /// As a candidate: each sentence's narrative content stems; none for a sentence with at
    /// least as many quoted words as unquoted ones: its narrative is the attribution of a
    /// quotation (*“…,” Peskov added in the interview with Sky News*), shared by any story
    /// quoting the same person.
    /// Sorted, each stem once.
    let asCandidateSorted: [[StemID]]
    /// For each stem of ``asCandidateSorted``, the number of candidate sentences holding it.
    let asCandidateSortedFrequency: [[Int]]
    /// For each stem, the number of sentences of ``asCandidateSorted`` holding it.
    let candidateFrequency: [StemID: Int]
    /// The sentences of ``asReferenceSorted`` with at least one stem.
    let referenceSentences: Int
    /// The sentences of ``asCandidateSorted`` with at least one stem.
    let candidateSentences: Int

    /// Reads one side: a text is read as a reference or as a candidate; the other side's
    /// members are empty.
    ///
    /// - Complexity: O(n) in the text's words, plus sorting each sentence's stems.
    init(
        sentenceWords: [Range<Int>], stems: [StemID?], inBody: [Bool], quoted: [Bool], wordSynonymStems: [Set<StemID>], asReference: Bool
    ) {
        func isNarrativeContent(_ i: Int) -> Bool { inBody[i] && !quoted[i] && stems[i] != nil }
        let readsReference = asReference
        let asReference = !readsReference ? [] : sentenceWords.map { words -> Set<StemID> in
            var set = Set<StemID>()
            for i in words where inBody[i] && stems[i] != nil { set.insert(stems[i]!) }
            return set
        }
        // A sentence's few stems: sorted and each kept once, without a set.
        let asCandidateSorted = readsReference ? [] : sentenceWords.map { words -> [StemID] in
            let quotedWords = words.count { quoted[$0] }
            if quotedWords > 0, 2 * quotedWords >= words.count { return [] }
            var list: [StemID] = []
            for i in words where isNarrativeContent(i) { list.append(stems[i]!) }
            list.sortAndRemoveRepeats()
            return list
        }
        let asReferenceSorted = asReference.map { $0.sorted() }
        self.asReferenceSorted = asReferenceSorted
        self.asCandidateSorted = asCandidateSorted
        // A sentence's stems and its words' synonyms' stems (a reference's synonyms only): what
        // reaches it. Kept as the index below only.
        let expanded = asReference.indices.map { s in
            sentenceWords[s].reduce(into: asReference[s]) { $0.formUnion(wordSynonymStems[$1]) }
        }
        // Sized for the sentences' own stems at once (synonyms may grow it); its order only lays
        // out `reached`, read per stem.
        var index = [StemID: ReferenceStem](minimumCapacity: asReference.reduce(0) { $0 + $1.count })
        for set in asReference { for stem in set { index[stem, default: ReferenceStem()].frequency += 1 } }
        for set in expanded { for stem in set { index[stem, default: ReferenceStem()].count += 1 } }
        var next: Int32 = 0
        for slot in index.values.indices {
            index.values[slot].start = next
            next += index.values[slot].count
        }
        // Each stem's sentences, ascending: `start` serves as the stem's cursor, then is moved
        // back by its count.
        var reached = [Int32](repeating: 0, count: Int(next))
        for (i, set) in expanded.enumerated() {
            for stem in set {
                index[stem]!.start += 1
                reached[Int(index[stem]!.start) - 1] = Int32(i)
            }
        }
        for slot in index.values.indices { index.values[slot].start -= index.values[slot].count }
        self.referenceIndex = index
        self.reachedSentences = reached
        var candidateFrequency = [StemID: Int](minimumCapacity: asCandidateSorted.reduce(0) { $0 + $1.count })
        for sentence in asCandidateSorted { for stem in sentence { candidateFrequency[stem, default: 0] += 1 } }
        self.candidateFrequency = candidateFrequency
        asReferenceSortedFrequency = asReferenceSorted.map { $0.map { Int(index[$0]!.frequency) } }
        asCandidateSortedFrequency = asCandidateSorted.map { $0.map { candidateFrequency[$0]! } }
        referenceSentences = asReference.count { !$0.isEmpty }
        candidateSentences = asCandidateSorted.count { !$0.isEmpty }
    }
}
