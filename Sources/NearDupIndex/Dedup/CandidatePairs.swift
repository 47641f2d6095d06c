import NearDupCore

/// Candidate generation for a whole corpus at once: for each band, the documents are sorted by
/// their band key (``KeyedDocumentSort``: a counting pass on the top bits, expected linear), and
/// the documents in a run of equal keys (a bucket) become candidate pairs.
/// Sorting keeps memory at about 40 bytes a document per band in flight (the entries, a
/// scratch copy and the counting buckets), against several times that for a hash table of
/// buckets.
///
/// A bucket of at most `bucketLimit` documents gives every pair of its members; a larger one
/// gives only the pairs of its first (earliest) member with each other member, as text-dedup
/// and datatrove do at scale: m members cost m − 1 candidates instead of m(m − 1)/2. A pair of
/// two later members of a large bucket is then a candidate only through another band, or
/// through both joining the first member's cluster.
enum CandidatePairs {
    /// The distinct candidate pairs, each packed as `first << 32 | second` with
    /// `first < second`, in ascending order.
    ///
    /// - Parameters:
    ///   - bandKeyBatches: `bands` keys per document, document after document, in batches.
    ///   - isLeftOut: documents to leave out (no shingles, or a copy of an earlier document).
    ///   - bucketLimit: the largest bucket whose pairs are all candidates.
    /// - Complexity: O(b · n log n) plus O(pairs log pairs), with at most
    ///   n · min(bucketLimit, …) pairs per band; bands run in parallel.
    static func find(bandKeyBatches: [[UInt64]], bands: Int, isLeftOut: [Bool], bucketLimit: Int, threads: Int) -> [UInt64] {
        precondition(isLeftOut.count < Int(UInt32.max), "too many documents for 32-bit positions")
        precondition(bucketLimit >= 2, "a bucket limit below 2 lists no pair")
        // Bands are processed `threads` at a time, each band's pairs sorted and made unique,
        // then merged into the result: a pair shared by many bands (every true duplicate) is
        // held about twice at most, not once per band.
        var result: [UInt64] = []
        for group in stride(from: 0, to: bands, by: max(1, threads)) {
            let groupBands = Array(group..<min(bands, group + max(1, threads)))
            var perBand = [[UInt64]](repeating: [], count: groupBands.count)
            perBand.withUnsafeMutableBufferPointer { perBand in
                let results = UnsafeSendableBox(perBand)
                parallelChunks(groupBands.count, threads: threads) { i in
                    var pairs = pairs(
                        ofBand: groupBands[i], bands: bands, keyBatches: bandKeyBatches, isLeftOut: isLeftOut,
                        bucketLimit: bucketLimit)
                    pairs.sortAndRemoveRepeats()
                    results.value[i] = pairs
                }
            }
            for pairs in perBand { result = mergeUnique(result, pairs) }
        }
        return result
    }

    /// The sorted union of two sorted, repeat-free arrays.
    ///
    /// - Complexity: O(|a| + |b|).
    static func mergeUnique(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x < y { out.append(x); i += 1 } else if y < x { out.append(y); j += 1 } else { out.append(x); i += 1; j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    private static func pairs(
        ofBand band: Int, bands: Int, keyBatches: [[UInt64]], isLeftOut: [Bool], bucketLimit: Int
    ) -> [UInt64] {
        var entries: [KeyedDocument] = []
        entries.reserveCapacity(isLeftOut.count)
        var doc = 0
        for keys in keyBatches {
            for i in 0..<(keys.count / bands) {
                if !isLeftOut[doc] { entries.append(KeyedDocument(key: keys[i * bands + band], document: UInt32(doc))) }
                doc += 1
            }
        }
        KeyedDocumentSort.sort(&entries)
        var pairs: [UInt64] = []
        guard entries.count > 1 else { return pairs }
        var runStart = 0
        entries.withUnsafeBufferPointer { entries in
            for i in 1...entries.count {
                if i < entries.count && entries[i].key == entries[runStart].key { continue }
                if i - runStart > bucketLimit {
                    let high = UInt64(entries[runStart].document) << 32
                    for y in (runStart + 1)..<i { pairs.append(high | UInt64(entries[y].document)) }
                } else if i - runStart > 1 {
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
