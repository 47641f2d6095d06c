import Foundation

/// A candidate sentence aligned to the reference sentence it was rewritten from.
struct SentencePair: Sendable, Hashable {
    let reference: Int
    let candidate: Int
    /// Weighted Dice overlap of the two sentences' narrative content stems, 0…1.
    let similarity: Double
    /// Number of distinct stems the two sentences share.
    let sharedStems: Int
}

/// Aligns the candidate's narrative sentences to the reference's, finding rewritten sentences
/// that share few exact word n-grams.
///
/// 1. Each sentence becomes the set of stems of its narrative content words (outside quotation
///    marks, stop words dropped, Porter-stemmed), so *“the council approved the budget on Monday
///    after a long debate”* and *“on Monday, after lengthy debate, council members passed the
///    budget”* share {council, budget, monday, debat}.
/// 2. Stems are weighted like inverse document frequency over the sentences of the two texts:
///    `w = ln((S + 1) / (sf + 0.5))` for a stem in `sf` of the `S` sentences. The names and
///    words of the event itself (*mayor*, *council*, *budget*) recur in many sentences of both
///    stories and weigh little; the specific wording of one sentence weighs much. The weights
///    depend only on the pair of texts, so a candidate's result does not change with the others.
/// 3. A pair's similarity is the weighted Dice coefficient `2·w(A∩B) / (w(A) + w(B))`, computed
///    for every pair sharing a stem through an inverted index of the reference.
/// 4. **Order-aware acceptance.** A pair sharing at least ``minimumSharedStems`` stems is accepted
///    when its similarity is at least ``alignedSimilarity`` (the same sentence, lightly edited),
///    or at least ``supportedSimilarity`` and supported by another candidate pair in the same
///    order nearby (the next or previous one or two candidate sentences matching the next or
///    previous one to four reference sentences). A rewrite follows its source sentence by
///    sentence; independent stories on the same event make the same point in scattered places,
///    not in runs. Local support, rather than one longest increasing chain, lets a rewrite move
///    whole blocks of the source and still be found.
/// 5. Each candidate sentence keeps its best accepted reference sentence.
struct SentenceAligner: Sendable {
    var minimumSharedStems = 3
    var alignedSimilarity = 0.5
    var supportedSimilarity = 0.3
    var candidateWindow = 2
    var referenceWindow = 4

    /// The accepted pairs, at most one per candidate sentence, in candidate order.
    ///
    /// - Complexity: O(S + P²ₗ) where S is the total size of the sentences' stem postings that
    ///   meet and Pₗ the number of pairs above ``supportedSimilarity`` (small: pairs are sparse).
    func align(_ reference: AnalyzedText, _ candidate: AnalyzedText) -> [SentencePair] {
        let r = stemSets(reference)
        let c = stemSets(candidate)
        var frequency: [String: Int] = [:]
        for set in r + c { for stem in set { frequency[stem, default: 0] += 1 } }
        let total = Double(r.count(where: { !$0.isEmpty }) + c.count(where: { !$0.isEmpty }))
        func weight(_ stem: String) -> Double { log((total + 1) / (Double(frequency[stem] ?? 0) + 0.5)) }

        let rWeight = r.map { $0.reduce(0) { $0 + weight($1) } }
        var postings: [String: [Int]] = [:]
        for (i, set) in r.enumerated() { for stem in set { postings[stem, default: []].append(i) } }

        var candidates: [SentencePair] = []
        for (j, set) in c.enumerated() where !set.isEmpty {
            let cWeight = set.reduce(0) { $0 + weight($1) }
            var shared: [Int: (weight: Double, count: Int)] = [:]
            for stem in set {
                let w = weight(stem)
                for i in postings[stem] ?? [] { shared[i, default: (0, 0)].weight += w; shared[i, default: (0, 0)].count += 1 }
            }
            for (i, s) in shared where s.count >= minimumSharedStems {
                let similarity = 2 * s.weight / (rWeight[i] + cWeight)
                if similarity >= supportedSimilarity {
                    candidates.append(SentencePair(reference: i, candidate: j, similarity: similarity, sharedStems: s.count))
                }
            }
        }

        var best: [Int: SentencePair] = [:]
        for p in candidates {
            let accepted =
                p.similarity >= alignedSimilarity
                || candidates.contains { q in
                    let dc = q.candidate - p.candidate, dr = q.reference - p.reference
                    return (1...candidateWindow).contains(abs(dc)) && (1...referenceWindow).contains(abs(dr))
                        && (dc > 0) == (dr > 0)
                }
            guard accepted else { continue }
            if let old = best[p.candidate], old.similarity >= p.similarity { continue }
            best[p.candidate] = p
        }
        return best.values.sorted { $0.candidate < $1.candidate }
    }

    /// For each sentence, the stems of its narrative content words.
    private func stemSets(_ text: AnalyzedText) -> [Set<String>] {
        text.sentenceWords.map { words in
            var set = Set<String>()
            for i in words where text.isNarrativeContent(i) { set.insert(text.stems[i]!) }
            return set
        }
    }
}
