import NearDupCore

/// An indexed document found similar to a query.
public struct IndexMatch: Sendable, Hashable {
    /// The indexed document's id.
    public let id: String
    /// The MinHash estimate of the Jaccard similarity.
    public let estimate: Double
    /// The exact Jaccard similarity (of the 64-bit shingle hashes), when the index keeps
    /// shingles (``Verification/exact``).
    public let jaccard: Double?

    /// Makes a match; `estimate` and `jaccard` are in 0…1, and `jaccard` is `nil` when the index
    /// keeps no shingles.
    ///
    /// - Parameters:
    ///   - id: the indexed document's id.
    ///   - estimate: the MinHash estimate of the Jaccard similarity.
    ///   - jaccard: the exact Jaccard similarity, or `nil`.
    public init(id: String, estimate: Double, jaccard: Double?) {
        self.id = id
        self.estimate = estimate
        self.jaccard = jaccard
    }

    /// The similarity the threshold applies to: the exact Jaccard when known, else the estimate.
    public var similarity: Double { jaccard ?? estimate }
}
