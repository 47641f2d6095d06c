/// The banding of locality-sensitive hashing: a signature's first `bands × rows` values are cut
/// into `bands` bands of `rows` values each, and two documents become *candidates* when all
/// values of at least one band are equal. For documents of Jaccard similarity s that happens
/// with probability 1 − (1 − sʳ)ᵇ, an S-shaped curve in s.
///
/// ``init(threshold:permutations:minimumRecall:falsePositiveWeight:falseNegativeWeight:)``
/// chooses (b, r) the way datasketch's `MinHashLSH` does — by minimising the weighted
/// integrals of the false-positive probability below the threshold and of the false-negative
/// probability above it — with one more condition: the candidate probability *at* the threshold
/// must reach `minimumRecall`. NearDup verifies every candidate, so a false positive costs one
/// comparison while a false negative is a duplicate lost for good; datasketch's own choice for
/// threshold 0.8 and k = 128, (9, 13), finds only 40% of the pairs right at the threshold.
///
/// ```swift
/// let lsh = LSHParameters(threshold: 0.8, permutations: 128)
/// // lsh.bands == 18, lsh.rows == 6: P(candidate | J = 0.8) ≈ 0.996
/// ```
public struct LSHParameters: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Number of bands (b).
    public let bands: Int
    /// Signature values per band (r).
    public let rows: Int

    /// Explicit parameters.
    ///
    /// - Parameters:
    ///   - bands: the number of bands, b.
    ///   - rows: the signature values per band, r; b·r must not exceed the signature's k.
    /// - Precondition: `bands ≥ 1`, `rows ≥ 1`.
    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1, "bands and rows must be at least 1")
        self.bands = bands
        self.rows = rows
    }

    /// The (b, r) with b·r ≤ `permutations` that minimises
    /// `falsePositiveWeight · ∫₀ᵗ P(s) ds + falseNegativeWeight · ∫ₜ¹ (1 − P(s)) ds`
    /// among those whose candidate probability at the threshold, P(t), is at least
    /// `minimumRecall`. When no (b, r) reaches `minimumRecall` (tiny k or a low threshold), the
    /// one with the highest P(t) is taken.
    ///
    /// - Parameters:
    ///   - threshold: the Jaccard similarity t at which pairs count as near-duplicates, in (0, 1).
    ///   - permutations: the signature length k.
    ///   - minimumRecall: the least acceptable P(t). The default, 0.995, leaves a margin above
    ///     the 0.99 that NearDup promises.
    ///   - falsePositiveWeight: the weight of the false-positive integral (datasketch's
    ///     `weights[0]`).
    ///   - falseNegativeWeight: the weight of the false-negative integral (datasketch's
    ///     `weights[1]`).
    /// - Complexity: O(k log k) evaluations of the integrals (fixed 256-point quadrature each).
    public init(
        threshold: Double, permutations: Int, minimumRecall: Double = 0.995,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        precondition(permutations >= 1, "permutations must be at least 1")
        var best: (error: Double, recall: Double, b: Int, r: Int)?
        var mostRecall: (recall: Double, b: Int, r: Int) = (-1, 1, 1)
        for b in 1...permutations {
            for r in 1...(permutations / b) {
                let candidate = LSHParameters(bands: b, rows: r)
                let recall = candidate.candidateProbability(atSimilarity: threshold)
                if recall > mostRecall.recall { mostRecall = (recall, b, r) }
                guard recall >= minimumRecall else { continue }
                let error = falsePositiveWeight * candidate.falsePositiveIntegral(below: threshold)
                    + falseNegativeWeight * candidate.falseNegativeIntegral(above: threshold)
                if best == nil || error < best!.error { best = (error, recall, b, r) }
            }
        }
        if let best {
            self.init(bands: best.b, rows: best.r)
        } else {
            self.init(bands: mostRecall.b, rows: mostRecall.r)
        }
    }

    /// How many signature values the bands use (b·r).
    public var usedPermutations: Int { bands * rows }

    /// The probability 1 − (1 − sʳ)ᵇ that two documents of Jaccard similarity `s` share at least
    /// one band, assuming independent signature values.
    ///
    /// - Parameter s: a Jaccard similarity, from 0 to 1.
    /// - Returns: the candidate probability.
    /// - Complexity: O(log r + log b).
    public func candidateProbability(atSimilarity s: Double) -> Double {
        1 - Self.power(1 - Self.power(s, rows), bands)
    }

    /// ∫₀ᵗ P(s) ds: the weight of false candidates below the threshold.
    ///
    /// - Parameter threshold: the threshold t.
    /// - Returns: the integral, by the midpoint rule with 256 intervals.
    public func falsePositiveIntegral(below threshold: Double) -> Double {
        Self.integrate(from: 0, to: threshold) { candidateProbability(atSimilarity: $0) }
    }

    /// ∫ₜ¹ (1 − P(s)) ds: the weight of missed pairs above the threshold.
    ///
    /// - Parameter threshold: the threshold t.
    /// - Returns: the integral, by the midpoint rule with 256 intervals.
    public func falseNegativeIntegral(above threshold: Double) -> Double {
        Self.integrate(from: threshold, to: 1) { 1 - candidateProbability(atSimilarity: $0) }
    }

    /// `b bands × r rows`, for example `18 bands × 6 rows`.
    public var description: String { "\(bands) bands × \(rows) rows" }

    /// Midpoint rule with 256 intervals: the integrands are smooth and bounded by 1, so the
    /// error (below 1e-5) is far smaller than the differences between neighbouring (b, r).
    static func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
        let steps = 256
        let h = (b - a) / Double(steps)
        var sum = 0.0
        for i in 0..<steps { sum += f(a + (Double(i) + 0.5) * h) }
        return sum * h
    }

    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0, base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }
}
