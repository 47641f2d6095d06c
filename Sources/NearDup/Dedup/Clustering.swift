/// Clusters of near-duplicates: connected components of the verified pairs.
enum Clustering {
    /// The clusters of two or more documents, ascending by representative (each cluster's
    /// earliest member), and per document whether deduplication keeps it (a representative,
    /// or in no cluster).
    ///
    /// - Complexity: O(n + pairs), near-linear (union-find).
    static func clusters(of pairs: [DuplicatePair], documentCount n: Int) -> (clusters: [DuplicateCluster], isKept: [Bool]) {
        var sets = UnionFind(count: n)
        for pair in pairs { sets.union(pair.first, pair.second) }
        // Roots are the smallest members, so each cluster starts at its root in input order.
        var clusterOfRoot = [Int32](repeating: -1, count: n)
        var members: [[Int]] = []
        var isKept = [Bool](repeating: true, count: n)
        for pair in pairs { clusterOfRoot[sets.find(pair.first)] = 0 }
        for doc in 0..<n {
            let root = sets.find(doc)
            guard clusterOfRoot[root] >= 0 else { continue }
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
