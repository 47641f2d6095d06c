import NearDupCore

/// A connected group of near-duplicates: the documents linked, directly or through others, by
/// verified pairs. Members are input positions in ascending order; the representative is the
/// earliest, the one that deduplication keeps.
///
/// Clusters are transitive closures: in a chain A ≈ B ≈ C, A and C are in one cluster even if
/// they are not similar enough to pair on their own.
public struct DuplicateCluster: Sendable, Hashable {
    /// The kept document: the earliest member.
    public var representative: Int { members[0] }
    /// All members, ascending, at least two.
    public let members: [Int]

    /// Makes a cluster of the documents at `members`, input positions in ascending order.
    ///
    /// - Parameter members: input positions in ascending order.
    /// - Precondition: `members` has at least two elements.
    public init(members: [Int]) {
        precondition(members.count >= 2, "a cluster has at least two members")
        self.members = members
    }
}
