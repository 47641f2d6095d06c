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

    runs.sort { ($0.length, -$0.candidate, -$0.reference) > ($1.length, -$1.candidate, -$1.reference) }
    var taken = [Bool](repeating: false, count: c.count)
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
