import Testing
import NearDup
@testable import NearDupCore

/// The linked xxHash must give the reference implementation's values (from `xxhsum -H3` and
/// `xxhsum -H64` of Debian's xxhash 0.8.1, and python-xxhash for seeded XXH3).
@Suite struct XXHashTests {
    static let vectors: [(input: String, seed: UInt64, xxh3: UInt64)] = [
        ("", 0, 0x2D06_8005_38D3_94C2),
        ("hello", 0, 0x9555_E855_5C62_DCFD),
        ("The quick brown fox jumps over the lazy dog", 0, 0xCE7D_19A5_418F_B365),
        ("hello", 42, 0xBAFA_072F_07DB_7937),
        ("The quick brown fox jumps over the lazy dog", 42, 0xB4A3_F3C3_6B3C_7D26),
        ("café", 42, 0xAE7D_AC8A_4C2E_F646),
    ]

    @Test(arguments: 0..<vectors.count)
    func xxh3MatchesReference(_ index: Int) {
        let vector = Self.vectors[index]
        let bytes = Array(vector.input.utf8)
        let hash = bytes.withUnsafeBytes { CBoundary.xxh3($0.baseAddress, $0.count, seed: vector.seed) }
        #expect(hash == vector.xxh3)
    }

    /// The Swift short-input XXH3 (``ShortXXH3``) gives the library's values: every length from
    /// 0 to 40 (the inlined paths end at 16), random bytes, several seeds (0, 1, large ones).
    @Test func shortXXH3MatchesTheLibrary() {
        var random = SplitMix64(seed: 3)
        for seed: UInt64 in [0, 1, 42, 0xFFFF_FFFF_FFFF_FFFF, 0x1234_5678_9ABC_DEF0] {
            let hasher = ShortXXH3(seed: seed)
            for count in 0...40 {
                for _ in 0..<50 {
                    let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    bytes.withUnsafeBufferPointer { buffer in
                        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
                        #expect(hasher.hash(base, count) == CBoundary.xxh3(base, count, seed: seed), "\(count) bytes, seed \(seed)")
                    }
                }
            }
        }
    }

    @Test func xxh64MatchesReference() {
        let empty = [UInt8]()
        #expect(empty.withUnsafeBytes { CBoundary.xxh64($0.baseAddress, 0, seed: 0) } == 0xEF46_DB37_51D8_E999)
        let hello = Array("hello".utf8)
        #expect(hello.withUnsafeBytes { CBoundary.xxh64($0.baseAddress, $0.count, seed: 0) } == 0x26C7_827D_889F_6DA3)
    }

    @Test func tokenHashIsXXH3OfTheNormalisedWord() {
        let tokens = Tokenizer(seed: 42).tokens(in: "HELLO Café")
        #expect(tokens.map(\.hash) == [0xBAFA_072F_07DB_7937, 0xAE7D_AC8A_4C2E_F646])
    }

    @Test func libraryVersionIsAtLeast08() {
        #expect(CBoundary.xxhashVersion >= 800)
    }
}
