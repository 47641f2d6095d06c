@testable import NearDup
import Testing

@Suite("Shingle fingerprints")
struct ShingleFingerprintsTests {
    @Test("sortUnique sorts and removes repeats, for small and radix-sized inputs", arguments: [0, 1, 5, 63, 64, 1000, 20_000])
    func sortUnique(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        var values = (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next()) | (rng.next() & 1 == 0 ? 0 : 0) }
        values += values.prefix(count / 3)  // repeats
        let expected = Array(Set(values)).sorted()
        let unique = values.withUnsafeMutableBufferPointer {
            ShingleFingerprints.sortUnique($0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, count: $0.count)
        }
        #expect(Array(values.prefix(unique)) == expected)
    }

    @Test("exact Jaccard on fingerprints equals ShingleSet's on real text")
    func matchesShingleSet() {
        let a = "the council approved the budget on monday after a long debate about schools and roads in the north"
        let b = "the council approved the budget on friday after a long debate about schools and roads in the south"
        let sa = ShingleSet(text: a, shingling: .words(3)), sb = ShingleSet(text: b, shingling: .words(3))
        var fa = sa.hashes.map(ShingleFingerprints.fingerprint), fb = sb.hashes.map(ShingleFingerprints.fingerprint)
        let na = fa.withUnsafeMutableBufferPointer { ShingleFingerprints.sortUnique($0.baseAddress!, count: $0.count) }
        let nb = fb.withUnsafeMutableBufferPointer { ShingleFingerprints.sortUnique($0.baseAddress!, count: $0.count) }
        let j = fa.withUnsafeBufferPointer { x in
            fb.withUnsafeBufferPointer { y in
                ShingleFingerprints.jaccard(UnsafeBufferPointer(rebasing: x[0..<na]), UnsafeBufferPointer(rebasing: y[0..<nb]))
            }
        }
        #expect(j == sa.jaccard(sb))
    }
}
