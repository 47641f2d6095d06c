import NearDupCore

/// Two documents found to be near-duplicates, by their positions in the input (0-based, input
/// order), `first < second`.
///
/// In a cluster too large to list every pair (more than
/// ``CorpusDeduplicator/Options/pairwiseLimit`` members), the run reports one pair per member:
/// the cluster's representative as ``first`` and the member as ``second``, with ``group`` set
/// to the cluster's size. Such a pair's similarity is that of the member to the representative
/// and may be below the threshold when the member joined the cluster through others.
public struct DuplicatePair: Sendable, Hashable {
    /// The earlier document.
    public let first: Int
    /// The later document.
    public let second: Int
    /// The MinHash estimate of their Jaccard similarity.
    public let estimate: Double
    /// Their exact Jaccard similarity, when verified exactly.
    public let jaccard: Double?
    /// `nil` for an ordinary pair; for a pair that stands for a large cluster (representative
    /// and member), the cluster's number of documents.
    public let group: Int?

    /// Makes a pair of input positions with `first < second`; `estimate` and `jaccard` are in
    /// 0…1, and `jaccard` is `nil` unless the pair was verified exactly; `group` is the size of
    /// the large cluster the pair stands for, if any.
    ///
    /// - Parameters:
    ///   - first: the earlier document's input position.
    ///   - second: the later document's input position.
    ///   - estimate: the MinHash estimate of their Jaccard similarity.
    ///   - jaccard: their exact Jaccard similarity, or `nil`.
    ///   - group: the size of the large cluster the pair stands for, or `nil`.
    public init(first: Int, second: Int, estimate: Double, jaccard: Double?, group: Int? = nil) {
        self.first = first
        self.second = second
        self.estimate = estimate
        self.jaccard = jaccard
        self.group = group
    }
}
