import NearDupCore

/// A document and a 64-bit hash key of it: its key in one LSH band (``CandidatePairs``) or its
/// content key (``ExactCopies``).
struct KeyedDocument {
    var key: UInt64
    var document: UInt32
}

/// Sorts documents by key, and by document within a key: the order in which the documents of
/// a group (a run of equal keys: an LSH bucket, a group of exact copies) come out earliest
/// first.
///
/// The keys are hashes, uniform over 64 bits, so one stable counting pass on their top bits
/// into between n and 2n buckets leaves only the few entries that share a bucket to order, and
/// an insertion sort finishes in expected O(n) (about 50 instructions an entry, callgrind, 4,000
/// entries a band; the standard library's comparison sort took about 450). Entries with equal keys
/// (a bucket of near-copies) share a counting bucket and arrive in input order, which is
/// document order, so they cost no moves. Should many different keys share their top bits
/// (keys not uniform), the insertion sort gives up after 16n moves and a comparison sort
/// finishes: O(n log n) at worst.
///
/// The order is the total order on (key, document), documents being distinct, so the result
/// is the same whichever way it is reached.
enum KeyedDocumentSort {
    /// Sorts `entries` in place by (key, document).
    ///
    /// - Precondition: the documents are distinct and in ascending order on entry (the order
    ///   in which ``CandidatePairs`` and ``ExactCopies`` collect them); only then are equal
    ///   keys already in order after the counting pass. Any order is still sorted correctly,
    ///   only slower.
    /// - Complexity: O(n) expected for uniform keys, O(n log n) at worst; scratch memory 16
    ///   bytes an entry (a copy) plus 4 bytes a counting bucket (at most 2n of them).
    static func sort(_ entries: inout [KeyedDocument]) {
        let count = entries.count
        guard count >= 64 else {
            entries.sort(by: precedes)
            return
        }
        let bits = min(Int.bitWidth &- count.leadingZeroBitCount, 24)
        let buckets = 1 &<< bits
        let shift = UInt64(64 &- bits)
        // 32-bit counts: a band has fewer than 2³² entries (``CandidatePairs`` checks it).
        let starts = UnsafeMutablePointer<UInt32>.allocate(capacity: buckets &+ 1)
        defer { starts.deallocate() }
        starts.initialize(repeating: 0, count: buckets &+ 1)
        let source = UnsafeMutablePointer<KeyedDocument>.allocate(capacity: count)
        defer { source.deallocate() }
        entries.withUnsafeMutableBufferPointer { entries in
            let destination = entries.baseAddress!
            source.initialize(from: destination, count: count)
            for i in 0..<count { starts[Int(truncatingIfNeeded: source[i].key &>> shift) &+ 1] &+= 1 }
            for bucket in 0..<buckets { starts[bucket &+ 1] &+= starts[bucket] }
            for i in 0..<count {
                let entry = source[i]
                let bucket = Int(truncatingIfNeeded: entry.key &>> shift)
                destination[Int(truncatingIfNeeded: starts[bucket])] = entry
                starts[bucket] &+= 1
            }
            var moves = 0
            for i in 1..<count {
                let entry = destination[i]
                var j = i
                while j > 0 && precedes(entry, destination[j &- 1]) {
                    destination[j] = destination[j &- 1]
                    j &-= 1
                }
                destination[j] = entry
                moves &+= i &- j
                if moves > 16 &* count {
                    entries.sort(by: precedes)
                    return
                }
            }
        }
    }

    @inline(__always)
    private static func precedes(_ a: KeyedDocument, _ b: KeyedDocument) -> Bool {
        a.key != b.key ? a.key < b.key : a.document < b.document
    }
}
