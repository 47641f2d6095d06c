/// One document as the index and the dedup pipeline keep it: its number of distinct shingles,
/// its compact signature (k 32-bit values, ``CompactSignature``) and, for exact verification, its
/// 64-bit shingle fingerprints (sorted, without repeats, where the owner sorted them). Its LSH
/// band keys follow from the compact signature (``LSHParameters/writeBandKeys(of:seed:into:)``).
///
/// A view, not an owner: the values stay where they were made (a ``DocumentSketcher``'s
/// buffers, a sketched batch, a memory-mapped index file, the index's arena), so handing a
/// sketch from stage to stage copies nothing. Valid only during the call that hands it over.
package struct DocumentSketch {
    /// Number of distinct shingles (0: an empty document, nobody's candidate).
    package let setSize: Int
    /// The k compact signature values.
    package let compact: UnsafeBufferPointer<UInt32>
    /// The shingle fingerprints (empty when none are kept: estimate verification, signatures).
    package let fingerprints: ShingleFingerprints.Run

    package init(setSize: Int, compact: UnsafeBufferPointer<UInt32>, fingerprints: ShingleFingerprints.Run) {
        self.setSize = setSize
        self.compact = compact
        self.fingerprints = fingerprints
    }
}

extension DocumentSketcher {
    /// The last document sketched.
    package var sketch: DocumentSketch {
        DocumentSketch(setSize: setSize, compact: UnsafeBufferPointer(compact), fingerprints: .init(fingerprints))
    }
}
