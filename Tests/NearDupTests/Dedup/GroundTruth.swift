import NearDup

/// Exact near-duplicate pairs of a small corpus, by brute force over all pairs of shingle sets
/// (pairs whose set sizes alone rule out the threshold are skipped: J ≤ min/max).
enum GroundTruth {
    struct Pair: Hashable { let first: Int, second: Int }

    static func pairs(of texts: [String], configuration: MinHashConfiguration, threshold: Double) -> Set<Pair> {
        let sets = texts.map {
            ShingleSet(text: $0, shingling: configuration.shingling, seed: configuration.seed,
                       normalization: configuration.normalization)
        }
        var result = Set<Pair>()
        for i in sets.indices where !sets[i].isEmpty {
            for j in (i + 1)..<sets.count where !sets[j].isEmpty {
                let small = Double(min(sets[i].count, sets[j].count)), large = Double(max(sets[i].count, sets[j].count))
                guard small / large >= threshold else { continue }
                if sets[i].jaccard(sets[j]) >= threshold { result.insert(Pair(first: i, second: j)) }
            }
        }
        return result
    }

    /// Precision and recall of `found` against `truth` (1 when a side is empty).
    static func score(found: Set<Pair>, truth: Set<Pair>) -> (precision: Double, recall: Double) {
        let hits = Double(found.intersection(truth).count)
        return (found.isEmpty ? 1 : hits / Double(found.count), truth.isEmpty ? 1 : hits / Double(truth.count))
    }
}
