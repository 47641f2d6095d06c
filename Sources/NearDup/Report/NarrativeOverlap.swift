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
    ///   - ids: each normalised word of either text as an integer id (see ``WordIDs``).
    ///   - tiles: the shared runs (each candidate word in at most one).
    /// - Complexity: O(n + m) for texts of n and m words.
    init(_ ref: AnalyzedText, _ cand: AnalyzedText, ids: WordIDs, tiles: [CommonRun]) {
        var stems = Set<String>()
        for i in cand.words.indices where cand.isNarrativeContent(i) { stems.insert(cand.stems[i]!) }
        distinctStems = stems.count
        sharedDistinctStems = stems.count { ref.bodyStems.contains($0) }
        referenceDistinctStems = ref.bodyStems.count
        var allStems = Set<String>()
        for i in cand.words.indices where cand.inBody[i] { if let s = cand.stems[i] { allStems.insert(s) } }
        bodyDistinctStems = allStems.count
        sharedBodyDistinctStems = allStems.count { ref.bodyStems.contains($0) }

        func grams(_ n: Int, ids: [Int], keep: (Int) -> Bool, sentence: [Int]) -> Set<[Int]> {
            var out = Set<[Int]>()
            guard ids.count >= n else { return out }
            for i in 0...(ids.count - n) where (i..<(i + n)).allSatisfy(keep) && sentence[i] == sentence[i + n - 1] {
                out.insert(Array(ids[i..<(i + n)]))
            }
            return out
        }
        let refKeep = { (i: Int) in ref.inBody[i] }
        let candKeep = { (i: Int) in cand.inBody[i] && !cand.quoted[i] }
        for n in 2...3 {
            let r = grams(n, ids: ids.reference, keep: refKeep, sentence: ref.sentenceOfWord)
            let c = grams(n, ids: ids.candidate, keep: candKeep, sentence: cand.sentenceOfWord)
            let shared = c.count { r.contains($0) }
            if n == 2 {
                (bigrams, sharedBigrams, referenceBigrams) = (c.count, shared, r.count)
                let body = grams(n, ids: ids.candidate, keep: { cand.inBody[$0] }, sentence: cand.sentenceOfWord)
                (bodyBigrams, sharedBodyBigrams) = (body.count, body.count { r.contains($0) })
            } else { (trigrams, sharedTrigrams) = (c.count, shared) }
        }
        narrativeTokens = cand.words.indices.count(where: candKeep)
        for t in tiles {
            let kept = (t.candidate..<(t.candidate + t.length)).count(where: candKeep)
            tiledTokens += kept
            if t.length >= Self.longTile { longTiledTokens += kept }
        }
        func consecutiveStems(_ t: AnalyzedText, keep: (Int) -> Bool) -> Set<String> {
            var out = Set<String>()
            var previous: Int? = nil
            for i in t.words.indices where keep(i) && t.stems[i] != nil {
                if let p = previous, t.sentenceOfWord[p] == t.sentenceOfWord[i] { out.insert(t.stems[p]! + " " + t.stems[i]!) }
                previous = i
            }
            return out
        }
        let refPairs = consecutiveStems(ref, keep: refKeep)
        let candPairs = consecutiveStems(cand, keep: candKeep)
        stemPairs = candPairs.count
        sharedStemPairs = candPairs.count { refPairs.contains($0) }
    }
}

/// The normalised words of a reference and a candidate as integer ids (one id per distinct
/// word of the reference; candidate words the reference lacks get ids of their own), so that
/// n-grams and runs compare integers, not strings.
struct WordIDs {
    /// The reference's words as ids.
    let reference: [Int]
    /// The candidate's words as ids.
    let candidate: [Int]

    /// - Complexity: O(n + m) hash lookups.
    init(reference: [NormalizedWord], candidate: [NormalizedWord]) {
        var table: [String: Int] = [:]
        func id(_ w: NormalizedWord) -> Int {
            if let known = table[w.text] { return known }
            table[w.text] = table.count
            return table.count - 1
        }
        self.reference = reference.map(id)
        self.candidate = candidate.map(id)
    }
}
