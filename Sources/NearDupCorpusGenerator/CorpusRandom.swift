/// The generator's pseudo-random numbers: xoshiro256** seeded through SplitMix64.
///
/// Both algorithms are fixed here, and so is every derived draw (``next(below:)``,
/// ``nextUnit()``), so a seed gives the same corpus on every platform and Swift version.
/// (The standard library's `Int.random(in:using:)` makes no such promise.)
public struct CorpusRandom: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator for `seed`, its state filled by SplitMix64 (never all zero).
    ///
    /// - Parameter seed: any 64-bit seed.
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix64(&mixer)
        s1 = Self.splitMix64(&mixer)
        s2 = Self.splitMix64(&mixer)
        s3 = Self.splitMix64(&mixer)
    }

    /// A generator for one of many independent streams of `seed` (for example one per document).
    ///
    /// - Parameters:
    ///   - seed: the corpus seed.
    ///   - stream: the stream's number (a document's position, say).
    ///   - substream: a second number within the stream.
    public init(seed: UInt64, stream: UInt64, substream: UInt64 = 0) {
        var mixer = seed ^ 0x6A09_E667_F3BC_C908
        let a = Self.splitMix64(&mixer)
        var s = a ^ Self.mix(stream &* 0x9E37_79B9_7F4A_7C15) ^ Self.mix(substream &+ 0xBB67_AE85_84CA_A73B)
        self.init(seed: Self.splitMix64(&s))
    }

    /// The next 64 random bits.
    ///
    /// - Returns: 64 bits of xoshiro256** output.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A number in `0..<bound` (Lemire's multiply-shift; the bias, below bound / 2^64, is
    /// irrelevant for a test corpus).
    ///
    /// - Parameter bound: the exclusive upper bound.
    /// - Returns: a number in `0..<bound`.
    /// - Precondition: `bound > 0`.
    @inline(__always)
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    ///
    /// - Parameter range: the numbers to draw from, uniformly.
    /// - Returns: a number in `range`.
    @inline(__always)
    public mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + next(below: range.upperBound - range.lowerBound + 1)
    }

    /// A number in [0, 1) with 53 random bits.
    ///
    /// - Returns: a number in [0, 1).
    @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    ///
    /// - Parameter p: the probability, 0...1.
    /// - Returns: `true` with probability `p`.
    @inline(__always)
    public mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// One step of SplitMix64.
    @inline(__always)
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix(state)
    }

    /// SplitMix64's finaliser: a bijective 64-bit mix.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
