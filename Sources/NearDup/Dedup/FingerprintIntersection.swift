/// Counts the shared fingerprints of two repeat-free fingerprint sets without sorting either:
/// the smaller set goes into an open-addressing table, the larger one is looked up in it, and
/// the table is emptied again by visiting only the slots it filled.
///
/// The dedup pipeline keeps each document's fingerprints in the order its distinct counter
/// produced them (``DistinctCounter/copyDistinct(to:)``): distinct, unsorted. Verifying a pair
/// by merging sorted runs (``ShingleFingerprints/intersectionCount(_:_:)``) first needs both
/// runs sorted, and sorting a candidate document cost several times the merge; the table
/// needs no sort at all. The result is the same integer, so the Jaccard similarity computed
/// from it (``jaccard(_:_:)``) is the same `Double`, bit for bit, as
/// ``ShingleFingerprints/jaccard(_:_:)`` on the sorted runs.
///
/// The table is at most a quarter full (a miss looks at about 1.4 slots). Fingerprints are
/// uniformly random 64-bit shingle hashes, so their low bits index it directly, as in
/// ``DistinctCounter``; 0, the empty-slot mark, is kept out of the table and handled apart.
///
/// One value per thread: it reuses its table, so counting allocates nothing after the table
/// has grown to the largest set seen.
struct FingerprintIntersection {
    private var table: GrowableBuffer<UInt64>

    init() {
        table = GrowableBuffer(capacity: 4096)
        table.base.initialize(repeating: 0, count: table.capacity)
    }

    func free() { table.free() }

    /// |A ∩ B| of two sets given as runs of distinct fingerprints, in any order.
    ///
    /// - Precondition: neither run repeats a value (each is a set, as the sketcher writes it).
    /// - Complexity: O(|A| + |B|) expected: one insertion and one removal per value of the
    ///   smaller set, one look-up per value of the larger.
    mutating func count(_ a: ShingleFingerprints.Run, _ b: ShingleFingerprints.Run) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        guard small.count > 0 else { return 0 }
        let slots = max(64, (small.count &* 4).nextPowerOfTwo)
        if slots > table.capacity {
            table.free()
            table = GrowableBuffer(capacity: slots)
            table.base.initialize(repeating: 0, count: slots)
        }
        let slotsBase = table.base
        let mask = slots &- 1
        var smallHasZero = false
        for i in 0..<small.count {
            let value = small[i]
            if value == 0 { smallHasZero = true; continue }
            var slot = Int(truncatingIfNeeded: value) & mask
            while slotsBase[slot] != 0 { slot = (slot &+ 1) & mask }
            slotsBase[slot] = value
        }
        var shared = 0
        for j in 0..<large.count {
            let value = large[j]
            if value == 0 {
                shared &+= smallHasZero ? 1 : 0
                continue
            }
            var slot = Int(truncatingIfNeeded: value) & mask
            while true {
                let present = slotsBase[slot]
                if present == value { shared &+= 1; break }
                if present == 0 { break }
                slot = (slot &+ 1) & mask
            }
        }
        // Empty the table again. The walk from a value's home slot goes on past slots already
        // emptied (it stops only at the value itself, which is there), so the order of the
        // removals does not matter.
        for i in 0..<small.count {
            let value = small[i]
            if value == 0 { continue }
            var slot = Int(truncatingIfNeeded: value) & mask
            while slotsBase[slot] != value { slot = (slot &+ 1) & mask }
            slotsBase[slot] = 0
        }
        return shared
    }

    /// Exact Jaccard |A ∩ B| / |A ∪ B| of two repeat-free runs; 0 when either is empty. The
    /// same formula, hence the same value, as ``ShingleFingerprints/jaccard(_:_:)``.
    ///
    /// - Complexity: as ``count(_:_:)``.
    mutating func jaccard(_ a: ShingleFingerprints.Run, _ b: ShingleFingerprints.Run) -> Double {
        guard a.count > 0 && b.count > 0 else { return 0 }
        let shared = count(a, b)
        return Double(shared) / Double(a.count + b.count - shared)
    }
}

extension Int {
    /// The least power of two at or above `self` (1 for values up to 1).
    fileprivate var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 &<< (Int.bitWidth &- (self &- 1).leadingZeroBitCount)
    }
}
