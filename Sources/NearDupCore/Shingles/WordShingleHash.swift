/// How n word hashes become one word-shingle hash (signature format 2).
///
/// A window of words with hashes w₀ … w₍ₘ₋₁₎ (text order) is first reduced to the polynomial
///
///     P = w₀·Bᵐ⁻¹ + w₁·Bᵐ⁻² + … + w₍ₘ₋₁₎   (mod 2⁶⁴),   B = 0x9E37_79B9_7F4A_7C15 (odd)
///
/// and the shingle hash is `fmix64(P ^ seed)` (MurmurHash3's bijective finaliser, so the bits
/// that pick a MinHash bin depend on every word). Sliding the window one word costs two
/// multiplications whatever n is: P′ = P·B + w_new − w_old·Bⁿ (``RollingWordShingleHash``).
/// Format 1 hashed the n little-endian word hashes again with XXH3 (about 70 instructions a
/// shingle against about 15 here).
///
/// **Collisions.** Treat the word hashes (XXH3-64 of each distinct normalised word) as
/// independent uniform 64-bit values. Two different windows collide only if their P are equal
/// (fmix64 is a bijection). Their difference is Σₓ aₓ·h(x) over the distinct words x, where aₓ
/// is a sum of ±Bᵏ over the positions k at which x stands in one window but not the other: a
/// signed combination with coefficients in {−1, 0, 1} of 1, B, …, Bⁿ⁻¹, and not all zero for
/// a word at a position where the windows differ. For such an aₓ with v trailing zero bits,
/// aₓ·h(x) is uniform over the multiples of 2ᵛ, so the two windows collide with probability
/// 2ᵛ⁻⁶⁴. Enumerating all 3ⁿ − 1 combinations (`WordShingleHashTests`) gives v ≤ 7 for n = 5
/// and v ≤ 12 for every n ≤ 8: at most 2⁻⁵⁷ per pair of distinct 5-word shingles (2⁻⁵² up to
/// n = 8), and exactly 2⁻⁶⁴ when the two windows differ in a word that stands in only one
/// position (aₓ = ±Bᵏ is odd) — the usual case. A document of 10⁵ distinct shingles has about
/// 5·10⁹ pairs: expected collisions below 10⁻⁸. For n > 8 the combinations were not enumerated.
enum WordShingleHash {
    /// The polynomial's base: the 64-bit golden ratio, odd.
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The shingle hash of a polynomial value.
    @inline(__always)
    static func finish(_ polynomial: UInt64, seed: UInt64) -> UInt64 {
        Mixing.fmix64(polynomial ^ seed)
    }

    /// The shingle hash of `count` word hashes in text order, by the direct formula (Horner).
    ///
    /// - Complexity: O(count).
    @inline(__always)
    static func hash(of words: UnsafePointer<UInt64>, count: Int, seed: UInt64) -> UInt64 {
        var polynomial: UInt64 = 0
        for i in 0..<count { polynomial = polynomial &* base &+ words[i] }
        return finish(polynomial, seed: seed)
    }

    /// Bⁿ, the factor of the word that leaves a window of n words.
    static func leavingFactor(size: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<size { power &*= base }
        return power
    }
}

/// The polynomial of ``WordShingleHash`` over the last n words, updated in O(1) per word.
struct RollingWordShingleHash {
    /// Bⁿ.
    let leavingFactor: UInt64
    /// The polynomial of the last min(words, n) word hashes.
    private(set) var polynomial: UInt64 = 0

    init(size: Int) {
        leavingFactor = WordShingleHash.leavingFactor(size: size)
    }

    /// Appends a word; `leaving` is the hash of the word n places back, 0 while fewer than n
    /// words came before.
    @inline(__always)
    mutating func append(_ word: UInt64, leaving: UInt64) {
        polynomial = polynomial &* WordShingleHash.base &+ word &- leaving &* leavingFactor
    }
}
