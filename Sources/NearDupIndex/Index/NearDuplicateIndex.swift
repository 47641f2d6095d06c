import NearDupCore
import Foundation

/// An incremental near-duplicate index for pipelines: insert documents as they come, ask
/// whether a new text is a near-duplicate of anything seen, remove documents, and save the
/// whole index to a file that loads fast (memory-mapped) and grows by appends.
///
/// ```swift
/// let index = NearDuplicateIndex(threshold: 0.8)
/// for story in stream {   // stream: any sequence of stories with an `id` and a `text` (Strings)
///     let matches = index.insertIfUnique(id: story.id, text: story.text)
///     if let best = matches.first { print(story.id, "rewrites", best.id, best.similarity) }
/// }
/// try index.write(to: "archive.ndx")
/// let reopened = try NearDuplicateIndex(contentsOf: "archive.ndx")
/// ```
///
/// Safe to use from concurrent code: every method may be called from any thread or task.
/// Texts are signed outside the lock (in parallel); the index itself is guarded by a lock
/// held only for the band-table work, so queries wait for inserts only briefly.
///
/// Candidates come from LSH bands chosen for recall at the threshold
/// (``LSHParameters/init(threshold:permutations:minimumRecall:falsePositiveWeight:falseNegativeWeight:)``),
/// and every candidate is verified: with ``Verification/exact`` the index keeps each document's
/// 64-bit shingle hashes (8 bytes per shingle) and reports exact Jaccard similarities; with
/// ``Verification/estimate`` it keeps only the compact signature (4·k bytes).
///
/// See <doc:PersistentIndex> for the file format and the command-line tool.
public final class NearDuplicateIndex: @unchecked Sendable {
    /// The MinHash configuration of every document in the index.
    public let configuration: MinHashConfiguration
    /// The banding.
    public let lsh: LSHParameters
    /// The default threshold of queries.
    public let threshold: Double
    /// How matches are verified.
    public let verification: Verification

    private let hasher: MinHasher
    private let lock = NSLock()
    private var index: LSHIndex
    private var mapping: IndexFileMapping?
    private var sketchers: [DocumentSketcher] = []

    /// An empty index.
    ///
    /// - Parameters:
    ///   - configuration: the MinHash configuration of every document.
    ///   - threshold: the Jaccard similarity at which documents match, in (0, 1).
    ///   - verification: ``Verification/exact`` keeps each document's 64-bit shingle hashes and
    ///     reports exact Jaccard; ``Verification/estimate`` keeps only compact signatures.
    ///   - lsh: the banding; by default chosen from the threshold and k.
    /// - Precondition: `threshold` is in (0, 1).
    public init(
        configuration: MinHashConfiguration = .default, threshold: Double = 0.8,
        verification: Verification = .exact, lsh: LSHParameters? = nil
    ) {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        self.configuration = configuration
        self.threshold = threshold
        self.verification = verification
        let lsh = lsh ?? LSHParameters(threshold: threshold, permutations: configuration.permutations)
        self.lsh = lsh
        hasher = MinHasher(configuration)
        index = LSHIndex(configuration: configuration, lsh: lsh, storesFingerprints: verification == .exact)
    }

    /// Opens an index file written by ``write(to:)``, ``append(to:ids:)`` or `neardup index`.
    /// The file is memory-mapped: signatures and shingles are not copied.
    ///
    /// - Parameters:
    ///   - path: the index file.
    ///   - expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError/Code/incompatibleSignatures`` for another configuration,
    ///   ``NearDupError/Code/damagedIndex`` for a damaged file (naming the record and byte),
    ///   ``NearDupError/Code/unsupportedFormat`` for another format version, and
    ///   ``NearDupError/Code/fileNotFound``, ``NearDupError/Code/permissionDenied`` or
    ///   ``NearDupError/Code/ioError`` when it cannot be read.
    /// - Complexity: O(file size) to check every record, O(n·b) to build the band tables.
    public init(contentsOf path: String, expecting expected: MinHashConfiguration? = nil) throws {
        let (header, mapping, index) = try IndexFile.load(path, expecting: expected)
        configuration = header.configuration
        lsh = header.lsh
        threshold = header.threshold
        verification = header.storesFingerprints ? .exact : .estimate
        hasher = MinHasher(configuration)
        self.index = index
        self.mapping = mapping
    }

    /// Number of documents in the index.
    public var count: Int { withLock { index.count } }

    /// Number of groups of documents with identical sketches (exact copies) in the index: the
    /// entries its bands hold and its queries compare.
    var groupCount: Int { withLock { index.groupCount } }

    /// Whether a document with `id` is in the index.
    ///
    /// - Parameter id: a document id.
    /// - Returns: `true` when a document with `id` is in the index.
    /// - Complexity: O(1) on average.
    public func contains(id: String) -> Bool { withLock { index.slot(of: id) != nil } }

    /// Adds a document; a document with the same id is replaced.
    ///
    /// - Parameters:
    ///   - id: the document id.
    ///   - text: the document's text.
    /// - Complexity: O(text length + k + b) for signing (outside the lock), O(k + shingles + b) under it.
    public func insert(id: String, text: String) {
        withSketch(of: text) { sketcher in
            withLock { insertLocked(id: id, sketcher) }
        }
    }

    /// The indexed documents whose similarity to `text` is at least `threshold` (default: the
    /// index's), most similar first (ties by insertion order). Exact copies in the index are
    /// compared once and each listed.
    ///
    /// - Parameters:
    ///   - text: the query document.
    ///   - threshold: the least similarity of a match; `nil` for the index's ``threshold``.
    /// - Returns: the matches, each verified (exact Jaccard in an exact index, else the estimate).
    /// - Complexity: O(text length + k) to sign, plus O(k + shingles) per candidate group of
    ///   identical documents, plus O(m log m) for m matches.
    public func query(_ text: String, threshold: Double? = nil) -> [IndexMatch] {
        withSketch(of: text) { sketcher in
            withLock { queryLocked(sketcher, threshold: threshold ?? self.threshold, excluding: nil, exact: verification == .exact) }
        }
    }

    /// Adds a document known only by its MinHash signature (made here, on another machine, or
    /// by `neardup sign`); a document with the same id is replaced.
    ///
    /// Only an index that verifies by estimate (``Verification/estimate``) takes signatures:
    /// an exact index keeps every document's shingles and reports exact Jaccard, which a
    /// signature cannot give.
    ///
    /// - Parameters:
    ///   - id: the document id.
    ///   - signature: the document's signature, made with this index's configuration.
    /// - Throws: ``NearDupError/Code/shinglesRequired`` for an exact index,
    ///   ``NearDupError/Code/incompatibleSignatures`` for a signature of another configuration.
    /// - Complexity: O(k + b).
    public func insert(id: String, signature: Signature) throws {
        try DocumentSketcher.checkSignature(signature, of: id, configuration: configuration, exact: verification == .exact)
        withSketch(of: signature) { sketcher in
            withLock { insertLocked(id: id, sketcher) }
        }
    }

    /// The indexed documents whose **estimated** similarity to the document with `signature`
    /// is at least `threshold` (default: the index's), most similar first. The matches are
    /// estimates (``IndexMatch/jaccard`` is `nil`) even in an exact index: a signature has no
    /// shingles to compare exactly.
    ///
    /// - Parameters:
    ///   - signature: the query document's signature, made with this index's configuration.
    ///   - threshold: the least estimated similarity of a match; `nil` for the index's
    ///     ``threshold``.
    /// - Returns: the matches, by estimate.
    /// - Throws: ``NearDupError/Code/incompatibleSignatures`` for a signature of another
    ///   configuration.
    /// - Complexity: O(k + b), plus O(k) per candidate.
    public func query(signature: Signature, threshold: Double? = nil) throws -> [IndexMatch] {
        try DocumentSketcher.checkSignature(signature, of: "the query", configuration: configuration, exact: false)
        return withSketch(of: signature) { sketcher in
            withLock { queryLocked(sketcher, threshold: threshold ?? self.threshold, excluding: nil, exact: false) }
        }
    }

    /// Queries and, only when nothing matches, inserts — atomically, so two near-duplicate
    /// texts inserted concurrently cannot both get in. Returns the matches (empty: inserted).
    ///
    /// A document already in the index under the same `id` is not a match for itself; when
    /// nothing else matches, it is replaced.
    ///
    /// - Parameters:
    ///   - id: the document id.
    ///   - text: the document's text.
    /// - Returns: the matches at the index's ``threshold``, most similar first; empty when the
    ///   document was inserted.
    /// - Complexity: as ``query(_:threshold:)`` plus ``insert(id:text:)``.
    public func insertIfUnique(id: String, text: String) -> [IndexMatch] {
        withSketch(of: text) { sketcher in
            withLock {
                let matches = queryLocked(sketcher, threshold: threshold, excluding: id, exact: verification == .exact)
                if matches.isEmpty { insertLocked(id: id, sketcher) }
                return matches
            }
        }
    }

    /// Removes the document with `id`; returns whether there was one.
    ///
    /// - Parameter id: a document id.
    /// - Returns: `true` when a document was removed.
    /// - Complexity: O(b · documents sharing its bands).
    @discardableResult
    public func remove(id: String) -> Bool { withLock { index.remove(id: id) } }

    /// Writes the whole index to `path` atomically (a temporary file beside it, then renamed).
    ///
    /// - Parameter path: the file to create or replace (a symbolic link is followed; anything but
    ///   a regular file is refused).
    /// - Throws: ``NearDupError`` when the file cannot be written (for example
    ///   ``NearDupError/Code/permissionDenied``, ``NearDupError/Code/noSpace``,
    ///   ``NearDupError/Code/ioError``); the previous file is then left as it was.
    /// - Complexity: O(n·(k + shingles)) for n documents.
    public func write(to path: String) throws {
        try withLock {
            let writer = try IndexFileWriter(creating: path, header: IndexFileHeader(
                configuration: configuration, lsh: lsh, threshold: threshold, storesFingerprints: verification == .exact))
            try index.forEachDocument { id, sketch in
                try writer.append(id: id, sketch)
            }
            try writer.commit()
        }
    }

    /// Appends the documents with the given ids to the index file at `path`, which must have
    /// this index's configuration.
    ///
    /// - Parameters:
    ///   - path: an index file written with this index's configuration and verification.
    ///   - ids: the documents to append; ids not in the index are ignored.
    /// - Throws: ``NearDupError`` for another configuration or verification, a damaged file or a
    ///   write error; the file's committed records are then unchanged.
    /// - Complexity: O(file size) to check the file, plus O(k + shingles) per document appended.
    public func append(to path: String, ids: [String]) throws {
        try withLock {
            let writer = try IndexFileWriter(appendingTo: path, expecting: configuration)
            guard writer.header.storesFingerprints == (verification == .exact) else {
                writer.abandon()
                throw NearDupError(
                    .incompatibleSignatures,
                    "\(path) keeps \(writer.header.storesFingerprints ? "shingle fingerprints (exact verification)" : "no shingle fingerprints (estimate verification)"), this index verifies by \(verification == .exact ? "exact Jaccard" : "estimate"); use the same --verify")
            }
            for id in ids {
                guard let slot = index.slot(of: id) else { continue }
                try index.forEachDocument(inSlot: slot) { id, sketch in
                    try writer.append(id: id, sketch)
                }
            }
            try writer.commit()
        }
    }

    // MARK: - Internals

    private func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Signs `text` with a pooled sketcher (fingerprints sorted, as the index keeps them).
    private func withSketch<R>(of text: String, _ body: (DocumentSketcher) -> R) -> R {
        withPooledSketcher { sketcher in
            sketcher.sketch(text, sortingFingerprints: true)
            return body(sketcher)
        }
    }

    /// Sketches a signature with a pooled sketcher.
    private func withSketch<R>(of signature: Signature, _ body: (DocumentSketcher) -> R) -> R {
        withPooledSketcher { sketcher in
            sketcher.sketch(signature: signature)
            return body(sketcher)
        }
    }

    private func withPooledSketcher<R>(_ body: (DocumentSketcher) -> R) -> R {
        let sketcher = withLock { sketchers.popLast() }
            ?? DocumentSketcher(hasher: hasher, lsh: lsh, keepsFingerprints: verification == .exact)
        defer { withLock { sketchers.append(sketcher) } }
        return body(sketcher)
    }

    private func insertLocked(id: String, _ sketcher: DocumentSketcher) {
        index.insert(id: id, sketcher.sketch)
    }

    /// Verifies each candidate group once and lists its members: m indexed copies of a text
    /// cost one comparison and m matches.
    private func queryLocked(_ sketcher: DocumentSketcher, threshold: Double, excluding: String?, exact: Bool) -> [IndexMatch] {
        guard sketcher.setSize > 0 else { return [] }
        let query = sketcher.sketch
        var found: [(similarity: Double, slot: Int32, group: Int32)] = []
        var similarities: [(estimate: Double, jaccard: Double?)] = []
        for group in index.candidateGroups(bandKeys: UnsafeBufferPointer(sketcher.bandKeys)) {
            let (estimate, jaccard) = index.similarity(ofGroup: group, to: query, verification: exact ? .exact : .estimate)
            let similarity = jaccard ?? estimate
            guard similarity >= threshold else { continue }
            let position = Int32(similarities.count)
            similarities.append((estimate, jaccard))
            index.forEachMember(ofGroup: group) { slot in
                if excluding == nil || index.ids[slot] != excluding { found.append((similarity, Int32(slot), position)) }
            }
        }
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.slot < $1.slot }
        return found.map { match in
            let (estimate, jaccard) = similarities[Int(match.group)]
            return IndexMatch(id: index.ids[Int(match.slot)]!, estimate: estimate, jaccard: jaccard)
        }
    }
}
