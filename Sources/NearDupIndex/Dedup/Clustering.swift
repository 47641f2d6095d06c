import NearDupCore

/// Clusters of near-duplicates: connected components of the verified pairs and of the links
/// from exact copies to their representatives.
enum Clustering {
    /// The clusters of two or more documents, ascending by representative (each cluster's
    /// earliest member), and per document whether deduplication keeps it (a representative,
    /// or in no cluster).
    ///
    /// - Parameter links: calls its argument with every linked pair of documents.
    /// - Complexity: O(n + links), near-linear (union-find).
    static func clusters(
        documentCount n: Int, links: (_ link: (Int, Int) -> Void) throws -> Void
    ) rethrows -> (clusters: [DuplicateCluster], isKept: [Bool]) {
        var sets = UnionFind(count: n)
        try links { sets.union($0, $1) }
        // Roots are the smallest members, so each cluster starts at its root in input order.
        var hasOthers = [Bool](repeating: false, count: n)
        for doc in 0..<n {
            let root = sets.find(doc)
            if root != doc { hasOthers[root] = true }
        }
        var clusterOfRoot = [Int32](repeating: -1, count: n)
        var members: [[Int]] = []
        var isKept = [Bool](repeating: true, count: n)
        for doc in 0..<n {
            let root = sets.find(doc)
            guard hasOthers[root] else { continue }
            if root == doc {
                clusterOfRoot[root] = Int32(members.count)
                members.append([doc])
            } else {
                members[Int(clusterOfRoot[root])].append(doc)
                isKept[doc] = false
            }
        }
        return (members.map(DuplicateCluster.init(members:)), isKept)
    }
}
