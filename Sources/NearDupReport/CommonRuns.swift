import NearDupCore

/// A run of identical consecutive words in the reference and the candidate.
struct CommonRun: Sendable, Hashable {
    /// Index of the run's first word in the reference.
    let reference: Int
    /// Index of the run's first word in the candidate.
    let candidate: Int
    let length: Int
}

/// Finds the maximal runs of identical normalised words the candidate shares with the reference,
/// greedily keeping the longest first so that each candidate word belongs to at most one run
/// (the tiling step of Wise's Greedy String Tiling, seeded by exact word trigrams).
///
/// - Complexity: O(n + m + h·L) for texts of n and m words, with h trigram hits of average
///   extension L, plus O(r log r) to sort the r runs.
func commonRuns(reference: [NormalizedWord], candidate: [NormalizedWord], minimumLength: Int = 3) -> [CommonRun] {
    precondition(minimumLength >= 1)
    var ids: [String: Int] = [:]
    let r = reference.map { word -> Int in
        if let id = ids[word.text] { return id }
        ids[word.text] = ids.count
        return ids.count - 1
    }
    let c = candidate.map { ids[$0.text] ?? -1 }
    let seed = min(3, minimumLength)
    guard r.count >= seed, c.count >= seed else { return [] }

    struct Key: Hashable { let a: Int, b: Int, c: Int }
    func key(_ x: [Int], _ i: Int) -> Key {
        Key(a: x[i], b: seed > 1 ? x[i + 1] : -2, c: seed > 2 ? x[i + 2] : -2)
    }
    var index: [Key: [Int]] = [:]
    for i in 0...(r.count - seed) { index[key(r, i), default: []].append(i) }

    var runs: [CommonRun] = []
    for j in 0...(c.count - seed) where c[j] >= 0 {
        guard let starts = index[key(c, j)] else { continue }
        for i in starts {
            // Only where a run starts: the previous words differ.
            if i > 0, j > 0, r[i - 1] == c[j - 1] { continue }
            var length = seed
            while i + length < r.count, j + length < c.count, r[i + length] == c[j + length] { length += 1 }
            if length >= minimumLength { runs.append(CommonRun(reference: i, candidate: j, length: length)) }
        }
    }
    return tiling(runs, candidateCount: c.count, minimumLength: minimumLength)
}

/// ``commonRuns(reference:candidate:minimumLength:)`` (seeded by trigrams, `minimumLength` at
/// least 3) from each text's trigrams, collected once when it was analysed
/// (``WordTrigrams``): the same runs, without building a vocabulary and an index per pair.
///
/// - Complexity: O(m + h·L) for a candidate of m words, with h trigram hits of average
///   extension L, plus O(r log r) to sort the r runs.
func commonRuns(reference: AnalyzedText, candidate: AnalyzedText, minimumLength: Int) -> [CommonRun] {
    guard minimumLength >= 3 else {
        return commonRuns(reference: reference.words, candidate: candidate.words, minimumLength: minimumLength)
    }
    let r = reference.wordIDs, c = candidate.wordIDs
    let index = reference.trigrams(asReference: true)
    var runs: [CommonRun] = []
    for (j, key) in candidate.trigrams(asReference: false).keys.enumerated() {
        guard let head = index.first[HashKey(key)] else { continue }
        var next = Int(head)
        while next >= 0 {
            let i = next
            next = Int(index.next[i])
            // Only where a run starts: the previous words differ.
            if i > 0, j > 0, r[i - 1] == c[j - 1] { continue }
            var length = 3
            while i + length < r.count, j + length < c.count, r[i + length] == c[j + length] { length += 1 }
            if length >= minimumLength { runs.append(CommonRun(reference: i, candidate: j, length: length)) }
        }
    }
    return tiling(runs, candidateCount: c.count, minimumLength: minimumLength)
}

/// The tiling step: the runs, longest first, each trimmed to its longest stretch of candidate
/// words no longer run took, kept when still `minimumLength` long; in candidate order.
private func tiling(_ runs: [CommonRun], candidateCount: Int, minimumLength: Int) -> [CommonRun] {
    var runs = runs
    runs.sort { ($0.length, -$0.candidate, -$0.reference) > ($1.length, -$1.candidate, -$1.reference) }
    var taken = [Bool](repeating: false, count: candidateCount)
    var kept: [CommonRun] = []
    for run in runs {
        // Trim the run to its longest stretch of untaken candidate words.
        var bestStart = 0, bestLength = 0, start = 0
        for k in 0...run.length {
            if k == run.length || taken[run.candidate + k] {
                if k - start > bestLength { bestStart = start; bestLength = k - start }
                start = k + 1
            }
        }
        guard bestLength >= minimumLength else { continue }
        let trimmed = CommonRun(reference: run.reference + bestStart, candidate: run.candidate + bestStart, length: bestLength)
        for k in 0..<trimmed.length { taken[trimmed.candidate + k] = true }
        kept.append(trimmed)
    }
    return kept.sorted { $0.candidate < $1.candidate }
}

/// A text's word trigrams, for ``commonRuns(reference:candidate:minimumLength:)``, each the
/// 64-bit hash of its three words' ids (``AnalyzedText/wordIDs``, hashed as a word shingle,
/// ``WordShingles/hash(of:seed:)``). A candidate keeps its trigrams by
/// position; a reference, where each starts: the first position in a table, the next ones
/// chained (no array per trigram).
struct WordTrigrams: Sendable {
    /// As a candidate: the trigram starting at each word (the last two words start none).
    let keys: [UInt64]
    /// As a reference: for each trigram, the first position where it starts.
    let first: [HashKey: Int32]
    /// As a reference: for each position, the next position where its trigram starts, or -1.
    let next: [Int32]

    /// - Complexity: O(n) in the text's words.
    init(_ words: [UInt64], asReference: Bool) {
        let keys: [UInt64] = words.count < 3 ? [] : (0...(words.count - 3)).map { i in
            WordShingles.hash(of: words[i..<(i + 3)], seed: TextGrams.seed)
        }
        guard asReference else {
            (self.keys, self.first, self.next) = (keys, [:], [])
            return
        }
        // Sized for every trigram at once (only looked up, never iterated).
        var first = [HashKey: Int32](minimumCapacity: keys.count)
        var last = [HashKey: Int32](minimumCapacity: keys.count)
        var next = [Int32](repeating: -1, count: keys.count)
        for (i, hash) in keys.enumerated() {
            let key = HashKey(hash)
            if let previous = last[key] { next[Int(previous)] = Int32(i) } else { first[key] = Int32(i) }
            last[key] = Int32(i)
        }
        (self.keys, self.first, self.next) = ([], first, next)
    }
}
