import NearDupCore
import Foundation

/// Finds every near-duplicate pair and cluster of a corpus in one streaming pass: documents are
/// signed on all cores as they arrive, only their LSH band keys stay in memory, and at the end
/// the candidate pairs that share a band are verified and grouped into clusters.
///
/// ```swift
/// let dedup = try CorpusDeduplicator(configuration: .default, options: .init(threshold: 0.8))
/// try CorpusReader().read(["news.jsonl"], document: { try dedup.add($0) }, problem: { print($0) })
/// let result = try dedup.finish()
/// for pair in result.pairs { print(result.ids[pair.first], result.ids[pair.second], pair.jaccard!) }
/// ```
///
/// Memory per document: its id (twice: the result's list and the duplicate-id map), `8·b` bytes
/// of band keys, an 8-byte content key (for exact copies) and about 25 bytes of bookkeeping
/// (about 230 bytes with the default b = 18 and short ids), plus at most
/// ``Options/verificationMemory`` while verifying. The compact signature (`4·k` bytes), the
/// shingle hashes (exact verification, 8 bytes a shingle) and the record (``Options/keepsRecords``)
/// go to an unlinked scratch file in `TMPDIR` and are read back only for candidate documents
/// (and kept ones).
///
/// The result is the same whatever ``Options/threads`` is: documents are numbered in the order
/// they are added, and every stage writes its results by that number.
///
/// Call ``add(_:)`` from one thread (the reader) and ``finish(phase:)`` once, after the last
/// document.
///
/// See <doc:CorpusDeduplication> for the pipeline, the rules for large groups and the figures.
public final class CorpusDeduplicator: @unchecked Sendable {
    /// Settings of a run.
    public struct Options: Sendable, Hashable {
        /// Pairs with Jaccard similarity at least this are near-duplicates. In (0, 1).
        public var threshold: Double
        /// How candidates are verified.
        public var verification: Verification
        /// The banding; `nil` chooses it from the threshold and k (``LSHParameters/init(threshold:permutations:minimumRecall:falsePositiveWeight:falseNegativeWeight:)``).
        public var lsh: LSHParameters?
        /// Signing and verifying threads (at least 1). Default: every core.
        public var threads: Int
        /// Whether to keep each document's record for ``DedupResult/forEachKeptRecord(_:)``.
        public var keepsRecords: Bool
        /// Most bytes of shingle fingerprints held in memory at once while verifying; larger
        /// candidate sets are verified in several rounds.
        public var verificationMemory: Int
        /// The largest group handled pair by pair (at least 2, default 100). An LSH bucket of
        /// more documents gives only the candidates of its first member with each other one,
        /// and a cluster of more documents lists only its representative's pair with each
        /// other member (``DuplicatePair/group``). Clusters and kept documents do not depend on
        /// it.
        public var pairwiseLimit: Int
        /// Tests only: a bucket limit other than ``pairwiseLimit``, to exercise the pair rule
        /// on buckets given in full.
        var _bucketLimit: Int?

        /// Makes options; the defaults are threshold 0.8, exact verification, banding chosen from
        /// the threshold, every core, no records and 256 MiB for verification. `threshold` must be
        /// in (0, 1) and `threads` at least 1 (checked by ``CorpusDeduplicator/init(configuration:options:)``).
        ///
        /// - Parameters:
        ///   - threshold: the Jaccard similarity at which two documents are near-duplicates.
        ///   - verification: exact Jaccard of the shingle sets, or the MinHash estimate.
        ///   - lsh: the banding; `nil` chooses it from the threshold and k.
        ///   - threads: signing and verifying threads.
        ///   - keepsRecords: whether to keep each document's record for
        ///     ``DedupResult/forEachKeptRecord(_:)``.
        ///   - verificationMemory: most bytes of shingle fingerprints held while verifying.
        ///   - pairwiseLimit: the largest group handled pair by pair, at least 2.
        public init(
            threshold: Double = 0.8, verification: Verification = .exact, lsh: LSHParameters? = nil,
            threads: Int = ProcessInfo.processInfo.activeProcessorCount, keepsRecords: Bool = false,
            verificationMemory: Int = 256 << 20, pairwiseLimit: Int = 100
        ) {
            self.threshold = threshold
            self.verification = verification
            self.lsh = lsh
            self.threads = threads
            self.keepsRecords = keepsRecords
            self.verificationMemory = verificationMemory
            self.pairwiseLimit = pairwiseLimit
        }
    }

    /// The MinHash configuration.
    public let configuration: MinHashConfiguration
    /// The options.
    public let options: Options
    /// The banding in use.
    public let lsh: LSHParameters

    private let spill: SpillFile
    // Filled in input order by the sketcher's sink (on the adding thread); read after `finish`.
    private let box = DocumentTableBox()
    private var sketcher: ParallelSketcher!
    private var finished = false
    /// The adding thread's map from id to the position of the document that has it.
    private var positionOfID: [String: Int32] = [:]

    /// Starts the signing threads.
    ///
    /// - Parameters:
    ///   - configuration: the MinHash configuration every document is signed with.
    ///   - options: the threshold, verification, banding, threads and limits of the run.
    /// - Precondition: `options.threshold` is in (0, 1), `options.threads` ≥ 1,
    ///   `options.pairwiseLimit` ≥ 2, and the banding uses at most k values.
    /// - Throws: ``NearDupError/Code/ioError`` when the scratch file cannot be created or the
    ///   signing threads cannot be started (the system's limit of threads).
    public init(configuration: MinHashConfiguration = .default, options: Options = Options()) throws {
        precondition(options.threshold > 0 && options.threshold < 1, "threshold must be in (0, 1)")
        precondition(options.threads >= 1, "threads must be at least 1")
        precondition(options.pairwiseLimit >= 2, "pairwiseLimit must be at least 2")
        self.configuration = configuration
        self.options = options
        let lsh = options.lsh ?? LSHParameters(threshold: options.threshold, permutations: configuration.permutations)
        precondition(lsh.usedPermutations <= configuration.permutations, "bands × rows exceeds k")
        self.lsh = lsh
        let spill = try SpillFile()
        self.spill = spill
        box.table.bands = lsh.bands
        let box = self.box
        sketcher = try ParallelSketcher(
            hasher: MinHasher(configuration), lsh: lsh, keepsFingerprints: options.verification == .exact,
            sortsFingerprints: false, keepsRecords: options.keepsRecords, threads: options.threads
        ) { sketched in
            try box.table.append(sketched, spill: spill, k: configuration.permutations)
        }
    }

    deinit {
        sketcher?.cancel()  // nil when the threads could not be started
    }

    /// Adds a document (in input order: its position is the number of documents added before).
    ///
    /// - Parameters:
    ///   - id: the document id, unique within the run.
    ///   - text: the document's text.
    ///   - record: the bytes ``DedupResult/forEachKeptRecord(_:)`` hands back when the document
    ///     is kept (with ``Options/keepsRecords``); `nil` for none.
    /// - Throws: ``NearDupError/Code/duplicateID`` (below), or a scratch-file error from a
    ///   signing thread.
    /// - Complexity: amortised O(1) on the calling thread; signing, O(bytes + k) for
    ///   one-permutation hashing, happens on the others.
    ///
    /// Ids must be unique: a document whose id an earlier document has is not added, and the
    /// call throws ``NearDupError/Code/duplicateID`` naming the id and the earlier document's
    /// position (``position(ofID:)``); the run can go on. Without this rule a document would
    /// pair with itself and clusters would list one id several times.
    public func add(id: String, text: String, record: [UInt8]? = nil) throws {
        try checkNew(id)
        try sketcher.add(id: id, text: text, record: record)
        positionOfID[id] = Int32(truncatingIfNeeded: positionOfID.count)
    }

    /// Adds a document known only by its MinHash signature (for example a line that
    /// `neardup sign` wrote, read with ``CorpusReader/readSignatures(_:signature:problem:)``).
    ///
    /// A signature carries no shingles, so such documents can be verified only by estimate:
    /// the run must use ``Verification/estimate``, and their pairs have no exact Jaccard.
    /// Documents with identical signatures are grouped as copies (their estimate is 1).
    ///
    /// - Parameters:
    ///   - id: the document id, unique within the run.
    ///   - signature: the document's signature, made with this run's configuration.
    ///   - record: the bytes to hand back when the document is kept; `nil` for none.
    /// - Throws: ``NearDupError/Code/shinglesRequired`` when the run verifies exactly,
    ///   ``NearDupError/Code/incompatibleSignatures`` when the signature was made with another
    ///   configuration, ``NearDupError/Code/duplicateID`` as ``add(id:text:record:)``. The
    ///   document is then left out and the run can go on.
    /// - Complexity: amortised O(k) on the calling thread.
    public func add(id: String, signature: Signature, record: [UInt8]? = nil) throws {
        try checkNew(id)
        try DocumentSketcher.checkSignature(signature, of: id, configuration: configuration, exact: options.verification == .exact)
        try sketcher.add(id: id, signature: signature, record: record)
        positionOfID[id] = Int32(truncatingIfNeeded: positionOfID.count)
    }

    private func checkNew(_ id: String) throws {
        if let first = positionOfID[id] {
            throw NearDupError(
                .duplicateID,
                "duplicate id \(String(reflecting: id)): document \(Int(first) + 1) has it already; this one is left out")
        }
    }

    /// The input position (0-based) of the document added with `id`, if any.
    ///
    /// - Parameter id: a document id.
    /// - Returns: the position of the document added with `id`, or `nil` when none was.
    /// - Complexity: O(1) on average.
    public func position(ofID id: String) -> Int? { positionOfID[id].map(Int.init) }

    /// Adds a document read by ``CorpusReader``; its original record is kept for
    /// ``DedupResult/forEachKeptRecord(_:)`` when ``Options/keepsRecords`` is set.
    ///
    /// - Parameter document: a document; its id, text and record are used.
    /// - Throws: as ``add(id:text:record:)``.
    /// - Complexity: as ``add(id:text:record:)``.
    public func add(_ document: CorpusDocument) throws {
        try add(id: document.id, text: document.text, record: document.record)
    }

    /// Waits for the signing threads, then finds, verifies and clusters the pairs.
    ///
    /// Exact copies (identical shingle sets, recognised by a content key) are grouped first: only the
    /// earliest of each group is banded and verified, the others join its cluster. Large LSH
    /// buckets give only their first member's pairs, and large clusters list only their
    /// representative's pairs (``Options/pairwiseLimit``), so the work grows with documents,
    /// not with pairs of copies.
    ///
    /// - Parameter phase: called with a short description as each phase starts (for progress).
    /// - Returns: the verified pairs and the clusters, by input position.
    /// - Throws: a scratch-file error, or an error a signing thread met.
    /// - Precondition: called once.
    /// - Complexity: O(n log n + n·b log n) to group content and band keys, plus
    ///   O(candidates · (k + shingles)) to verify, with at most `pairwiseLimit` candidates per
    ///   document and band.
    public func finish(phase: (String) -> Void = { _ in }) throws -> DedupResult {
        precondition(!finished, "finish called twice")
        finished = true
        try sketcher.finish()
        try spill.flush()
        let store = box.table
        box.table = DocumentTable()
        phase("grouping exact copies")
        let copies = ExactCopies(contentKeys: store.contentKeys, isEmpty: store.isEmpty)
        var isLeftOut = store.isEmpty
        for doc in isLeftOut.indices where copies.isCopy(doc) { isLeftOut[doc] = true }
        phase("finding candidates")
        let candidates = CandidatePairs.find(
            bandKeyBatches: store.bandKeyBatches, bands: lsh.bands, isLeftOut: isLeftOut,
            bucketLimit: options._bucketLimit ?? options.pairwiseLimit, threads: options.threads)
        isLeftOut = []
        phase("verifying \(candidates.count) candidate pairs")
        let verifier = PairVerifier(table: store, spill: spill, k: configuration.permutations, options: options)
        let similarities = try verifier.similarities(candidates)
        let exact = options.verification == .exact
        phase("clustering")
        let (clusters, isKept) = Clustering.clusters(documentCount: store.count) { link in
            for doc in 0..<store.count where copies.isCopy(doc) { link(Int(copies.representative[doc]), doc) }
            for i in candidates.indices where (similarities[i].jaccard ?? similarities[i].estimate) >= options.threshold {
                link(Int(candidates[i] >> 32), Int(candidates[i] & 0xFFFF_FFFF))
            }
        }
        phase("listing pairs")
        let pairs = try PairListing.pairs(
            clusters: clusters, copies: copies, candidates: candidates, similarities: similarities,
            threshold: options.threshold, limit: options.pairwiseLimit, exact: exact,
            verify: verifier.similarities)
        return DedupResult(
            ids: store.ids, pairs: pairs, clusters: clusters, candidateCount: candidates.count,
            copyCount: copies.copyCount, isKept: isKept, table: store, spill: spill, k: configuration.permutations)
    }
}

/// The table behind a reference, so that the sketching threads' sink does not hold the
/// deduplicator itself.
final class DocumentTableBox: @unchecked Sendable {
    var table = DocumentTable()
}

/// What the pipeline keeps in memory per document, in input order.
struct DocumentTable: @unchecked Sendable {
    var bands = 0
    var ids: [String] = []
    /// `bands` keys per document, one array per sketched batch: appending never copies what
    /// is stored (a single growing array would briefly hold up to three times its size).
    var bandKeyBatches: [[UInt64]] = []
    /// Documents without a single shingle: never candidates.
    var isEmpty: [Bool] = []
    /// Per document, the key of its shingle set (``DocumentSketcher/contentKey``).
    var contentKeys: [UInt64] = []
    /// Where the document's compact signature starts in the scratch file; its fingerprints
    /// follow (after ``CompactSignature/storedBytes(k:)``), then its record.
    var offsets: [UInt64] = []
    var fingerprintCounts: [UInt32] = []
    var recordLengths: [UInt32] = []

    var count: Int { ids.count }

    mutating func append(_ sketched: ParallelSketcher.SketchedBatch, spill: SpillFile, k: Int) throws {
        let batch = sketched.batch
        ids.append(contentsOf: batch.ids)
        bandKeyBatches.append(sketched.bandKeys)
        contentKeys.append(contentsOf: sketched.contentKeys)
        try sketched.forEachSketch(k: k) { i, sketch in
            isEmpty.append(sketch.setSize == 0)
            let offset = try spill.append(sketch.compact.baseAddress!, count: k * 4)
            let padding = CompactSignature.storedBytes(k: k) - 4 * k
            if padding > 0 { try withUnsafeBytes(of: UInt32(0)) { _ = try spill.append($0.baseAddress!, count: padding) } }
            if sketch.fingerprints.count > 0 {
                try spill.append(sketch.fingerprints.base!, count: sketch.fingerprints.count * 8)
            }
            var recordLength = 0
            if let record = batch.records[i] {
                recordLength = record.count
                if recordLength > 0 {
                    try record.withUnsafeBytes { _ = try spill.append($0.baseAddress!, count: recordLength) }
                }
            }
            offsets.append(offset)
            fingerprintCounts.append(UInt32(sketch.fingerprints.count))
            recordLengths.append(UInt32(recordLength))
        }
    }
}
