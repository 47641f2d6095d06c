/// How candidate pairs from the LSH index are checked against the threshold.
public enum Verification: String, Sendable, Hashable, Codable, CaseIterable {
    /// By the MinHash estimate (the share of equal signature values). Cheap, but with k = 128
    /// the estimate's standard deviation at J = 0.8 is about 0.035: pairs near the threshold
    /// fall on the wrong side of it often.
    case estimate
    /// By the exact Jaccard similarity of the two sets of 64-bit shingle hashes (the figure
    /// ``ShingleSet/jaccard(_:)`` gives). Needs the shingles of candidate documents, which the
    /// pipeline keeps in a scratch file (8 bytes a shingle).
    case exact
}

extension Verification {
    /// The similarity of two sketched documents as this verification checks it: the MinHash
    /// estimate (the share of equal compact signature values, ``CompactSignature/estimate(_:_:count:)``)
    /// and, for ``exact``, the exact Jaccard of the two fingerprint sets
    /// (``ShingleFingerprints/jaccard(_:_:)``): the incremental index's comparison of a query
    /// with each candidate. (A dedup run's pair verifier computes the same two figures, the
    /// Jaccard with ``FingerprintIntersection`` on unsorted fingerprints.)
    ///
    /// - Parameters:
    ///   - a, b: the k compact signature values of each document.
    ///   - fingerprintsA, fingerprintsB: their sorted, repeat-free fingerprints (read only for
    ///     ``exact``).
    /// - Complexity: O(k), plus O(|A| + |B|) for ``exact``.
    @inline(__always)
    package func similarity(
        _ a: UnsafePointer<UInt32>, _ fingerprintsA: ShingleFingerprints.Run,
        _ b: UnsafePointer<UInt32>, _ fingerprintsB: ShingleFingerprints.Run, k: Int
    ) -> (estimate: Double, jaccard: Double?) {
        let estimate = CompactSignature.estimate(a, b, count: k)
        guard self == .exact else { return (estimate, nil) }
        return (estimate, ShingleFingerprints.jaccard(fingerprintsA, fingerprintsB))
    }
}
