/// Word-shingle hashes from word hashes already computed, combined exactly as ``ShingleEngine``
/// combines them (``WordShingleHash``, by its direct formula), so a caller that
/// tokenises once (the report) gets the same shingles as ``ShingleSet/init(text:shingling:seed:normalization:)``.
package enum WordShingles {
    /// The hash of one window of word hashes (in text order), as ``append(of:size:seed:keepShort:to:)``
    /// gives it: a word n-gram's 64-bit id (``WordShingleHash`` bounds its collisions).
    ///
    /// - Complexity: O(n) for n words.
    package static func hash(of words: ArraySlice<UInt64>, seed: UInt64) -> UInt64 {
        words.withUnsafeBufferPointer { WordShingleHash.hash(of: $0.baseAddress!, count: $0.count, seed: seed) }
    }

    /// The hash of two word hashes (a word pair's 64-bit id), as ``hash(of:seed:)`` gives it.
    @inline(__always)
    package static func hash(_ first: UInt64, _ second: UInt64, seed: UInt64) -> UInt64 {
        WordShingleHash.finish(first &* WordShingleHash.base &+ second, seed: seed)
    }

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
