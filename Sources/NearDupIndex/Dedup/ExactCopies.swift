import NearDupCore

/// Exact copies in a corpus: documents whose sets of shingle hashes are identical (the same
/// text after normalisation, or texts that differ only in repeats and order of shingles),
/// recognised by their content key (``DocumentSketcher/contentKey``) before any banding.
///
/// Real corpora hold masses of these (cookie notices, error pages, wire stories). Each group is
/// handled as one document: only its earliest member, the representative, is banded and
/// verified; the copies join its cluster at O(1) each, so m copies cost O(m), not the O(m²)
/// pairs of one LSH bucket of m equal keys.
///
/// Two documents are taken as copies when their set sizes and order-independent set hashes are
/// equal: a false match needs a 64-bit collision, probability about 2⁻⁶⁴ per pair of sets of
/// the same size.
struct ExactCopies {
    /// Per document, the earliest document with the same shingle set (itself if none is earlier).
    /// Empty documents (no shingles) are their own representatives: they match nothing.
    let representative: [UInt32]
    /// Number of documents that are copies of an earlier one.
    let copyCount: Int

    /// Groups documents by content key.
    ///
    /// - Complexity: O(n) expected time (``KeyedDocumentSort``), O(n log n) at worst; about 40
    ///   bytes a document of scratch memory.
    init(contentKeys: [UInt64], isEmpty: [Bool]) {
        precondition(contentKeys.count == isEmpty.count)
        let n = contentKeys.count
        precondition(n < Int(UInt32.max), "too many documents for 32-bit positions")
        var representative = [UInt32](unsafeUninitializedCapacity: n) { buffer, initialized in
            for i in 0..<n { buffer[i] = UInt32(i) }
            initialized = n
        }
        var entries: [KeyedDocument] = []
        entries.reserveCapacity(n)
        for doc in 0..<n where !isEmpty[doc] { entries.append(KeyedDocument(key: contentKeys[doc], document: UInt32(doc))) }
        KeyedDocumentSort.sort(&entries)
        var copies = 0
        var runStart = 0
        for i in entries.indices {
            if entries[i].key != entries[runStart].key { runStart = i }
            if i != runStart {
                representative[Int(entries[i].document)] = entries[runStart].document
                copies += 1
            }
        }
        self.representative = representative
        copyCount = copies
    }

    /// Whether `document` is a copy of an earlier one.
    @inline(__always)
    func isCopy(_ document: Int) -> Bool { Int(representative[document]) != document }
}
