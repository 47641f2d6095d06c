import NearDupCore

/// How much of a candidate's narrative (its body words outside its own quotation marks) the
/// reference's body contains, counted four ways that need no alignment: distinct content stems,
/// distinct word bigrams and trigrams, and words covered by tiles (``commonRuns(reference:candidate:minimumLength:)``
/// of at least three words). The verdict model reads them as shares, so that they mean the same on
/// a three-sentence brief and on an eighty-sentence wire story.
struct NarrativeOverlap {
    /// Distinct stems of the candidate's narrative content words.
    var distinctStems = 0
    /// Those the reference's body uses (quoted or not).
    var sharedDistinctStems = 0
    /// Distinct content stems of the reference's body (quoted or not).
    var referenceDistinctStems = 0
    /// Distinct content stems of the candidate's whole body, its quotations included.
    var bodyDistinctStems = 0
    /// Those the reference's body uses.
    var sharedBodyDistinctStems = 0
    /// Distinct word bigrams of the candidate's narrative (not spanning a quotation or a sentence).
    var bigrams = 0
    /// Those found in the reference's body.
    var sharedBigrams = 0
    /// Distinct word bigrams of the reference's body (within a sentence, quoted or not).
    var referenceBigrams = 0
    /// Distinct word bigrams of the candidate's whole body (within a sentence), its quotations
    /// included: a story that lifts the quotations its source chose shares them.
    var bodyBigrams = 0
    /// Those found in the reference's body.
    var sharedBodyBigrams = 0
    /// Distinct word trigrams of the candidate's narrative.
    var trigrams = 0
    /// Those found in the reference's body.
    var sharedTrigrams = 0
    /// The candidate's narrative words (stop words included).
    var narrativeTokens = 0
    /// Those inside a shared run of at least three words (a Greedy String Tiling tile).
    var tiledTokens = 0
    /// Those inside a shared run of at least ``longTile`` words.
    var longTiledTokens = 0
    /// Distinct pairs of consecutive content stems of the candidate's narrative (stop words
    /// skipped, within a sentence): word order that survives rewording.
    var stemPairs = 0
    /// Those found as consecutive content stems of a reference body sentence.
    var sharedStemPairs = 0

    /// The shortest tile counted in ``longTiledTokens``: longer than stock phrases.
    static let longTile = 6

    /// Counts the overlap of one candidate with the reference.
    ///
    /// - Parameters:
    ///   - ref: the reference.
    ///   - cand: the candidate.
    ///   - tiles: the shared runs (each candidate word in at most one).
    /// - Complexity: O(n + m) for texts of n and m words.
    init(_ ref: AnalyzedText, _ cand: AnalyzedText, tiles: [CommonRun]) {
        let r = ref.grams(as: .reference), c = cand.grams(as: .candidate)
        distinctStems = c.narrativeStems.count
        sharedDistinctStems = c.narrativeStems.count { ref.bodyStems.contains($0) }
        referenceDistinctStems = ref.bodyStems.count
        bodyDistinctStems = cand.bodyStems.count
        sharedBodyDistinctStems = cand.bodyStems.count { ref.bodyStems.contains($0) }
        bigrams = c.bigrams.count
        sharedBigrams = c.bigrams.count { r.bigrams.contains($0) }
        referenceBigrams = r.bigrams.count
        bodyBigrams = c.bodyBigrams.count
        sharedBodyBigrams = c.bodyBigrams.count { r.bigrams.contains($0) }
        trigrams = c.trigrams.count
        sharedTrigrams = c.trigrams.count { r.trigrams.contains($0) }
        narrativeTokens = c.narrativeTokens
        for t in tiles {
            let kept = (t.candidate..<(t.candidate + t.length)).count { cand.inBody[$0] && !cand.quoted[$0] }
            tiledTokens += kept
            if t.length >= Self.longTile { longTiledTokens += kept }
        }
        stemPairs = c.stemPairs.count
        sharedStemPairs = c.stemPairs.count { r.stemPairs.contains($0) }
    }
}

/// The n-grams and stem pairs ``NarrativeOverlap`` counts of one text, in the role it plays:
/// a reference's body, a candidate's narrative. An n-gram is the 64-bit hash of its words' ids
/// (``AnalyzedText/wordIDs``) as a word shingle hashes them (``WordShingles/hash(of:seed:)``), a
/// stem pair the same hash of its two ``StemID``s: the sets hold integers, and two distinct
/// n-grams share an id with probability at most 2⁻⁵⁷ (the shingle hash's bound).
struct TextGrams {
    /// Which words are read: the reference's body (quotations included), or the candidate's
    /// narrative (its body outside quotation marks).
    enum Role { case reference, candidate }

    /// The seed of the n-grams' and stem pairs' hashes (any fixed value: they are never stored).
    static let seed: UInt64 = 0x4752_414D  // "GRAM"

    /// Distinct stems of the narrative's content words (candidate only).
    var narrativeStems = Set<StemID>()
    /// Distinct word bigrams and trigrams of the words read, within a sentence.
    var bigrams = Set<HashKey>()
    /// Distinct word bigrams of the candidate's whole body, its quotations included, within a
    /// sentence (candidate only).
    var bodyBigrams = Set<HashKey>()
    var trigrams = Set<HashKey>()
    /// Consecutive content stems of the words read, within a sentence (stop words skipped).
    var stemPairs = Set<HashKey>()
    /// The narrative's words, stop words included (candidate only).
    var narrativeTokens = 0

    /// - Complexity: O(n) in the text's words.
    init(_ text: AnalyzedText, as role: Role) {
        let ids = text.wordIDs, stems = text.stems, sentenceOfWord = text.sentenceOfWord
        let keep = role == .reference ? { (i: Int) in text.inBody[i] } : { (i: Int) in text.inBody[i] && !text.quoted[i] }
        // Sets sized for every word at once (only their counts are read, never their order).
        func grams(_ n: Int, keep: (Int) -> Bool = keep) -> Set<HashKey> {
            guard ids.count >= n else { return [] }
            var out = Set<HashKey>(minimumCapacity: ids.count - n + 1)
            for i in 0...(ids.count - n) where (i..<(i + n)).allSatisfy(keep) && sentenceOfWord[i] == sentenceOfWord[i + n - 1] {
                out.insert(HashKey(WordShingles.hash(of: ids[i..<(i + n)], seed: Self.seed)))
            }
            return out
        }
        bigrams = grams(2)
        trigrams = grams(3)
        stemPairs.reserveCapacity(ids.count)
        var previous: Int? = nil
        for i in ids.indices where keep(i) && stems[i] != nil {
            if let p = previous, sentenceOfWord[p] == sentenceOfWord[i] {
                stemPairs.insert(HashKey(WordShingles.hash(stems[p]!.value, stems[i]!.value, seed: Self.seed)))
            }
            previous = i
        }
        if role == .candidate {
            bodyBigrams = grams(2) { text.inBody[$0] }
            narrativeStems.reserveCapacity(ids.count)
            for i in ids.indices where text.isNarrativeContent(i) { narrativeStems.insert(stems[i]!) }
            narrativeTokens = ids.indices.count(where: keep)
        }
    }
}
