import NearDupCore

/// Disjoint sets over 0..<n with path halving and union by smallest element: every set's root
/// is its smallest member, so a cluster's representative is its earliest document whatever the
/// order of the unions.
struct UnionFind {
    private var parent: [UInt32]

    init(count: Int) {
        parent = (0..<count).map { UInt32($0) }
    }

    /// The smallest member of `x`'s set.
    ///
    /// - Complexity: amortised O(log n) (path halving without ranks).
    mutating func find(_ x: Int) -> Int {
        var x = x
        while Int(parent[x]) != x {
            let grand = parent[Int(parent[x])]
            parent[x] = grand
            x = Int(grand)
        }
        return x
    }

    /// Merges the sets of `a` and `b`.
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra == rb { return }
        if ra < rb { parent[rb] = UInt32(ra) } else { parent[ra] = UInt32(rb) }
    }
}
