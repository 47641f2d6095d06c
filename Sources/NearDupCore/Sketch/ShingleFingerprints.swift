/// A document's shingles kept for exact verification: its 64-bit shingle hashes themselves,
/// sorted and without repeats (8 bytes a shingle, about 4.8 KB for a 600-word story).
///
/// Exact Jaccard here is exact Jaccard of the 64-bit shingle hash sets, the same figure as
/// ``ShingleSet/jaccard(_:)`` and `neardup compare`: it differs from Jaccard on the shingle
/// strings only when two different shingles of a pair share a 64-bit hash, about
/// |A|·|B|/2⁶⁴ per pair (10⁻¹⁴ for two 600-shingle stories). Earlier versions kept the low
/// 32 bits, which made two unrelated one-shingle documents equal once in 2³² pairs.
package enum ShingleFingerprints {
    /// Writes the `count` values at `source` to `destination` in ascending order (repeats kept),
    /// using `counts` (grown as needed, kept by the caller) as scratch: allocation-free after
    /// warm-up.
    ///
    /// Shingle hashes are uniform, so one counting pass on their top bits into between n and 2n
    /// buckets leaves only the few values that share a bucket out of order, and an insertion
    /// sort finishes in expected O(n). Should the values not be uniform (a text made to collide
    /// on the top bits), the insertion sort gives up after 16n moves and a comparison sort
    /// finishes: O(n log n) at worst.
    /// - Precondition: `source` and `destination` do not overlap.
    /// - Complexity: O(n) expected, O(n log n) at worst.
    static func sort(
        _ source: UnsafePointer<UInt64>, count: Int, into destination: UnsafeMutablePointer<UInt64>,
        counts: inout GrowableBuffer<Int>
    ) {
        guard count > 1 else {
            if count == 1 { destination[0] = source[0] }
            return
        }
        let bits = min(Int.bitWidth &- count.leadingZeroBitCount, 24)
        let buckets = 1 &<< bits
        let shift = UInt64(64 &- bits)
        counts.reserve(buckets &+ 1, keeping: 0)
        let starts = counts.base
        starts.initialize(repeating: 0, count: buckets &+ 1)
        for i in 0..<count { starts[Int(truncatingIfNeeded: source[i] &>> shift) &+ 1] &+= 1 }
        for bucket in 0..<buckets { starts[bucket &+ 1] &+= starts[bucket] }
        for i in 0..<count {
            let value = source[i]
            let bucket = Int(truncatingIfNeeded: value &>> shift)
            destination[starts[bucket]] = value
            starts[bucket] &+= 1
        }
        var moves = 0
        for i in 1..<count {
            let value = destination[i]
            var j = i
            while j > 0 && destination[j &- 1] > value {
                destination[j] = destination[j &- 1]
                j &-= 1
            }
            destination[j] = value
            moves &+= i &- j
            if moves > 16 &* count {
                var all = UnsafeMutableBufferPointer(start: destination, count: count)
                all.sort()
                return
            }
        }
    }

    /// |A ∩ B| of two sorted, repeat-free fingerprint sets.
    ///
    /// - Complexity: O(|A| + |B|), a branch-light merge.
    static func intersectionCount(_ a: Run, _ b: Run) -> Int {
        var i = 0, j = 0, shared = 0
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return 0 }
        while i < n && j < m {
            let x = a[i], y = b[j]
            shared &+= x == y ? 1 : 0
            i &+= x <= y ? 1 : 0
            j &+= y <= x ? 1 : 0
        }
        return shared
    }

    /// Exact Jaccard |A ∩ B| / |A ∪ B|; 0 when either set is empty (as ``ShingleSet/jaccard(_:)``).
    ///
    /// - Complexity: O(|A| + |B|).
    static func jaccard(_ a: Run, _ b: Run) -> Double {
        guard a.count > 0 && b.count > 0 else { return 0 }
        let shared = intersectionCount(a, b)
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// A sorted, repeat-free run of 64-bit fingerprints (little-endian) in memory of any
    /// alignment and binding: an index file's mapping, an arena of 32-bit words, an array.
    package struct Run {
        @usableFromInline package let base: UnsafeRawPointer?
        @usableFromInline package let count: Int

        @inlinable package init(_ base: UnsafeRawPointer?, count: Int) {
            self.base = base
            self.count = count
        }

        init(_ values: UnsafeBufferPointer<UInt64>) {
            self.init(values.baseAddress.map(UnsafeRawPointer.init), count: values.count)
        }

        @inlinable @inline(__always)
        package subscript(i: Int) -> UInt64 {
            UInt64(littleEndian: base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i &<< 3, as: UInt64.self))
        }

        /// The run's bytes (8 a fingerprint), for writing it out.
        package var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: 8 * count) }
    }
}
