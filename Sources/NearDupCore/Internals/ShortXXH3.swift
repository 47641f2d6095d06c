/// XXH3-64 with a fixed seed, written out in Swift for inputs of up to 16 bytes (most words)
/// so that it inlines into the shingling loop, and handed to the C library for longer ones.
/// The values are XXH3's own, bit for bit (xxHash 0.8's `XXH3_len_0to16_64b` with the default
/// secret; `XXHashTests` compares every length from 0 to 40 with the library): this is a
/// faster call, not another hash.
///
/// Through the library, a word of 4 to 8 bytes cost about 45 instructions (a call into the
/// shim, length dispatch, a second call); here it is about 15. The seed-dependent keys are
/// computed once per seed.
struct ShortXXH3 {
    let seed: UInt64
    private let flip1to3: UInt64
    private let flip4to8: UInt64
    private let flip9to16Low: UInt64
    private let flip9to16High: UInt64
    private let empty: UInt64

    // The first 72 bytes of XXH3's default secret (XXH3_kSecret), read little-endian.
    private static let secret0: UInt32 = 0x396C_FEB8
    private static let secret4: UInt32 = 0xBE4B_A423
    private static let secret8: UInt64 = 0x1CAD_21F7_2C81_017C
    private static let secret16: UInt64 = 0xDB97_9083_E96D_D4DE
    private static let secret24: UInt64 = 0x1F67_B3B7_A4A4_4072
    private static let secret32: UInt64 = 0x78E5_C0CC_4EE6_79CB
    private static let secret40: UInt64 = 0x2172_FFCC_7DD0_5A82
    private static let secret48: UInt64 = 0x8E24_43F7_7446_08B8
    private static let secret56: UInt64 = 0x4C26_3A81_E690_35E0
    private static let secret64: UInt64 = 0xCB00_C391_BB52_283C

    init(seed: UInt64) {
        self.seed = seed
        flip1to3 = UInt64(Self.secret0 ^ Self.secret4) &+ seed
        let seed4to8 = seed ^ (UInt64(UInt32(truncatingIfNeeded: seed).byteSwapped) << 32)
        flip4to8 = (Self.secret8 ^ Self.secret16) &- seed4to8
        flip9to16Low = (Self.secret24 ^ Self.secret32) &+ seed
        flip9to16High = (Self.secret40 ^ Self.secret48) &- seed
        empty = Self.xxh64Avalanche(seed ^ (Self.secret56 ^ Self.secret64))
    }

    /// XXH3-64 of `count` bytes at `bytes` with this seed.
    ///
    /// - Complexity: O(count); O(1) and inlined up to 16 bytes.
    @inline(__always)
    func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        if count > 8 {
            guard count <= 16 else { return CBoundary.xxh3(bytes, count, seed: seed) }
            let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) ^ flip9to16Low
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) ^ flip9to16High
            let product = low.multipliedFullWidth(by: high)
            let accumulator = UInt64(truncatingIfNeeded: count) &+ low.byteSwapped &+ high
                &+ (product.low ^ product.high)
            return Self.xxh3Avalanche(accumulator)
        }
        if count >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
            return Self.rrmxmx((last &+ (first &<< 32)) ^ flip4to8, UInt64(truncatingIfNeeded: count))
        }
        guard count > 0 else { return empty }
        let c1 = UInt32(bytes[0]), c2 = UInt32(bytes[count &>> 1]), c3 = UInt32(bytes[count &- 1])
        let combined = (c1 &<< 16) | (c2 &<< 24) | c3 | (UInt32(truncatingIfNeeded: count) &<< 8)
        return Self.xxh64Avalanche(UInt64(combined) ^ flip1to3)
    }

    @inline(__always)
    private static func xxh64Avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h &>> 33
        h &*= 0xC2B2_AE3D_27D4_EB4F
        h ^= h &>> 29
        h &*= 0x1656_67B1_9E37_79F9
        return h ^ (h &>> 32)
    }

    @inline(__always)
    private static func xxh3Avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h &>> 37
        h &*= 0x1656_6791_9E37_79F9
        return h ^ (h &>> 32)
    }

    @inline(__always)
    private static func rrmxmx(_ value: UInt64, _ length: UInt64) -> UInt64 {
        var h = value
        h ^= h.rotatedLeft(49) ^ h.rotatedLeft(24)
        h &*= 0x9FB2_1C65_1E98_DF25
        h ^= (h &>> 35) &+ length
        h &*= 0x9FB2_1C65_1E98_DF25
        return h ^ (h &>> 28)
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self &<< count) | (self &>> (64 &- count))
    }
}
