import NearDupCore

/// Counts the shared fingerprints of two repeat-free fingerprint sets without sorting either:
/// one set is loaded into an open-addressing table (``load(_:)``), the other looked up in it
/// (``count(against:)``). A loaded set serves any number of look-ups: the dedup pipeline's
/// candidate pairs come sorted by their first document, so each first document is loaded once
/// for all of its pairs.
///
/// The dedup pipeline keeps each document's fingerprints in the order its distinct counter
/// produced them (``DistinctCounter/copyDistinct(to:)``): distinct, unsorted. Verifying a pair
/// by merging sorted runs (``ShingleFingerprints/intersectionCount(_:_:)``) first needs both
/// runs sorted, and sorting a candidate document cost several times the merge; the table
/// needs no sort at all. The result is the same integer, so the Jaccard similarity computed
/// from it (``jaccard(against:)``) is the same `Double`, bit for bit, as
/// ``ShingleFingerprints/jaccard(_:_:)`` on the sorted runs.
///
/// The table is at most a quarter full (a miss looks at about 1.4 slots). Fingerprints are
/// uniformly random 64-bit shingle hashes, so their low bits index it directly, as in
/// ``DistinctCounter``; 0, the empty-slot mark, is kept out of the table and handled apart.
///
/// One value per thread: it reuses its table, so counting allocates nothing after the table
/// has grown to the largest set loaded.
struct FingerprintIntersection {
    private var table: GrowableBuffer<UInt64>
    /// The slots the loaded set fills, to empty them again without visiting the others.
    private var filled: GrowableBuffer<Int>
    /// Slots in use for the loaded set (a power of two), 0 when none is loaded.
    private var slots = 0
    /// Whether the loaded set holds the fingerprint 0 (kept out of the table).
    private var loadedHasZero = false
    /// The size of the loaded set.
    private(set) var loadedCount = 0

    init() {
        table = GrowableBuffer(capacity: 4096)
        table.base.initialize(repeating: 0, count: table.capacity)
        filled = GrowableBuffer(capacity: 1024)
    }

    func free() {
        table.free()
        filled.free()
    }

    /// Makes `a` the loaded set, against which ``count(against:)`` counts. The previous set's
    /// slots are emptied first, only those it filled (a `memset` of the whole table costs
    /// several times more on these sizes, about 4 slots a value).
    ///
    /// - Precondition: `a` repeats no value (a set, as the sketcher writes it).
    /// - Complexity: O(|A|) expected, plus O(|previous A|) to clear.
    mutating func load(_ a: ShingleFingerprints.Run) {
        for i in 0..<(loadedCount &- (loadedHasZero ? 1 : 0)) { table.base[filled.base[i]] = 0 }
        slots = max(64, (a.count &* 4).nextPowerOfTwo)
        if slots > table.capacity {
            table.free()
            table = GrowableBuffer(capacity: slots)
            table.base.initialize(repeating: 0, count: slots)
        }
        filled.reserve(a.count, keeping: 0)
        loadedCount = a.count
        loadedHasZero = false
        let slotsBase = table.base, filledBase = filled.base
        let mask = slots &- 1
        var stored = 0
        for i in 0..<a.count {
            let value = a[i]
            if value == 0 { loadedHasZero = true; continue }
            var slot = Int(truncatingIfNeeded: value) & mask
            while slotsBase[slot] != 0 { slot = (slot &+ 1) & mask }
            slotsBase[slot] = value
            filledBase[stored] = slot
            stored &+= 1
        }
    }

    /// |A ∩ B| for the loaded set A.
    ///
    /// - Precondition: `b` repeats no value.
    /// - Complexity: O(|B|) expected: one look-up a value.
    func count(against b: ShingleFingerprints.Run) -> Int {
        guard loadedCount > 0 else { return 0 }
        let slotsBase = table.base
        let mask = slots &- 1
        var shared = 0
        for j in 0..<b.count {
            let value = b[j]
            if value == 0 {
                shared &+= loadedHasZero ? 1 : 0
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
        return shared
    }

    /// Exact Jaccard |A ∩ B| / |A ∪ B| of the loaded set A and `b`; 0 when either is empty.
    /// The same formula, hence the same value, as ``ShingleFingerprints/jaccard(_:_:)``.
    ///
    /// - Complexity: as ``count(against:)``.
    func jaccard(against b: ShingleFingerprints.Run) -> Double {
        guard loadedCount > 0 && b.count > 0 else { return 0 }
        let shared = count(against: b)
        return Double(shared) / Double(loadedCount + b.count - shared)
    }

    /// |A ∩ B| of two sets (loads `a`).
    ///
    /// - Complexity: O(|A| + |B|) expected.
    mutating func count(_ a: ShingleFingerprints.Run, _ b: ShingleFingerprints.Run) -> Int {
        load(a)
        return count(against: b)
    }
}

extension Int {
    /// The least power of two at or above `self` (1 for values up to 1).
    fileprivate var nextPowerOfTwo: Int {
        self <= 1 ? 1 : 1 &<< (Int.bitWidth &- (self &- 1).leadingZeroBitCount)
    }
}
