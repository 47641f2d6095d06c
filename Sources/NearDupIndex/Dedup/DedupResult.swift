import NearDupCore

/// What ``CorpusDeduplicator/finish(phase:)`` found: verified pairs and clusters, by input
/// position, with the ids to name them.
public struct DedupResult: @unchecked Sendable {
    /// Every document's id, in input order.
    public let ids: [String]
    /// The near-duplicate pairs, ascending by `first`, then `second`: every pair at or above
    /// the threshold within a cluster of at most ``CorpusDeduplicator/Options/pairwiseLimit``
    /// documents, and one pair per member (with ``DuplicatePair/group``) of a larger one.
    public let pairs: [DuplicatePair]
    /// The clusters (two members or more), ascending by representative.
    public let clusters: [DuplicateCluster]
    /// How many candidate pairs the LSH bands produced (before verification).
    public let candidateCount: Int
    /// How many documents are exact copies (identical shingle sets) of an earlier document;
    /// they are in their original's cluster and were not banded.
    public let copyCount: Int
    /// Per document: whether it is kept (a representative or in no cluster).
    public let isKept: [Bool]

    let table: DocumentTable
    let spill: SpillFile
    let k: Int

    /// Number of documents read.
    public var documentCount: Int { ids.count }

    /// Calls `body` with the original record of each kept document, in input order (one
    /// document per cluster, and every document in none).
    ///
    /// - Parameter body: called with each kept document's input position and its record's bytes
    ///   (valid only during the call; empty for a document added without a record).
    /// - Precondition: the run kept records (``CorpusDeduplicator/Options/keepsRecords``).
    /// - Throws: a scratch-file read error, or what `body` throws.
    /// - Complexity: O(bytes of the kept records).
    public func forEachKeptRecord(_ body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        for doc in 0..<documentCount where isKept[doc] {
            let length = Int(table.recordLengths[doc])
            if buffer.count < length { buffer = [UInt8](repeating: 0, count: length) }
            let skip = UInt64(CompactSignature.storedBytes(k: k) + 8 * Int(table.fingerprintCounts[doc]))
            try buffer.withUnsafeMutableBytes { raw in
                if length > 0 { try spill.read(at: table.offsets[doc] + skip, count: length, into: raw.baseAddress!) }
                try body(doc, UnsafeRawBufferPointer(rebasing: raw[0..<length]))
            }
        }
    }
}
