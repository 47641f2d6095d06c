import NearDup
@testable import NearDupCore
import Testing

@Suite("Shingle fingerprints")
struct ShingleFingerprintsTests {
    @Test("sort orders distinct values, uniform or all in one bucket", arguments: [0, 1, 2, 5, 64, 1000, 20_000])
    func bucketSort(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 77)
        let uniform = Array(Set((0..<count).map { _ in rng.next() }))
        // Values sharing their top 40 bits: every one in the same bucket, so the insertion sort
        // gives up and the fallback sort must finish the job.
        let clustered = Array(Set((0..<count).map { _ in 0xABCD_EF12_3400_0000 | (rng.next() & 0xFF_FFFF) }))
        var counts = GrowableBuffer<Int>(capacity: 16)
        defer { counts.free() }
        for values in [uniform, clustered] {
            var sorted = [UInt64](repeating: 0, count: values.count)
            values.withUnsafeBufferPointer { source in
                sorted.withUnsafeMutableBufferPointer { destination in
                    ShingleFingerprints.sort(
                        source.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: source.count,
                        into: destination.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, counts: &counts)
                }
            }
            #expect(sorted == values.sorted())
        }
    }

    @Test("the sketcher's fingerprints are the text's shingle set, sorted")
    func sketcherFingerprintsAreTheShingleSet() {
        let text = "the council approved the budget on monday after a long debate about the budget on monday"
        let hasher = MinHasher(MinHashConfiguration(permutations: 16, shingling: .words(3)))
        let sketcher = DocumentSketcher(hasher: hasher, lsh: LSHParameters(bands: 4, rows: 4), keepsFingerprints: true)
        sketcher.sketch(text, sortingFingerprints: true)
        #expect(Array(sketcher.fingerprints) == ShingleSet(text: text, shingling: .words(3)).hashes)
        #expect(sketcher.setSize == sketcher.fingerprints.count)
        sketcher.sketch(text, sortingFingerprints: false)
        #expect(Array(sketcher.fingerprints).sorted() == ShingleSet(text: text, shingling: .words(3)).hashes)
    }

    @Test("exact Jaccard on fingerprints equals ShingleSet's on real text")
    func matchesShingleSet() {
        let a = "the council approved the budget on monday after a long debate about schools and roads in the north"
        let b = "the council approved the budget on friday after a long debate about schools and roads in the south"
        let sa = ShingleSet(text: a, shingling: .words(3)), sb = ShingleSet(text: b, shingling: .words(3))
        #expect(Self.jaccard(sa.hashes, sb.hashes) == sa.jaccard(sb))
    }

    /// Two sets whose hashes differ only in their high 32 bits: fingerprints of the low 32 bits
    /// (before issue 12) called them equal; the 64-bit fingerprints do not.
    @Test("fingerprints are the full 64-bit shingle hashes")
    func highBitsCount() {
        let a: [UInt64] = [0x0000_0001_DEAD_BEEF], b: [UInt64] = [0x0000_0002_DEAD_BEEF]
        #expect(Self.jaccard(a, b) == 0)
        let many = (0..<200).map { UInt64($0) << 40 | 7 }
        #expect(Self.jaccard(many, many.map { $0 | 1 << 35 }) == 0)
        #expect(Self.jaccard(many, many) == 1)
    }

    /// A one-shingle document has its hash in every slot; the compact values of two such
    /// documents whose hashes share their low 32 bits must still differ almost everywhere.
    @Test("compact values of equal low halves differ per slot")
    func compactValuesMixTheSlot() {
        let x: UInt64 = 0x1234_5678_9ABC_DEF0, y: UInt64 = 0xFEDC_BA98_9ABC_DEF0
        let equal = (0..<128).filter { CompactSignature.value(x, slot: $0) == CompactSignature.value(y, slot: $0) }
        #expect(equal.count <= 1)
        #expect(Set((0..<128).map { CompactSignature.value(x, slot: $0) }).count > 120)
    }

    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        let fa = Array(Set(a)).sorted(), fb = Array(Set(b)).sorted()
        return fa.withUnsafeBufferPointer { x in
            fb.withUnsafeBufferPointer { y in ShingleFingerprints.jaccard(.init(x), .init(y)) }
        }
    }
}
