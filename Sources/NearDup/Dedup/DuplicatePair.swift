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

    /// Makes a pair of input positions with `first < second`; `estimate` and `jaccard` are in
    /// 0…1, and `jaccard` is `nil` unless the pair was verified exactly.
    public init(first: Int, second: Int, estimate: Double, jaccard: Double?) {
        self.first = first
        self.second = second
        self.estimate = estimate
        self.jaccard = jaccard
    }
}
