/// Counts distinct 64-bit hashes exactly with a reusable open-addressing table. The keys are
/// already uniformly random, so their low bits index the table directly.
///
/// It also keeps ``setHash``, an order-independent hash of the set of distinct hashes, so that
/// identical sets (exact copies) are recognised from one number per document.
///
/// Clearing touches only the slots that were filled, so a small document after a huge one
/// costs no more than a small document. Allocation-free after warm-up.
struct DistinctCounter {
    private var table: GrowableBuffer<UInt64>
    /// The filled slots in insertion order; room for `limit + 1` of them, as many as the table
    /// holds before it grows, so inserting never checks its capacity.
    private var used: GrowableBuffer<Int>
    private var mask: Int
    /// The table grows when it holds more than this many hashes (half its slots).
    private var limit: Int
    /// Distinct non-zero hashes, all in the table.
    private var tableCount = 0
    /// Whether the hash 0 (which marks an empty slot, so it is kept out of the table) was seen.
    private var containsZero = false
    /// The number of distinct hashes counted since the last reset.
    var count: Int { tableCount &+ (containsZero ? 1 : 0) }
    /// The wrapping sum and the xor of every distinct hash counted since the last reset: the
    /// same for two equal sets whatever the order and repeats of their elements. The hashes
    /// are uniformly random (shingle hashes), so two different sets of the same size agree
    /// on both with probability about 2⁻⁶⁴. Two instructions a new hash, not a mix.
    private var sum: UInt64 = 0
    private var xor: UInt64 = 0

    /// An order-independent 64-bit hash of the set counted since the last reset.
    var setHash: UInt64 { Mixing.fmix64(sum ^ Mixing.fmix64(xor)) }

    init() {
        table = GrowableBuffer(capacity: 2048)
        table.base.initialize(repeating: 0, count: table.capacity)
        mask = table.capacity - 1
        limit = mask / 2
        used = GrowableBuffer(capacity: limit + 1)
    }

    func free() {
        table.free()
        used.free()
    }

    /// Adds `hash`.
    ///
    /// - Complexity: O(1) expected (the table is at most half full); amortised O(1) growth.
    @inline(__always)
    mutating func insert(_ hash: UInt64) {
        guard hash != 0 else {
            containsZero = true  // adds nothing to the sum and the xor
            return
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let present = table.base[slot]
            if present == hash { return }
            if present == 0 { break }
            slot = (slot &+ 1) & mask
        }
        table.base[slot] = hash
        sum &+= hash
        xor ^= hash
        used.base[tableCount] = slot
        tableCount &+= 1
        if tableCount > limit { rehash() }
    }

    /// Writes the distinct hashes counted since the last reset (``count`` of them, in no
    /// particular order) to `destination`.
    ///
    /// - Complexity: O(count).
    func copyDistinct(to destination: UnsafeMutablePointer<UInt64>) {
        for i in 0..<tableCount { destination[i] = table.base[used.base[i]] }
        if containsZero { destination[tableCount] = 0 }
    }

    /// Empties the counter, touching only filled slots.
    mutating func reset() {
        for i in 0..<tableCount { table.base[used.base[i]] = 0 }
        tableCount = 0
        containsZero = false
        sum = 0
        xor = 0
    }

    @inline(never)
    private mutating func rehash() {
        var keys = [UInt64]()
        keys.reserveCapacity(tableCount)
        for i in 0..<tableCount { keys.append(table.base[used.base[i]]) }
        let newCapacity = table.capacity * 4
        table.free()
        table = GrowableBuffer(capacity: newCapacity)
        table.base.initialize(repeating: 0, count: newCapacity)
        mask = newCapacity - 1
        limit = mask / 2
        used.free()
        used = GrowableBuffer(capacity: limit + 1)
        tableCount = 0
        sum = 0
        xor = 0
        for key in keys { insert(key) }
    }
}
