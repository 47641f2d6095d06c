import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an index file: a new one (into a temporary file beside it, renamed into place by
/// ``commit()``), or appends to an existing one (records after the committed length; the
/// header is rewritten by ``commit()`` only after the records are synced). Either way, a run
/// that fails leaves the previous file as it was.
final class IndexFileWriter {
    let path: String
    private(set) var header: IndexFileHeader
    private let descriptor: Int32
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private var offset: UInt64
    private var committed = false

    /// Starts a new index file at `path` (written to a temporary file until ``commit()``).
    init(creating path: String, header: IndexFileHeader) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
        descriptor = open(temporary, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        temporaryPath = temporary
        self.header = header
        let encoded = header.encoded()
        buffer = encoded  // written at offset 0 by the first flush
        offset = 0
        self.header.committedLength = UInt64(encoded.count)
        self.header.recordCount = 0
    }

    /// Opens `path` for appending.
    ///
    /// - Parameter expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError`` when the file is missing, damaged, or of another configuration.
    init(appendingTo path: String, expecting expected: MinHashConfiguration?) throws {
        descriptor = open(path, O_RDWR)
        guard descriptor >= 0 else { throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))") }
        // One appender at a time: a second process waits here, then reads the header the first
        // one committed (two appenders writing at the same committed offset would lose records).
        // The lock goes with the descriptor, closed in deinit.
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw NearDupError(.ioError, "cannot lock \(path): \(reason)")
            }
        }
        let header: IndexFileHeader
        do {
            header = try IndexFile.header(of: path)
            try header.checkConfiguration(expected, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        self.path = path
        temporaryPath = nil
        self.header = header
        offset = header.committedLength
    }

    deinit {
        abandon()
        close(descriptor)
    }

    /// Gives up an uncommitted file: a new one's temporary file is removed, an existing file
    /// keeps its committed content. Idempotent; nothing happens after ``commit()``.
    func abandon() {
        guard !committed else { return }
        committed = true
        if let temporaryPath { unlink(temporaryPath) }
    }

    /// Appends one document's record.
    ///
    /// - Complexity: O(k + fingerprints + id), buffered.
    func append(id: String, setSize: Int, signature: UnsafeBufferPointer<UInt32>, fingerprints: ShingleFingerprints.Run) throws {
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
        buffer.append(contentsOf: repeatElement(0, count: ShingleFingerprints.signatureBytes(k: k) - 4 * k))
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
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(position) + off_t(done))
            if written < 0 {
                if errno == EINTR { continue }
                throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += written
        }
    }

    /// Makes the records part of the file: syncs them, writes the header with the new
    /// committed length and count, syncs again; a new file is then renamed into place.
    func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 else { throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))") }
        header.committedLength = offset
        let encoded = header.encoded()
        try encoded.withUnsafeBytes { try writeFully($0, at: 0) }
        // Drop what an interrupted append may have left past the committed length.
        _ = ftruncate(descriptor, off_t(offset))
        guard fsync(descriptor) == 0 else { throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))") }
        if let temporaryPath {
            guard rename(temporaryPath, path) == 0 else {
                throw NearDupError(.ioError, "cannot write \(path): \(String(cString: strerror(errno)))")
            }
        }
        committed = true
    }
}
