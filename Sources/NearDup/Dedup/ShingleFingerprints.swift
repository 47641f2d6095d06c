/// A document's shingles kept for exact verification: the low 32 bits of each 64-bit shingle
/// hash, sorted and without repeats (about 2.4 KB for a 600-word story).
///
/// Exact Jaccard on fingerprints equals exact Jaccard on the shingle sets unless two different
/// shingles of the pair share their low 32 bits: with n ≈ 600 shingles a side, that happens for
/// about n²/2³² ≈ 1 pair in 10,000 and moves its Jaccard by about 1/n.
enum ShingleFingerprints {
    /// The fingerprint of a 64-bit shingle hash.
    @inline(__always)
    static func fingerprint(_ hash: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: hash) }

    /// Sorts `values[0..<count]` in place and removes repeats; returns the new count.
    ///
    /// A least-significant-digit radix sort (three passes of 11 bits) through a scratch buffer:
    /// several times faster than a comparison sort for the few hundred to few thousand values of
    /// a document.
    /// - Complexity: O(n), plus O(n) scratch memory for the call.
    static func sortUnique(_ values: UnsafeMutablePointer<UInt32>, count: Int) -> Int {
        guard count > 1 else { return count }
        if count < 64 {
            var buffer = UnsafeMutableBufferPointer(start: values, count: count)
            buffer.sort()
        } else {
            let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: count)
            defer { scratch.deallocate() }
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2048)
            defer { counts.deallocate() }
            var source = values, target = scratch
            for shift in stride(from: 0 as UInt32, through: 22, by: 11) {
                counts.initialize(repeating: 0, count: 2048)
                for i in 0..<count { counts[Int((source[i] >> shift) & 0x7FF)] &+= 1 }
                var total = 0
                for digit in 0..<2048 {
                    let c = counts[digit]
                    counts[digit] = total
                    total &+= c
                }
                for i in 0..<count {
                    let v = source[i]
                    let digit = Int((v >> shift) & 0x7FF)
                    target[counts[digit]] = v
                    counts[digit] &+= 1
                }
                swap(&source, &target)
            }
            // Three passes: the sorted values are in `scratch`.
            values.update(from: source, count: count)
        }
        var unique = 1
        for i in 1..<count where values[i] != values[unique - 1] {
            values[unique] = values[i]
            unique += 1
        }
        return unique
    }

    /// |A ∩ B| of two sorted, repeat-free fingerprint sets.
    ///
    /// - Complexity: O(|A| + |B|), a branch-light merge.
    static func intersectionCount(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        var i = 0, j = 0, shared = 0
        let n = a.count, m = b.count
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        while i < n && j < m {
            let x = pa[i], y = pb[j]
            shared &+= x == y ? 1 : 0
            i &+= x <= y ? 1 : 0
            j &+= y <= x ? 1 : 0
        }
        return shared
    }

    /// Exact Jaccard |A ∩ B| / |A ∪ B|; 0 when either set is empty (as ``ShingleSet/jaccard(_:)``).
    ///
    /// - Complexity: O(|A| + |B|).
    static func jaccard(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Double {
        guard !a.isEmpty && !b.isEmpty else { return 0 }
        let shared = intersectionCount(a, b)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The MinHash estimate from two compact signatures: the share of equal slots.
    ///
    /// - Complexity: O(k).
    static func estimate(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, count k: Int) -> Double {
        var equal = 0
        for i in 0..<k { equal &+= a[i] == b[i] ? 1 : 0 }
        return Double(equal) / Double(k)
    }
}
