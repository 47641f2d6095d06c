/// What ``CorpusDeduplicator`` keeps of one document, for a deduplication run elsewhere (a
/// Spark job, `neardup sketch`): the same band keys, compact signature and shingle
/// fingerprints, computed the same way, so that grouping by band key and verifying candidates
/// from these values gives the pairs `neardup dedup` gives.
///
/// ```swift
/// let sketcher = DedupSketcher(configuration: .default, lsh: LSHParameters(threshold: 0.8, permutations: 128))
/// let sketch = sketcher.sketch(story)   // story: a document's text, a String
/// sketch.bandKeys        // b keys: documents sharing one become candidates
/// ```
///
/// Not thread-safe: one sketcher per thread.
public final class DedupSketcher {
    /// One document's sketch.
    public struct Sketch: Sendable, Hashable {
        /// Distinct shingles; 0 for a document without any (never a candidate).
        public var setSize: Int
        /// The `bands` LSH band keys: band i's key is the XXH3 (seed: the configuration's seed
        /// plus i) of the band's `rows` compact values, little-endian.
        public var bandKeys: [UInt64]
        /// The k compact signature values, one 32-bit value per slot: the high 32 bits of
        /// fmix64(value XOR slot · 0x9E3779B97F4A7C15). The estimate of two documents is the
        /// share of equal slots.
        public var compactSignature: [UInt32]
        /// The 64-bit shingle hashes, ascending and without repeats (empty when the sketcher
        /// keeps no fingerprints): exact Jaccard is |A ∩ B| / |A ∪ B| of these sets.
        public var fingerprints: [UInt64]
    }

    /// The MinHash configuration.
    public var configuration: MinHashConfiguration { sketcher.hasher.configuration }
    /// The banding.
    public var lsh: LSHParameters { sketcher.lsh }
    private let sketcher: DocumentSketcher

    /// Makes a sketcher.
    ///
    /// - Parameters:
    ///   - configuration: the MinHash configuration.
    ///   - lsh: the banding.
    ///   - keepsFingerprints: whether sketches carry the shingle hashes (needed for exact
    ///     verification, 8 bytes a shingle).
    /// - Precondition: `lsh.bands × lsh.rows` ≤ k.
    public init(configuration: MinHashConfiguration, lsh: LSHParameters, keepsFingerprints: Bool = true) {
        sketcher = DocumentSketcher(hasher: MinHasher(configuration), lsh: lsh, keepsFingerprints: keepsFingerprints)
    }

    /// Sketches one document.
    ///
    /// - Parameter text: the document's text.
    /// - Returns: its set size, band keys, compact signature and (when kept) sorted shingle
    ///   hashes.
    /// - Complexity: O(bytes + k + s log s) for s shingles.
    public func sketch(_ text: String) -> Sketch {
        sketcher.sketch(text, sortingFingerprints: true)
        return Sketch(
            setSize: sketcher.setSize, bandKeys: Array(sketcher.bandKeys), compactSignature: Array(sketcher.compact),
            fingerprints: Array(sketcher.fingerprints))
    }
}
