/// A document's shingles kept for exact verification: its 64-bit shingle hashes themselves,
/// sorted and without repeats (8 bytes a shingle, about 4.8 KB for a 600-word story).
///
/// Exact Jaccard here is exact Jaccard of the 64-bit shingle hash sets, the same figure as
/// ``ShingleSet/jaccard(_:)`` and `neardup compare`: it differs from Jaccard on the shingle
/// strings only when two different shingles of a pair share a 64-bit hash, about
/// |A|·|B|/2⁶⁴ per pair (10⁻¹⁴ for two 600-shingle stories). Earlier versions kept the low
/// 32 bits, which made two unrelated one-shingle documents equal once in 2³² pairs.
enum ShingleFingerprints {
    /// Sorts `values[0..<count]` in place and removes repeats; returns the new count.
    ///
    /// A least-significant-digit radix sort on the top 33 bits (three passes of 11 bits, as
    /// cheap as sorting 32-bit values), then a pass that orders the rare runs sharing their
    /// top 33 bits: shingle hashes are uniform, so for a document of n shingles such a run
    /// occurs with probability about n²/2³⁴.
    /// - Complexity: O(n), plus O(n) scratch memory for the call.
    static func sortUnique(_ values: UnsafeMutablePointer<UInt64>, count: Int) -> Int {
        guard count > 1 else { return count }
        if count < 64 {
            var buffer = UnsafeMutableBufferPointer(start: values, count: count)
            buffer.sort()
        } else {
            let scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
            defer { scratch.deallocate() }
            let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2048)
            defer { counts.deallocate() }
            var source = values, target = scratch
            for shift in stride(from: 31 as UInt64, through: 53, by: 11) {
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
            // Three passes: the values, sorted on their top 33 bits, are in `scratch`.
            values.update(from: source, count: count)
            var runStart = 0
            for i in 1...count where i == count || values[i] >> 31 != values[runStart] >> 31 {
                if i - runStart > 1 {
                    var run = UnsafeMutableBufferPointer(start: values + runStart, count: i - runStart)
                    run.sort()
                }
                runStart = i
            }
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
    struct Run {
        let base: UnsafeRawPointer?
        let count: Int

        init(_ base: UnsafeRawPointer?, count: Int) {
            self.base = base
            self.count = count
        }

        init(_ values: UnsafeBufferPointer<UInt64>) {
            self.init(values.baseAddress.map(UnsafeRawPointer.init), count: values.count)
        }

        @inline(__always)
        subscript(i: Int) -> UInt64 {
            UInt64(littleEndian: base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: i &<< 3, as: UInt64.self))
        }

        /// The run's bytes (8 a fingerprint), for writing it out.
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: 8 * count) }
    }
}
