import NearDup
@testable import NearDupCore
@testable import NearDupIndex
import Testing

@Suite("Fingerprint intersection")
struct FingerprintIntersectionTests {
    /// Two distinct random sets sharing `shared` values (0 among them when `withZero`), in
    /// random order; the table's answer must be the sorted merge's, for every size the table
    /// is grown to and reused at.
    @Test("count and Jaccard equal the sorted merge's", arguments: [0, 1, 5, 63, 600, 5000])
    func matchesMerge(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 9)
        var intersection = FingerprintIntersection()
        defer { intersection.free() }
        for (shared, withZero) in [(0, false), (count / 2, false), (count, true), (count / 3, true)] {
            let common = Set((0..<shared).map { _ in rng.next() } + (withZero ? [0] : []))
            let a = Array(common.union((0..<count).map { _ in rng.next() })).shuffled(using: &rng)
            let b = Array(common.union((0..<(count / 2)).map { _ in rng.next() })).shuffled(using: &rng)
            let (sortedA, sortedB) = (a.sorted(), b.sorted())
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    sortedA.withUnsafeBufferPointer { sortedA in
                        sortedB.withUnsafeBufferPointer { sortedB in
                            let merged = ShingleFingerprints.intersectionCount(.init(sortedA), .init(sortedB))
                            #expect(intersection.count(.init(a), .init(b)) == merged)
                            #expect(intersection.count(.init(b), .init(a)) == merged)
                            #expect(merged == common.count || a.isEmpty || b.isEmpty)
                            intersection.load(.init(a))
                            #expect(intersection.jaccard(against: .init(b)) == ShingleFingerprints.jaccard(.init(sortedA), .init(sortedB)))
                            #expect(intersection.count(against: .init(b)) == merged)  // a loaded set serves again
                        }
                    }
                }
            }
        }
    }

    @Test("values that share their low bits (one long probe run) are counted and cleared")
    func collidingLowBits() {
        var rng = SplitMix64(seed: 3)
        let a = (0..<300).map { _ in rng.next() << 20 }
        let b = Array(a.prefix(100)) + (0..<50).map { _ in rng.next() << 20 }
        var intersection = FingerprintIntersection()
        defer { intersection.free() }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                #expect(intersection.count(.init(a), .init(b)) == 100)
                // Loading another set clears the first: a second count gives the same answer.
                #expect(intersection.count(.init(b), .init(a)) == 100)
            }
        }
    }
}
