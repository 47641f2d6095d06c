import Testing
import NearDup

/// The MinHash estimate of Jaccard is unbiased with variance J(1−J)/k (classic scheme:
/// exactly, a binomial proportion; one-permutation hashing: the same up to the
/// without-replacement factor (U−k)/(U−1) ≤ 1, which is 0.975 for the union size U = 5,000 used
/// here, and densification adds nothing when no bin is empty).
///
/// For each exact Jaccard J in 0.05…0.95 we draw `trials` random set pairs with that exact J
/// (fixed seeds) and sign them with a fresh seed each time.
/// - Bias: |mean − J| must stay within 4 standard errors, 4·sqrt(J(1−J)/(k·trials)) (a false
///   alarm with probability about 6·10⁻⁵ per level).
/// - Variance: the sample variance over all levels, pooled as Σ s² / Σ J(1−J)/k, has a relative
///   standard error of about sqrt(2/(levels·(trials−1))) ≈ 2.2 %; we accept the ratio within
///   4 of those (±9 %) of its expected value. Each level's own ratio must be within ±30 %
///   (about 4.2 standard errors).
@Suite struct EstimatorStatisticsTests {
    static let jaccardLevels: [Double] = [0.05, 0.15, 0.25, 0.35, 0.5, 0.65, 0.75, 0.85, 0.95]
    static let k = 128
    static let trials = 400

    /// Draws two sets with exactly `shared / union` Jaccard.
    static func setPair(union: Int, jaccard: Double, rng: inout SplitMix64) -> ([UInt64], [UInt64]) {
        let shared = Int((jaccard * Double(union)).rounded())
        let onlyA = (union - shared) / 2
        let onlyB = union - shared - onlyA
        let common = (0..<shared).map { _ in rng.next() }
        return (common + (0..<onlyA).map { _ in rng.next() }, common + (0..<onlyB).map { _ in rng.next() })
    }

    struct Result {
        var biasOK: Bool
        var varianceRatio: Double
        var levelVarianceRatios: [Double]
    }

    static func run(scheme: MinHashScheme, union: Int) throws -> Result {
        var rng = SplitMix64(seed: scheme == .classic ? 7 : 11)
        var biasOK = true
        var sumVariance = 0.0
        var sumTheory = 0.0
        var ratios: [Double] = []
        for level in jaccardLevels {
            var estimates: [Double] = []
            var exact = 0.0
            for trial in 0..<trials {
                let (a, b) = setPair(union: union, jaccard: level, rng: &rng)
                exact = ShingleSet(hashes: a).jaccard(ShingleSet(hashes: b))
                let hasher = MinHasher(MinHashConfiguration(scheme: scheme, permutations: k, seed: UInt64(trial)))
                estimates.append(try hasher.signature(forShingleHashes: a).jaccard(hasher.signature(forShingleHashes: b)))
            }
            let mean = estimates.reduce(0, +) / Double(trials)
            let variance = estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(trials - 1)
            let theory = exact * (1 - exact) / Double(k)
            if abs(mean - exact) > 4 * (theory / Double(trials)).squareRoot() { biasOK = false }
            sumVariance += variance
            sumTheory += theory
            ratios.append(variance / theory)
        }
        return Result(biasOK: biasOK, varianceRatio: sumVariance / sumTheory, levelVarianceRatios: ratios)
    }

    @Test func classicSchemeIsUnbiasedWithBinomialVariance() throws {
        let result = try Self.run(scheme: .classic, union: 300)
        #expect(result.biasOK)
        #expect(abs(result.varianceRatio - 1) <= 0.09, "pooled variance ratio \(result.varianceRatio)")
        #expect(result.levelVarianceRatios.allSatisfy { abs($0 - 1) <= 0.30 }, "\(result.levelVarianceRatios)")
    }

    @Test func onePermutationSchemeIsUnbiasedWithBinomialVariance() throws {
        let union = 5_000
        let factor = Double(union - Self.k) / Double(union - 1)
        let result = try Self.run(scheme: .onePermutation, union: union)
        #expect(result.biasOK)
        #expect(abs(result.varianceRatio - factor) <= 0.09, "pooled variance ratio \(result.varianceRatio)")
        #expect(result.levelVarianceRatios.allSatisfy { abs($0 - factor) <= 0.30 }, "\(result.levelVarianceRatios)")
    }

    /// Small documents leave bins empty; densification must keep the estimate unbiased.
    @Test func densificationKeepsSmallDocumentsUnbiased() throws {
        var rng = SplitMix64(seed: 3)
        let trials = 400
        var estimates: [Double] = []
        var exact = 0.0
        for trial in 0..<trials {
            let (a, b) = Self.setPair(union: 60, jaccard: 0.5, rng: &rng)  // ~30 shingles each, k = 128
            exact = ShingleSet(hashes: a).jaccard(ShingleSet(hashes: b))
            let hasher = MinHasher(MinHashConfiguration(scheme: .onePermutation, permutations: 128, seed: UInt64(trial)))
            estimates.append(try hasher.signature(forShingleHashes: a).jaccard(hasher.signature(forShingleHashes: b)))
        }
        let mean = estimates.reduce(0, +) / Double(trials)
        // With heavy densification the estimate is still unbiased, but its variance is larger
        // than J(1−J)/k; bound the bias by 4 standard errors of the observed spread.
        let variance = estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(trials - 1)
        #expect(abs(mean - exact) <= 4 * (variance / Double(trials)).squareRoot())
    }
}
