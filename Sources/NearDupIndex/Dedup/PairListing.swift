import NearDupCore

/// Which pairs a dedup run reports, given its clusters: the rule that keeps `--pairs` linear in
/// the corpus whatever the size of its groups.
///
/// - A cluster of at most `limit` documents lists **every** pair of its members whose
///   similarity reaches the threshold (pairs the bands did not propose are verified here), so
///   for ordinary groups the pairs are exactly the near-duplicate pairs among the members.
/// - A larger cluster lists one pair per other member: the representative (earliest member)
///   and that member, with their similarity whatever it is (a member may have joined through
///   others, below the threshold against the representative), marked with the cluster's size
///   (``DuplicatePair/group``). n members give n − 1 lines, not n(n − 1)/2.
///
/// Copies (``ExactCopies``) have similarity 1 with each other and the similarities of their
/// representative with everyone else, so only pairs of distinct representatives are verified.
enum PairListing {
    /// The reported pairs, ascending by `first`, then `second`.
    ///
    /// - Parameters:
    ///   - candidates: the verified candidate pairs (packed, ascending) and their similarities,
    ///     reused rather than verified again.
    ///   - verify: verifies further pairs of representatives (packed, ascending).
    /// - Complexity: O(Σ min(c², limit · c)) over clusters of c members, plus the verification
    ///   of pairs not among the candidates.
    static func pairs(
        clusters: [DuplicateCluster], copies: ExactCopies, candidates: [UInt64], similarities: PairSimilarities,
        threshold: Double, limit: Int, exact: Bool, verify: ([UInt64]) throws -> PairSimilarities
    ) throws -> [DuplicatePair] {
        // First pass: the pairs of representatives that no candidate covers.
        var missing: [UInt64] = []
        forEachListedPair(clusters, limit: limit) { a, b, _ in
            guard let key = representativePair(a, b, copies), index(of: key, in: candidates) == nil else { return }
            missing.append(key)
        }
        missing.sortAndRemoveRepeats()
        let extra = try verify(missing)
        // Second pass: the pairs with their similarities.
        var result: [DuplicatePair] = []
        forEachListedPair(clusters, limit: limit) { a, b, group in
            let estimate: Double, jaccard: Double?
            if let key = representativePair(a, b, copies) {
                if let i = index(of: key, in: candidates) {
                    (estimate, jaccard) = similarities[i]
                } else {
                    (estimate, jaccard) = extra[index(of: key, in: missing)!]
                }
            } else {
                (estimate, jaccard) = (1, exact ? 1 : nil)
            }
            guard group != nil || (jaccard ?? estimate) >= threshold else { return }
            result.append(DuplicatePair(first: a, second: b, estimate: estimate, jaccard: jaccard, group: group))
        }
        result.sort { $0.first != $1.first ? $0.first < $1.first : $0.second < $1.second }
        return result
    }

    /// Calls `body(a, b, group)` for each pair the rule lists (`a < b`); `group` is the
    /// cluster's size for a cluster over the limit, else `nil`.
    private static func forEachListedPair(
        _ clusters: [DuplicateCluster], limit: Int, _ body: (Int, Int, Int?) throws -> Void
    ) rethrows {
        for cluster in clusters {
            let members = cluster.members
            if members.count > limit {
                for b in members.dropFirst() { try body(members[0], b, members.count) }
            } else {
                for i in members.indices {
                    for j in (i + 1)..<members.count { try body(members[i], members[j], nil) }
                }
            }
        }
    }

    /// The packed pair of the two documents' representatives (smaller first), or `nil` when
    /// they are copies of one another.
    private static func representativePair(_ a: Int, _ b: Int, _ copies: ExactCopies) -> UInt64? {
        let ra = UInt64(copies.representative[a]), rb = UInt64(copies.representative[b])
        if ra == rb { return nil }
        return ra < rb ? ra << 32 | rb : rb << 32 | ra
    }

    /// The position of `key` in the ascending array `keys`, by binary search.
    private static func index(of key: UInt64, in keys: [UInt64]) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }
}
