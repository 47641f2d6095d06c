import NearDupCore
import Foundation

/// Writes an index file: a new one (into a temporary file beside it, renamed into place by
/// ``commit()``), or appends to an existing one (records after the committed length; the
/// header is rewritten by ``commit()`` only after the records are synced). Either way, a run
/// that fails leaves the previous file as it was.
///
/// Writers of one file take turns: each holds an exclusive lock (flock) on the file it
/// extends or replaces from start to commit. An append that waited for a create appends to
/// the new file, never to the one the create replaced.
final class IndexFileWriter {
    let path: String
    private(set) var header: IndexFileHeader
    private let descriptor: Int32
    /// A new file: its temporary file, renamed into place by ``commit()``.
    private let output: OutputFile?
    /// A new file replacing an existing one: a descriptor of the existing file, holding its lock.
    private let replacedLock: Int32?
    private var buffer: [UInt8] = []
    private var offset: UInt64
    private var committed = false
    /// An append: the file's committed length and header when it was opened, restored by
    /// ``abandon()`` so that a failed append (a full disk) leaves the file, and the disk, as
    /// they were.
    private let appendStart: (length: UInt64, header: [UInt8])?

    /// Starts a new index file at `path` (written to a temporary file until ``commit()``;
    /// symbolic links are followed; anything but a regular file is refused).
    init(creating path: String, header: IndexFileHeader) throws {
        let output = try OutputFile(path: path, regularOnly: true)
        if output.existing != nil {
            // Wait for a running append to the file being replaced, and make appends that
            // start now wait for this create (they then append to the new file).
            let lock = try Syscalls.open(output.target, .readOnly, context: "cannot lock \(path)")
            do {
                try Syscalls.lockExclusively(lock, context: "cannot lock \(path)")
            } catch {
                Syscalls.close(lock)
                throw error
            }
            replacedLock = lock
        } else {
            replacedLock = nil
        }
        self.output = output
        descriptor = output.descriptor
        self.path = path
        self.header = header
        let encoded = header.encoded()
        buffer = encoded  // written at offset 0 by the first flush
        offset = 0
        appendStart = nil
        self.header.committedLength = UInt64(encoded.count)
        self.header.recordCount = 0
    }

    /// Opens `path` for appending, once no other writer holds it, and checks the whole file.
    ///
    /// - Parameter expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError`` when the file is missing (``NearDupError/Code/fileNotFound``),
    ///   damaged (``NearDupError/Code/damagedIndex``: a truncated file, a record whose checksum
    ///   does not match), or of another configuration.
    /// - Complexity: O(file size), to check every record.
    init(appendingTo path: String, expecting expected: MinHashConfiguration?) throws {
        var descriptor: Int32
        while true {
            descriptor = try Syscalls.open(path, .readWrite, context: "cannot write \(path)")
            do {
                // One writer at a time: a second one waits here, then reads the header the
                // first one committed (two appenders writing at the same committed offset
                // would lose records). The lock goes with the descriptor, closed in deinit.
                try Syscalls.lockExclusively(descriptor, context: "cannot lock \(path)")
                // A create may have replaced the file while this waited: then append to the
                // new file, not to the one it replaced.
                let locked = try Syscalls.status(of: descriptor, context: "\(path): cannot read its status")
                if try Syscalls.status(of: path)?.identity == locked.identity { break }
            } catch {
                Syscalls.close(descriptor)
                throw error
            }
            Syscalls.close(descriptor)
        }
        let header: IndexFileHeader
        do {
            header = try IndexFile.header(of: descriptor, path: path)
            try header.checkConfiguration(expected, path: path)
            // Never extend a damaged file: check every committed record first.
            let mapping = try IndexFile.map(descriptor: descriptor, path: path, header: header)
            try IndexFile.checkRecords(in: mapping, path: path, header: header)
        } catch {
            Syscalls.close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.path = path
        output = nil
        replacedLock = nil
        self.header = header
        offset = header.committedLength
        appendStart = (header.committedLength, header.encoded())
    }

    deinit {
        abandon()
        if output == nil { Syscalls.close(descriptor) }  // a new file's descriptor is the output's
        if let replacedLock { Syscalls.close(replacedLock) }
    }

    /// Gives up an uncommitted file: a new one's temporary file is removed; an existing file
    /// is cut back to its committed length, with its header as it was (issue 17, item 15: a
    /// failed append kept its partial records, and a full disk stayed full). Idempotent;
    /// nothing happens after ``commit()``.
    func abandon() {
        guard !committed else { return }
        committed = true
        output?.abandon()
        if let appendStart {
            // Best effort: the records past the committed length are ignored when the file is
            // read anyway; this gives their space back.
            appendStart.header.withUnsafeBytes { try? writeFully($0, at: 0) }
            try? Syscalls.truncate(descriptor, to: appendStart.length, context: "cannot write \(path)")
            try? Syscalls.sync(descriptor, context: "cannot write \(path)")
        }
    }

    /// Appends one document's record.
    ///
    /// - Complexity: O(k + fingerprints + id), buffered.
    func append(id: String, _ sketch: DocumentSketch) throws {
        let setSize = sketch.setSize, signature = sketch.compact, fingerprints = sketch.fingerprints
        let k = header.configuration.permutations
        precondition(signature.count == k, "a signature of k values")
        let n = header.storesFingerprints ? fingerprints.count : 0
        let idBytes = Array(id.utf8)
        let length = IndexFile.recordLength(k: k, fingerprints: n, idLength: idBytes.count)
        let start = buffer.count
        buffer.reserveCapacity(start + length)
        func put(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) } }
        put(UInt32(length))
        put(UInt32(clamping: setSize))
        put(UInt32(n))
        put(UInt32(idBytes.count))
        for value in signature { put(value) }
        buffer.append(contentsOf: repeatElement(0, count: CompactSignature.storedBytes(k: k) - 4 * k))
        if n > 0 { buffer.append(contentsOf: fingerprints.bytes) }
        buffer.append(contentsOf: idBytes)
        buffer.append(contentsOf: repeatElement(0, count: IndexFile.paddedIDLength(idBytes.count) - idBytes.count))
        let checksum = buffer.withUnsafeBytes { UInt32(truncatingIfNeeded: CBoundary.xxh3($0.baseAddress! + start, length - 4, seed: 0)) }
        put(checksum)
        header.recordCount += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { try writeFully($0, at: offset) }
        offset += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeFully(_ bytes: UnsafeRawBufferPointer, at position: UInt64) throws {
        guard let base = bytes.baseAddress else { return }
        try Syscalls.write(descriptor, base, count: bytes.count, at: position, context: "cannot write \(path)")
    }

    /// Makes the records part of the file: syncs them, writes the header with the new
    /// committed length and count, syncs again; a new file is then renamed into place.
    func commit() throws {
        do {
            try commitRecords()
        } catch {
            abandon()
            throw error
        }
    }

    private func commitRecords() throws {
        try flush()
        try Syscalls.sync(descriptor, context: "cannot write \(path)")
        header.committedLength = offset
        let encoded = header.encoded()
        try encoded.withUnsafeBytes { try writeFully($0, at: 0) }
        // Drop what an interrupted append may have left past the committed length.
        try Syscalls.truncate(descriptor, to: offset, context: "cannot write \(path)")
        try Syscalls.sync(descriptor, context: "cannot write \(path)")
        try output?.commit()
        committed = true
    }
}
