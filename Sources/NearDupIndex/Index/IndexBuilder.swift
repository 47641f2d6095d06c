import NearDupCore
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
    ///   - path: the file to create (replaced by ``finish()``; a symbolic link is followed,
    ///     anything but a regular file is refused).
    ///   - configuration: the MinHash configuration of every document.
    ///   - threshold: the default threshold of queries; also chooses the banding.
    ///   - verification: ``Verification/exact`` keeps each document's shingle fingerprints
    ///     (8 bytes per shingle) so that queries report exact Jaccard similarities.
    ///   - lsh: the banding; by default chosen from the threshold and k.
    ///   - threads: sketching threads; 0 means one per core.
    /// - Throws: ``NearDupError`` when the temporary file beside `path` cannot be created,
    ///   `path` is not a regular file, or the sketching threads cannot be started.
    /// - Precondition: `threshold` is in (0, 1).
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

    /// Appends to the index file at `path`, once no other writer holds it; every record is
    /// checked first.
    ///
    /// - Parameters:
    ///   - path: an existing index file.
    ///   - expected: when given, a file written with another configuration is refused.
    ///   - threads: sketching threads; 0 means one per core.
    /// - Throws: ``NearDupError`` when the file is missing, damaged or of another configuration,
    ///   or the sketching threads cannot be started (the system's limit of threads).
    /// - Complexity: O(file size), to check every record.
    public convenience init(appendingTo path: String, expecting expected: MinHashConfiguration? = nil, threads: Int = 0) throws {
        try self.init(writer: IndexFileWriter(appendingTo: path, expecting: expected), threads: threads)
    }

    private init(writer: IndexFileWriter, threads: Int) throws {
        self.writer = writer
        let header = writer.header
        configuration = header.configuration
        let k = header.configuration.permutations
        sketcher = try ParallelSketcher(
            hasher: MinHasher(header.configuration), lsh: header.lsh, keepsFingerprints: header.storesFingerprints,
            sortsFingerprints: true, keepsRecords: false,
            threads: threads > 0 ? threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
        ) { [writer] sketched in
            try sketched.forEachSketch(k: k) { i, sketch in try writer.append(id: sketched.batch.ids[i], sketch) }
        }
    }

    deinit {
        // Abandoned without finish(): stop the threads and remove a new file's temporary file.
        sketcher?.cancel()  // nil when the threads could not be started
        writer.abandon()
    }

    /// Adds a document (signed on another thread).
    ///
    /// - Parameters:
    ///   - id: the document id; a later document with the same id replaces it when the file is
    ///     loaded.
    ///   - text: the document's text.
    /// - Throws: a write error from an earlier batch.
    /// - Complexity: amortised O(1) on the calling thread.
    public func add(id: String, text: String) throws {
        try sketcher.add(id: id, text: text, record: nil)
        count += 1
    }

    /// Adds a document known only by its MinHash signature (a line of `neardup sign`'s output).
    ///
    /// - Parameters:
    ///   - id: the document id.
    ///   - signature: the document's signature, made with the file's configuration.
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

    /// Waits for the signing threads and commits the file: a new file is synced and renamed into
    /// place; an append syncs its records, then rewrites the header with the new committed
    /// length and syncs again.
    ///
    /// - Throws: ``NearDupError`` for a write or sync error (the previous file is then as it
    ///   was), or an error a signing thread met.
    public func finish() throws {
        try sketcher.finish()
        try writer.commit()
    }
}
