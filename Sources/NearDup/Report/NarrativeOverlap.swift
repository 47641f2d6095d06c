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
    /// Distinct word bigrams of the candidate's narrative (not spanning a quotation or a sentence).
    var bigrams = 0
    /// Those found in the reference's body.
    var sharedBigrams = 0
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
    /// - Complexity: O(m) set lookups for a candidate of m words: each text's n-grams and stem
    ///   pairs were collected once, when it was analysed (``TextGrams``).
    init(_ ref: AnalyzedText, _ cand: AnalyzedText, tiles: [CommonRun]) {
        let r = ref.grams, c = cand.grams
        distinctStems = c.narrativeStems.count
        sharedDistinctStems = c.narrativeStems.count { ref.bodyStems.contains($0) }
        bigrams = c.narrativeBigrams.count
        sharedBigrams = c.narrativeBigrams.count { r.bodyBigrams.contains($0) }
        trigrams = c.narrativeTrigrams.count
        sharedTrigrams = c.narrativeTrigrams.count { r.bodyTrigrams.contains($0) }
        narrativeTokens = c.narrativeTokens
        for t in tiles {
            let kept = (t.candidate..<(t.candidate + t.length)).count { cand.inBody[$0] && !cand.quoted[$0] }
            tiledTokens += kept
            if t.length >= Self.longTile { longTiledTokens += kept }
        }
        stemPairs = c.narrativeStemPairs.count
        sharedStemPairs = c.narrativeStemPairs.count { r.bodyStemPairs.contains($0) }
    }
}

/// The n-grams and stem pairs ``NarrativeOverlap`` counts, of one text in both roles, collected
/// once when the text is analysed rather than once for every pair it is compared in. An n-gram
/// is its normalised words joined by U+0000, which no word holds (words are letters, marks and
/// digits), so two n-grams are equal exactly when their words are.
struct TextGrams: Sendable {
    /// Distinct stems of the narrative's content words (body, outside quotation marks).
    let narrativeStems: Set<String>
    /// Distinct word bigrams and trigrams of the body, within a sentence (the reference's side).
    let bodyBigrams: Set<String>
    let bodyTrigrams: Set<String>
    /// Distinct word bigrams and trigrams of the narrative, within a sentence (the candidate's).
    let narrativeBigrams: Set<String>
    let narrativeTrigrams: Set<String>
    /// Consecutive content stems within a sentence (stop words skipped), `"a b"`: of the body
    /// and of the narrative.
    let bodyStemPairs: Set<String>
    let narrativeStemPairs: Set<String>
    /// The narrative's words, stop words included.
    let narrativeTokens: Int

    /// - Complexity: O(n) in the text's words.
    init(words: [NormalizedWord], stems: [String?], inBody: [Bool], quoted: [Bool], sentenceOfWord: [Int]) {
        let body = { (i: Int) in inBody[i] }
        let narrative = { (i: Int) in inBody[i] && !quoted[i] }
        func grams(_ n: Int, keep: (Int) -> Bool) -> Set<String> {
            var out = Set<String>()
            guard words.count >= n else { return out }
            for i in 0...(words.count - n) where (i..<(i + n)).allSatisfy(keep) && sentenceOfWord[i] == sentenceOfWord[i + n - 1] {
                out.insert(words[i..<(i + n)].map(\.text).joined(separator: "\u{0}"))
            }
            return out
        }
        func consecutiveStems(keep: (Int) -> Bool) -> Set<String> {
            var out = Set<String>()
            var previous: Int? = nil
            for i in words.indices where keep(i) && stems[i] != nil {
                if let p = previous, sentenceOfWord[p] == sentenceOfWord[i] { out.insert(stems[p]! + " " + stems[i]!) }
                previous = i
            }
            return out
        }
        var narrativeStems = Set<String>()
        for i in words.indices where narrative(i) && stems[i] != nil { narrativeStems.insert(stems[i]!) }
        self.narrativeStems = narrativeStems
        bodyBigrams = grams(2, keep: body)
        bodyTrigrams = grams(3, keep: body)
        narrativeBigrams = grams(2, keep: narrative)
        narrativeTrigrams = grams(3, keep: narrative)
        bodyStemPairs = consecutiveStems(keep: body)
        narrativeStemPairs = consecutiveStems(keep: narrative)
        narrativeTokens = words.indices.count(where: narrative)
    }
}
