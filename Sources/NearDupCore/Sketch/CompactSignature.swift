/// The compact signature the dedup pipeline and the index keep of a document: one 32-bit value
/// per MinHash slot (half the memory of the 64-bit values), from which band keys and the
/// estimate are computed, and its stored layout in the scratch file and the index file.
package enum CompactSignature {
    /// Bytes a compact signature of k values takes in the scratch file and in an index record:
    /// 4·k, padded to 8 so that the 64-bit fingerprints after it stay aligned.
    @inline(__always)
    package static func storedBytes(k: Int) -> Int { 4 * ((k + 1) & ~1) }

    /// The compact (32-bit) value of signature slot `slot` holding the 64-bit MinHash `value`:
    /// the high half of a full-avalanche mix of the value and the slot. Mixing per slot makes
    /// slots that hold the same value (a one-shingle document has the same hash in every slot)
    /// collide independently: a single 32-bit collision moves the estimate by 1/k instead of
    /// making two unrelated documents equal in every slot and every band.
    ///
    /// - Complexity: O(1), a few multiplies.
    @inline(__always)
    static func value(_ value: UInt64, slot: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: Mixing.fmix64(value ^ (UInt64(slot) &* 0x9E37_79B9_7F4A_7C15)) >> 32)
    }

    /// The MinHash estimate from two compact signatures: the share of equal slots.
    ///
    /// - Complexity: O(k).
    package static func estimate(_ a: UnsafePointer<UInt32>, _ b: UnsafePointer<UInt32>, count k: Int) -> Double {
        var equal = 0
        for i in 0..<k { equal &+= a[i] == b[i] ? 1 : 0 }
        return Double(equal) / Double(k)
    }
}
