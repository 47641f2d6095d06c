import Testing
import NearDup

/// The hot path documents valid UTF-8 as a precondition, but a caller's mistake must not crash
/// it: random bytes (invalid UTF-8, NULs, truncated sequences) are signed without trapping, and
/// deterministically.
@Suite struct RobustnessTests {
    @Test func randomBytesNeverCrashTheSigningPath() {
        var rng = SplitMix64(seed: 2024)
        for shingling in [Shingling.words(5), .characters(4)] {
            let hasher = MinHasher(MinHashConfiguration(permutations: 16, shingling: shingling))
            let workspace = hasher.makeWorkspace()
            var values = [UInt64](repeating: 0, count: 16)
            for _ in 0..<2_000 {
                let length = Int(rng.next() % 200)
                // Bias towards bytes that start or continue multi-byte sequences.
                let bytes = (0..<length).map { _ -> UInt8 in
                    let r = rng.next()
                    return r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) : UInt8(0x80 | (r >> 16) % 0x80)
                }
                let first = bytes.withUnsafeBufferPointer { utf8 in
                    values.withUnsafeMutableBufferPointer { hasher.sign(utf8: utf8, into: $0, using: workspace) }
                }
                let again = bytes.withUnsafeBufferPointer { utf8 in
                    values.withUnsafeMutableBufferPointer { hasher.sign(utf8: utf8, into: $0, using: workspace) }
                }
                #expect(first == again)
            }
        }
    }

    @Test func enormousWordAndDocument() {
        // One 2 MB "word" (no separator) and a 2 MB document of short words.
        let word = String(repeating: "a", count: 2 << 20)
        #expect(ShingleSet(text: word).count == 1)
        let text = String(repeating: "ab cd ", count: 350_000)
        #expect(ShingleSet(text: text, shingling: .words(2)).count == 2)
        #expect(MinHasher().signature(for: text).setSize == 2)
    }
}
