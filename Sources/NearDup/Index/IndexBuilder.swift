import Foundation

/// Builds or extends an index file from a stream of documents, signing on all cores: the bulk
/// path behind `neardup index create` and `neardup index add`. Records are written in input
/// order, so the file is the same whatever the number of threads.
///
/// ```swift
/// let builder = try IndexBuilder(creating: "archive.ndx", threshold: 0.8)
/// try CorpusReader().read(["2024.jsonl"], document: { try builder.add(id: $0.id, text: $0.text) }, problem: { _ in })
/// try builder.finish()   // nothing is at "archive.ndx" until this returns
/// ```
///
/// Call ``add(id:text:)`` from one thread and ``finish()`` once. Until ``finish()`` succeeds,
/// a new file is not in place and an existing one is unchanged.
public final class IndexBuilder: @unchecked Sendable {
    /// The configuration of the file's documents.
    public let configuration: MinHashConfiguration
    private let writer: IndexFileWriter
    private var sketcher: ParallelSketcher!
    /// How the file's documents are verified: ``Verification/exact`` when it keeps shingle
    /// fingerprints (then it takes texts only), else ``Verification/estimate``.
    public var verification: Verification { writer.header.storesFingerprints ? .exact : .estimate }
    /// Documents added so far.
    public private(set) var count = 0

    /// Starts a new index file at `path`.
    ///
    /// - Parameters:
    ///   - threshold: the default threshold of queries; also chooses the banding.
    ///   - verification: ``Verification/exact`` keeps each document's shingle fingerprints
    ///     (8 bytes per shingle) so that queries report exact Jaccard similarities.
    ///   - threads: sketching threads; 0 means one per core.
    public convenience init(
        creating path: String, configuration: MinHashConfiguration = .default, threshold: Double = 0.8,
        verification: Verification = .exact, lsh: LSHParameters? = nil, threads: Int = 0
    ) throws {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        let header = IndexFileHeader(
            configuration: configuration,
            lsh: lsh ?? LSHParameters(threshold: threshold, permutations: configuration.permutations),
            threshold: threshold, storesFingerprints: verification == .exact)
        try self.init(writer: IndexFileWriter(creating: path, header: header), threads: threads)
    }

    /// Appends to the index file at `path`.
    ///
    /// - Parameter expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError`` when the file is missing, damaged or of another configuration.
    public convenience init(appendingTo path: String, expecting expected: MinHashConfiguration? = nil, threads: Int = 0) throws {
        try self.init(writer: IndexFileWriter(appendingTo: path, expecting: expected), threads: threads)
    }

    private init(writer: IndexFileWriter, threads: Int) {
        self.writer = writer
        let header = writer.header
        configuration = header.configuration
        let k = header.configuration.permutations
        sketcher = ParallelSketcher(
            hasher: MinHasher(header.configuration), lsh: header.lsh, keepsFingerprints: header.storesFingerprints,
            sortsFingerprints: true, keepsRecords: false,
            threads: threads > 0 ? threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
        ) { [writer] sketched in
            try sketched.forEachSketch(k: k) { i, sketch in try writer.append(id: sketched.batch.ids[i], sketch) }
        }
    }

    deinit {
        // Abandoned without finish(): stop the threads and remove a new file's temporary file.
        sketcher.cancel()
        writer.abandon()
    }

    /// Adds a document (signed on another thread).
    ///
    /// - Throws: a write error from an earlier batch.
    public func add(id: String, text: String) throws {
        try sketcher.add(id: id, text: text, record: nil)
        count += 1
    }

    /// Adds a document known only by its MinHash signature (a line of `neardup sign`'s output).
    ///
    /// - Throws: ``NearDupError/Code/shinglesRequired`` when the file keeps shingle
    ///   fingerprints (exact verification needs them, a signature has none),
    ///   ``NearDupError/Code/incompatibleSignatures`` for another configuration; the document
    ///   is then not added. A write error from an earlier batch.
    /// - Complexity: amortised O(k) on the calling thread.
    public func add(id: String, signature: Signature) throws {
        try DocumentSketcher.checkSignature(
            signature, of: id, configuration: configuration, exact: writer.header.storesFingerprints)
        try sketcher.add(id: id, signature: signature, record: nil)
        count += 1
    }

    /// Waits for the signing threads and commits the file (see ``IndexFileWriter``).
    ///
    /// - Throws: ``NearDupError/Code/ioError``.
    public func finish() throws {
        try sketcher.finish()
        try writer.commit()
    }
}
