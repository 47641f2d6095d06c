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
    private var used: GrowableBuffer<Int>
    private var mask: Int
    private(set) var count = 0
    /// The wrapping sum and the xor of every distinct hash counted since the last reset: the
    /// same for two equal sets whatever the order and repeats of their elements. The hashes
    /// are uniformly random (XXH3 of shingles), so two different sets of the same size agree
    /// on both with probability about 2⁻⁶⁴. Two instructions a new hash, not a mix.
    private var sum: UInt64 = 0
    private var xor: UInt64 = 0

    /// An order-independent 64-bit hash of the set counted since the last reset.
    var setHash: UInt64 { Mixing.fmix64(sum ^ Mixing.fmix64(xor)) }

    init() {
        table = GrowableBuffer(capacity: 2048)
        table.base.initialize(repeating: 0, count: table.capacity)
        mask = table.capacity - 1
        used = GrowableBuffer(capacity: 1024)
    }

    func free() {
        table.free()
        used.free()
    }

    /// Adds `hash`; returns whether it was new.
    @inline(__always)
    mutating func insert(_ hash: UInt64) {
        let key = hash == 0 ? 1 : hash  // 0 marks an empty slot
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let present = table.base[slot]
            if present == key { return }
            if present == 0 { break }
            slot = (slot &+ 1) & mask
        }
        table.base[slot] = key
        sum &+= key
        xor ^= key
        used.reserve(count + 1, keeping: count)
        used.base[count] = slot
        count += 1
        if count * 2 > mask { rehash() }
    }

    /// Empties the counter, touching only filled slots.
    mutating func reset() {
        for i in 0..<count { table.base[used.base[i]] = 0 }
        count = 0
        sum = 0
        xor = 0
    }

    @inline(never)
    private mutating func rehash() {
        var keys = [UInt64]()
        keys.reserveCapacity(count)
        for i in 0..<count { keys.append(table.base[used.base[i]]) }
        let newCapacity = table.capacity * 4
        table.free()
        table = GrowableBuffer(capacity: newCapacity)
        table.base.initialize(repeating: 0, count: newCapacity)
        mask = newCapacity - 1
        count = 0
        sum = 0
        xor = 0
        for key in keys { insert(key) }
    }
}
