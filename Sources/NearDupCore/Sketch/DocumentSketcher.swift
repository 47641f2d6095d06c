/// What the dedup pipeline and the index keep of one document, computed in one pass over its
/// text on one thread: the compact signature (a 32-bit mix of each MinHash value and its slot,
/// ``CompactSignature/value(_:slot:)``), its LSH band keys, and (for exact verification)
/// its 64-bit shingle hashes.
///
/// Not thread-safe: one sketcher per thread. Reuses its buffers, so sketching allocates nothing
/// after warm-up; the results stay valid until the next call.
package final class DocumentSketcher {
    let hasher: MinHasher
    let lsh: LSHParameters
    let keepsFingerprints: Bool
    private let workspace: MinHashWorkspace
    private var values: UnsafeMutableBufferPointer<UInt64>
    /// The compact signature of the last document (k values).
    private(set) var compact: UnsafeMutableBufferPointer<UInt32>
    /// The band keys of the last document (b values).
    package private(set) var bandKeys: UnsafeMutableBufferPointer<UInt64>
    private var fingerprintStorage: GrowableBuffer<UInt64>
    /// The distinct shingles in the counter's order, before sorting.
    private var unsorted: GrowableBuffer<UInt64>
    /// Bucket counts of ``ShingleFingerprints/sort(_:count:into:counts:)``.
    private var bucketCounts: GrowableBuffer<Int>
    /// Number of fingerprints of the last document: its distinct shingle hashes, in no
    /// particular order unless ``sketch(utf8:sortingFingerprints:appendingTo:)`` sorted them.
    private(set) var fingerprintCount = 0
    /// Number of them in the sketcher's own buffer (0 when they went to a batch).
    private var ownFingerprintCount = 0
    /// Number of distinct shingles of the last document (0: empty, no band keys).
    package private(set) var setSize = 0
    /// A 64-bit key of the last document's set of shingle hashes: equal for documents with
    /// identical sets (exact copies after normalisation), different otherwise up to a 2⁻⁶⁴
    /// collision. The dedup pipeline groups exact copies by it.
    private(set) var contentKey: UInt64 = 0

    package init(hasher: MinHasher, lsh: LSHParameters, keepsFingerprints: Bool) {
        precondition(lsh.usedPermutations <= hasher.configuration.permutations, "bands need more values than k")
        self.hasher = hasher
        self.lsh = lsh
        self.keepsFingerprints = keepsFingerprints
        workspace = hasher.makeWorkspace()
        values = .allocate(capacity: hasher.configuration.permutations)
        compact = .allocate(capacity: hasher.configuration.permutations)
        bandKeys = .allocate(capacity: lsh.bands)
        fingerprintStorage = GrowableBuffer(capacity: 4096)
        unsorted = GrowableBuffer(capacity: 4096)
        bucketCounts = GrowableBuffer(capacity: 4097)
    }

    deinit {
        values.deallocate()
        compact.deallocate()
        bandKeys.deallocate()
        fingerprintStorage.free()
        unsorted.free()
        bucketCounts.free()
    }

    /// The fingerprints of the last document when they were not appended to a batch (empty
    /// when they were).
    var fingerprints: UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: fingerprintStorage.base, count: ownFingerprintCount)
    }

    /// Sketches one document.
    ///
    /// - Parameter batch: where to write the fingerprints, after those already there; `nil`:
    ///   in the sketcher's own buffer (``fingerprints``). With a batch, ``fingerprints`` is
    ///   left as it was and ``fingerprintCount`` counts what was appended.
    /// - Complexity: O(bytes + k), plus O(n) expected (O(n log n) at worst) when sorting the n
    ///   distinct fingerprints.
    func sketch(utf8: UnsafeBufferPointer<UInt8>, sortingFingerprints: Bool, appendingTo batch: FingerprintBatch? = nil) {
        var count = 0
        setSize = hasher.sign(utf8: utf8, into: values, using: workspace)
        if keepsFingerprints {
            // The distinct shingles are already in the signing loop's counter: copied out
            // rather than collected one by one as they are made.
            let destination: UnsafeMutablePointer<UInt64>
            if let batch {
                destination = batch.reserve(setSize)
            } else {
                fingerprintStorage.reserve(setSize, keeping: 0)
                destination = fingerprintStorage.base
            }
            if sortingFingerprints {
                unsorted.reserve(setSize, keeping: 0)
                workspace.counter.copyDistinct(to: unsorted.base)
                ShingleFingerprints.sort(unsorted.base, count: setSize, into: destination, counts: &bucketCounts)
            } else {
                workspace.counter.copyDistinct(to: destination)
            }
            batch?.commit(setSize)
            count = setSize
        }
        fingerprintCount = count
        ownFingerprintCount = batch == nil ? count : 0
        contentKey = Mixing.fmix64(workspace.counter.setHash &+ UInt64(setSize) &* 0x9E37_79B9_7F4A_7C15)
        for i in 0..<values.count { compact[i] = CompactSignature.value(values[i], slot: i) }
        lsh.writeBandKeys(of: compact.baseAddress!, seed: hasher.configuration.seed, into: bandKeys.baseAddress!)
    }

    /// Sketches a document known only by its signature (made here or elsewhere, for example by
    /// `neardup sign` on another machine): no fingerprints, and a content key made from the
    /// compact signature, so that documents with identical signatures count as copies — which
    /// they are for the estimate, the only verification a signature allows.
    ///
    /// - Precondition: the signature has the hasher's configuration.
    /// - Complexity: O(k).
    package func sketch(signature: Signature) {
        precondition(signature.configuration == hasher.configuration, "signature of another configuration")
        fingerprintCount = 0
        ownFingerprintCount = 0
        setSize = signature.setSize
        for i in 0..<compact.count { compact[i] = CompactSignature.value(signature.values[i], slot: i) }
        contentKey = Mixing.fmix64(
            CBoundary.xxh3(compact.baseAddress!, 4 * compact.count, seed: 0) &+ UInt64(setSize) &* 0x9E37_79B9_7F4A_7C15)
        lsh.writeBandKeys(of: compact.baseAddress!, seed: hasher.configuration.seed, into: bandKeys.baseAddress!)
    }

    /// Throws unless a signature can join a run or index of `configuration` that verifies
    /// exactly (`exact`) or by estimate.
    package static func checkSignature(_ signature: Signature, of id: String, configuration: MinHashConfiguration, exact: Bool) throws {
        guard !exact else {
            throw NearDupError(
                .shinglesRequired,
                "\(String(reflecting: id)) is a signature without shingles: exact verification needs the text; verify by estimate")
        }
        guard signature.configuration == configuration else {
            throw NearDupError(
                .incompatibleSignatures,
                "the signature of \(String(reflecting: id)) was made with [\(signature.configuration)], not [\(configuration)]")
        }
    }

    /// Sketches a `String` (contiguous UTF-8 in place when it is native).
    package func sketch(_ text: String, sortingFingerprints: Bool, appendingTo batch: FingerprintBatch? = nil) {
        withUTF8(of: text) { sketch(utf8: $0, sortingFingerprints: sortingFingerprints, appendingTo: batch) }
    }
}
