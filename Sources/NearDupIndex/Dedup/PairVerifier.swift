import NearDupCore
import Foundation

/// Verifies candidate pairs: reads each candidate document's compact signature and
/// fingerprints back from the scratch file once per round, then checks the pairs in parallel.
/// Rounds bound the memory: a round holds at most ``CorpusDeduplicator/Options/verificationMemory``
/// bytes of document data.
struct PairVerifier {
    let table: DocumentTable
    let spill: SpillFile
    let k: Int
    let options: CorpusDeduplicator.Options

    /// The similarities of pairs of documents (each packed as `first << 32 | second`): per
    /// pair its MinHash estimate and, with exact verification, its exact Jaccard; in the order
    /// of `pairs`.
    ///
    /// - Complexity: O(documents · (k + s) + pairs · (k + s)) expected, s the shingles of a
    ///   document; memory at most ``CorpusDeduplicator/Options/verificationMemory`` of document
    ///   data at once.
    func similarities(_ pairs: [UInt64]) throws -> PairSimilarities {
        let exact = options.verification == .exact
        var estimates = [Double](repeating: 0, count: pairs.count)
        var exacts = [Double](repeating: 0, count: exact ? pairs.count : 0)
        var slotOf = [Int32](repeating: -1, count: table.count)
        var start = 0
        while start < pairs.count {
            // Grow the round while its documents fit the budget (always at least one pair).
            var documents: [Int] = []
            var bytes = 0
            var end = start
            while end < pairs.count {
                let pair = pairs[end]
                let a = Int(pair >> 32), b = Int(pair & 0xFFFF_FFFF)
                let extra = (slotOf[a] < 0 ? size(of: a) * 8 : 0) + (slotOf[b] < 0 ? size(of: b) * 8 : 0)
                if end > start && bytes + extra > options.verificationMemory { break }
                for doc in [a, b] where slotOf[doc] < 0 {
                    slotOf[doc] = Int32(documents.count)
                    documents.append(doc)
                }
                bytes += extra
                end += 1
            }
            try verifyRound(
                pairs, start..<end, documents: documents, slotOf: slotOf,
                estimates: &estimates, exacts: &exacts)
            for doc in documents { slotOf[doc] = -1 }
            start = end
        }
        return PairSimilarities(estimates: estimates, exacts: exact ? exacts : nil)
    }

    /// 64-bit words of a document's data in the scratch file: the signature (k 32-bit values,
    /// padded to 8 bytes), then the fingerprints.
    private func size(of doc: Int) -> Int {
        signatureWords + (options.verification == .exact ? Int(table.fingerprintCounts[doc]) : 0)
    }

    private var signatureWords: Int { CompactSignature.storedBytes(k: k) / 8 }

    private func verifyRound(
        _ candidates: [UInt64], _ range: Range<Int>, documents: [Int], slotOf: [Int32],
        estimates: inout [Double], exacts: inout [Double]
    ) throws {
        var starts = [Int](repeating: 0, count: documents.count + 1)
        for (slot, doc) in documents.enumerated() { starts[slot + 1] = starts[slot] + size(of: doc) }
        let arena = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, starts.last!))
        defer { arena.deallocate() }
        let errors = ErrorBox()
        let exact = options.verification == .exact
        let k = self.k, signatureWords = self.signatureWords
        parallelRanges(documents.count, threads: options.threads, minimumChunk: 64) { slots in
            for slot in slots {
                let doc = documents[slot]
                let words = starts[slot + 1] - starts[slot]
                do {
                    try spill.read(at: table.offsets[doc], count: words * 8, into: arena + starts[slot])
                } catch {
                    errors.record(error)
                    return
                }
            }
        }
        if let error = errors.first { throw error }
        // Exact copies never get here (``ExactCopies`` groups them before banding), so no
        // shortcut for identical sets: every pair is compared in full. The fingerprints are
        // the sketcher's distinct shingle hashes in its counter's order: distinct, unsorted,
        // which is what ``FingerprintIntersection`` takes (no sort of any document).
        estimates.withUnsafeMutableBufferPointer { estimates in
            exacts.withUnsafeMutableBufferPointer { exacts in
                let out = UnsafeSendableBox((estimates, exacts))
                parallelRanges(range.count, threads: options.threads, minimumChunk: 512) { part in
                    var intersection = FingerprintIntersection()
                    defer { intersection.free() }
                    // The slot of the document loaded into `intersection`: pairs come sorted by
                    // their first document, which is loaded once for all of its pairs.
                    var loaded = -1
                    for i in part {
                        let index = range.lowerBound + i
                        let pair = candidates[index]
                        let a = Int(slotOf[Int(pair >> 32)]), b = Int(slotOf[Int(pair & 0xFFFF_FFFF)])
                        let sa = arena + starts[a], sb = arena + starts[b]
                        out.value.0[index] = UnsafeRawPointer(sa).withMemoryRebound(to: UInt32.self, capacity: k) { ca in
                            UnsafeRawPointer(sb).withMemoryRebound(to: UInt32.self, capacity: k) { cb in
                                CompactSignature.estimate(ca, cb, count: k)
                            }
                        }
                        if exact {
                            if a != loaded {
                                intersection.load(.init(sa + signatureWords, count: starts[a + 1] - starts[a] - signatureWords))
                                loaded = a
                            }
                            out.value.1[index] = intersection.jaccard(
                                against: .init(sb + signatureWords, count: starts[b + 1] - starts[b] - signatureWords))
                        }
                    }
                }
            }
        }
    }
}

/// The similarities of a list of pairs, by position in the list.
struct PairSimilarities {
    /// MinHash estimates.
    var estimates: [Double]
    /// Exact Jaccard similarities; `nil` when verifying by estimate.
    var exacts: [Double]?

    /// The pair at `index`: its estimate and, with exact verification, its Jaccard.
    subscript(index: Int) -> (estimate: Double, jaccard: Double?) {
        (estimates[index], exacts?[index])
    }
}

/// The first error thrown on any thread.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: Error?

    func record(_ error: Error) {
        lock.lock()
        if first == nil { first = error }
        lock.unlock()
    }
}
