extension Array where Element == UInt64 {
    /// Sorts keys of the form `source << 32 | rank` ascending, where the keys of one source were
    /// appended in ascending rank (as the candidate query appends them, term after term): a
    /// stable radix sort on the high 32 bits, which leaves each source's keys in the order they
    /// came, so the result equals `sort()`'s.
    ///
    /// - Complexity: O(n) in at most three passes of 11 bits for n ≥ 2,048 keys (the query of a
    ///   story whose rare terms are shared by thousands of sources); `sort()` below that.
    mutating func sortBySourceThenRank() {
        guard count >= 2_048 else {
            sort()
            return
        }
        var highest: UInt64 = 0
        for key in self { highest |= key >> 32 }
        let bits = 64 - highest.leadingZeroBitCount
        guard bits > 0 else { return }  // one source: already in rank order
        let digit = 11, buckets = 1 << digit
        var other = [UInt64](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: buckets)
        var shift = 32
        while shift < 32 + bits {
            withUnsafeMutableBufferPointer { from in
                other.withUnsafeMutableBufferPointer { to in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for b in 0..<buckets { counts[b] = 0 }
                        for key in from { counts[Int((key >> UInt64(shift)) & UInt64(buckets - 1))] += 1 }
                        var total = 0
                        for b in 0..<buckets {
                            let c = counts[b]
                            counts[b] = total
                            total += c
                        }
                        for key in from {
                            let b = Int((key >> UInt64(shift)) & UInt64(buckets - 1))
                            to[counts[b]] = key
                            counts[b] += 1
                        }
                    }
                }
            }
            swap(&self, &other)
            shift += digit
        }
    }
}
