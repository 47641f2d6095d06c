import Foundation
import NearDup
@testable import NearDupCore
import Testing

/// Issue 9, must-have 2: the parallel sketcher's reorder buffer is bounded by its window (the
/// queue's capacity plus one batch per thread), however slow one document is and however long
/// the input.
@Suite("Parallel sketcher memory")
struct ParallelSketcherTests {
    /// Sketches `batches` batches of 256 short documents on two threads; the batch holding
    /// document `slow` sleeps `delay` seconds first. Returns the high-water mark of the reorder
    /// buffer, the window, and the ids in the order they reached the sink.
    static func run(batches: Int, slow: String?, delay: Double) throws -> (highWater: Int, window: Int, ids: [String]) {
        let configuration = MinHashConfiguration(scheme: .onePermutation, permutations: 16, seed: 1, shingling: .words(2))
        let hasher = MinHasher(configuration)
        let lsh = LSHParameters(threshold: 0.8, permutations: 16)
        final class Sink: @unchecked Sendable { var ids: [String] = [] }
        let sink = Sink()
        let sketcher = try ParallelSketcher(
            hasher: hasher, lsh: lsh, keepsFingerprints: true, sortsFingerprints: false, keepsRecords: false,
            threads: 2,
            beforeSketching: { batch in
                if let slow, batch.ids.contains(slow) { Thread.sleep(forTimeInterval: delay) }
            },
            sink: { sink.ids.append(contentsOf: $0.batch.ids) })
        for i in 0..<(batches * 256) {
            try sketcher.add(id: "d\(i)", text: "story \(i % 13)", record: nil)
        }
        try sketcher.finish()
        return (sketcher.reorderHighWaterMark, sketcher.window, sink.ids)
    }

    @Test("one document far slower than the rest: the reorder buffer stays within the window, order is kept")
    func slowDocument() throws {
        // The slow batch sleeps 1 s, far more than 100 times the few milliseconds a batch takes.
        let (highWater, window, ids) = try Self.run(batches: 60, slow: "d300", delay: 1)
        #expect(window == 6)
        #expect(highWater <= 6, "the reorder buffer held \(highWater) batches")
        #expect(ids == (0..<(60 * 256)).map { "d\($0)" })
    }

    @Test("the bound does not grow with the input", arguments: [10, 100])
    func growingInput(_ batches: Int) throws {
        let (highWater, _, ids) = try Self.run(batches: batches, slow: "d5", delay: 0.2)
        #expect(highWater <= 6)
        #expect(ids.count == batches * 256)
    }
}
