/// Word-shingle hashes from word hashes already computed, combined exactly as ``ShingleEngine``
/// combines them (``WordShingleHash``, by its direct formula), so a caller that
/// tokenises once (the report) gets the same shingles as ``ShingleSet/init(text:shingling:seed:normalization:)``.
package enum WordShingles {
    /// Appends the shingles of `words` (word hashes in text order) to `out`. A run shorter than
    /// `size` (but not empty) gives one shingle of all its words when `keepShort` is true, as a
    /// whole short text does, and none otherwise.
    ///
    /// - Complexity: O(w · size) hashing work for w words.
    package static func append(of words: [UInt64], size: Int, seed: UInt64, keepShort: Bool = true, to out: inout [UInt64]) {
        guard !words.isEmpty else { return }
        words.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            if buffer.count < size {
                if keepShort { out.append(WordShingleHash.hash(of: base, count: buffer.count, seed: seed)) }
                return
            }
            for start in 0...(buffer.count - size) {
                out.append(WordShingleHash.hash(of: base + start, count: size, seed: seed))
            }
        }
    }
}
