import Testing
@testable import NearDup

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
