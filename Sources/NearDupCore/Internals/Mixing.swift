/// Small integer mixers with fixed constants, so every platform computes the same values.
package enum Mixing {
    /// SplitMix64's output function (Steele, Lea & Flood 2014): a bijective 64-bit finaliser.
    @inline(__always)
    static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// MurmurHash3's fmix64: a bijective 64-bit finaliser with full avalanche.
    @inlinable @inline(__always)
    package static func fmix64(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}
