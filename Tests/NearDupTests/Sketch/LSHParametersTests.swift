import NearDup
@testable import NearDupCore
import Testing

@Suite("LSH parameters")
struct LSHParametersTests {
    @Test("the default banding reaches the minimum recall right at the threshold", arguments: [0.5, 0.7, 0.8, 0.9])
    func recallAtThreshold(threshold: Double) {
        let lsh = LSHParameters(threshold: threshold, permutations: 128)
        #expect(lsh.usedPermutations <= 128)
        #expect(lsh.candidateProbability(atSimilarity: threshold) >= 0.995)
    }

    @Test("without the recall condition the choice is datasketch's (9 bands × 13 rows at 0.8, k = 128)")
    func datasketchObjective() {
        let lsh = LSHParameters(threshold: 0.8, permutations: 128, minimumRecall: 0)
        #expect(lsh == LSHParameters(bands: 9, rows: 13))
        // …which finds well under half of the pairs right at the threshold.
        #expect(lsh.candidateProbability(atSimilarity: 0.8) < 0.5)
    }

    @Test("among the bandings with enough recall, the chosen one has the least weighted error")
    func minimality() {
        let t = 0.8
        let chosen = LSHParameters(threshold: t, permutations: 128)
        func error(_ p: LSHParameters) -> Double {
            0.5 * p.falsePositiveIntegral(below: t) + 0.5 * p.falseNegativeIntegral(above: t)
        }
        for b in 1...128 {
            for r in 1...(128 / b) {
                let other = LSHParameters(bands: b, rows: r)
                guard other.candidateProbability(atSimilarity: t) >= 0.995 else { continue }
                #expect(error(chosen) <= error(other) + 1e-12, "\(other) beats \(chosen)")
            }
        }
    }

    /// Pairs of random shingle sets with Jaccard exactly `j`: |A ∩ B| = j·u, the rest split
    /// between A only and B only, u = 1,000.
    static func pair(jaccard j: Double, using rng: inout SplitMix64) -> ([UInt64], [UInt64]) {
        let union = 1000
        let shared = Int((j * Double(union)).rounded())
        let all = (0..<union).map { _ in rng.next() }
        let onlyA = (union - shared) / 2
        let a = Array(all[0..<(shared + onlyA)])
        let b = Array(all[0..<shared]) + Array(all[(shared + onlyA)...])
        return (a, b)
    }

    /// The share of pairs at similarity `j` that share a band, against 1 − (1 − jʳ)ᵇ. With
    /// N trials the share's standard deviation is sqrt(P(1 − P)/N); the bound allows 4 of them.
    @Test("candidate rates follow the S-curve", arguments: [0.5, 0.7, 0.8, 0.9])
    func sCurve(j: Double) {
        let configuration = MinHashConfiguration(permutations: 128, seed: 11)
        let hasher = MinHasher(configuration)
        let lsh = LSHParameters(threshold: 0.8, permutations: 128)
        var rng = SplitMix64(seed: 2024 + UInt64(j * 100))
        let trials = 400
        var candidates = 0
        for _ in 0..<trials {
            let (a, b) = Self.pair(jaccard: j, using: &rng)
            let keysA = Self.bandKeys(hasher.signature(forShingleHashes: a), lsh)
            let keysB = Self.bandKeys(hasher.signature(forShingleHashes: b), lsh)
            if zip(keysA, keysB).contains(where: { $0 == $1 }) { candidates += 1 }
        }
        let p = lsh.candidateProbability(atSimilarity: j)
        let sigma = (p * (1 - p) / Double(trials)).squareRoot()
        let rate = Double(candidates) / Double(trials)
        #expect(abs(rate - p) <= 4 * sigma + 1.0 / Double(trials), "rate \(rate), S-curve \(p)")
    }

    static func bandKeys(_ signature: Signature, _ lsh: LSHParameters) -> [UInt64] {
        let compact = signature.values.map { UInt32(truncatingIfNeeded: $0) }
        return compact.withUnsafeBufferPointer { values in
            (0..<lsh.bands).map { lsh.bandKey($0, of: values.baseAddress!, seed: signature.configuration.seed) }
        }
    }
}
