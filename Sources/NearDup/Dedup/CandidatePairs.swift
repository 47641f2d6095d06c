/// Candidate generation for a whole corpus at once: for each band, the documents are sorted by
/// their band key, and every two documents in a run of equal keys become a candidate pair.
/// Sorting keeps memory at 12 bytes a document per band in flight, against several times that
/// for a hash table of buckets.
enum CandidatePairs {
    /// The distinct candidate pairs, each packed as `first << 32 | second` with
    /// `first < second`, in ascending order.
    ///
    /// - Parameters:
    ///   - bandKeyBatches: `bands` keys per document, document after document, in batches.
    ///   - isEmpty: documents to leave out (no shingles).
    /// - Complexity: O(b · n log n) plus O(pairs log pairs); bands run in parallel.
    static func find(bandKeyBatches: [[UInt64]], bands: Int, isEmpty: [Bool], threads: Int) -> [UInt64] {
        precondition(isEmpty.count < Int(UInt32.max), "too many documents for 32-bit positions")
        var perBand = [[UInt64]](repeating: [], count: bands)
        perBand.withUnsafeMutableBufferPointer { perBand in
            let results = UnsafeSendableBox(perBand)
            parallelChunks(bands, threads: threads) { band in
                results.value[band] = pairs(ofBand: band, bands: bands, keyBatches: bandKeyBatches, isEmpty: isEmpty)
            }
        }
        var all = perBand.flatMap { $0 }
        perBand = []
        all.sort()
        var unique = 0
        for i in all.indices where i == 0 || all[i] != all[unique - 1] {
            all[unique] = all[i]
            unique += 1
        }
        all.removeLast(all.count - unique)
        return all
    }

    private struct KeyedDocument {
        var key: UInt64
        var document: UInt32
    }

    private static func pairs(ofBand band: Int, bands: Int, keyBatches: [[UInt64]], isEmpty: [Bool]) -> [UInt64] {
        var entries: [KeyedDocument] = []
        entries.reserveCapacity(isEmpty.count)
        var doc = 0
        for keys in keyBatches {
            for i in 0..<(keys.count / bands) {
                if !isEmpty[doc] { entries.append(KeyedDocument(key: keys[i * bands + band], document: UInt32(doc))) }
                doc += 1
            }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.document < $1.document }
        var pairs: [UInt64] = []
        guard entries.count > 1 else { return pairs }
        var runStart = 0
        entries.withUnsafeBufferPointer { entries in
            for i in 1...entries.count {
                if i < entries.count && entries[i].key == entries[runStart].key { continue }
                if i - runStart > 1 {
                    for x in runStart..<(i - 1) {
                        let high = UInt64(entries[x].document) << 32
                        for y in (x + 1)..<i { pairs.append(high | UInt64(entries[y].document)) }
                    }
                }
                runStart = i
            }
        }
        return pairs
    }
}
