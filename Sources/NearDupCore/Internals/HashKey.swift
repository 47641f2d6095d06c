/// A 64-bit hash (of a word n-gram, a stem, a term) as the key of a `Set` or `Dictionary`.
///
/// `UInt64`'s own `Hashable` runs SipHash-1-3 on every probe: some 100 instructions, for a
/// value that is already a uniform hash. A `HashKey` places itself in a table with MurmurHash3's
/// finaliser of the value and the table's per-instance seed: about 10 instructions, and still
/// unpredictable from outside the process (the seed is random per run and per table), so a
/// crafted input cannot flood a table. Equality is the value's: a table of `HashKey`s holds
/// exactly what a table of the `UInt64`s would, in another order (which no result depends on:
/// Swift's own table order already changes from run to run).
package struct HashKey: Hashable, Comparable, Sendable {
    /// The hash.
    @usableFromInline package let value: UInt64

    /// Wraps a hash.
    @inlinable @inline(__always)
    package init(_ value: UInt64) { self.value = value }

    /// The table position of a uniform 64-bit value under a table's seed (what `Set` and
    /// `Dictionary` call; every type keyed by a uniform hash can share it).
    @inlinable @inline(__always)
    package static func tableHash(_ value: UInt64, seed: Int) -> Int {
        Int(truncatingIfNeeded: Mixing.fmix64(value ^ UInt64(UInt(bitPattern: seed))))
    }

    /// - Complexity: O(1), a few multiplications (no SipHash).
    @inlinable @inline(__always)
    package func _rawHashValue(seed: Int) -> Int { Self.tableHash(value, seed: seed) }

    /// For `hashValue` and `AnyHashable`; tables use ``_rawHashValue(seed:)``.
    @inlinable
    package func hash(into hasher: inout Hasher) { hasher.combine(value) }

    @inlinable
    package static func == (a: HashKey, b: HashKey) -> Bool { a.value == b.value }

    @inlinable
    package static func < (a: HashKey, b: HashKey) -> Bool { a.value < b.value }
}
