/// Two documents found to be near-duplicates, by their positions in the input (0-based, input
/// order), `first < second`.
public struct DuplicatePair: Sendable, Hashable {
    /// The earlier document.
    public let first: Int
    /// The later document.
    public let second: Int
    /// The MinHash estimate of their Jaccard similarity.
    public let estimate: Double
    /// Their exact Jaccard similarity, when verified exactly.
    public let jaccard: Double?

    public init(first: Int, second: Int, estimate: Double, jaccard: Double?) {
        self.first = first
        self.second = second
        self.estimate = estimate
        self.jaccard = jaccard
    }
}
