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
