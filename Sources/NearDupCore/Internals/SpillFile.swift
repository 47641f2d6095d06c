import Foundation

/// An append-only scratch file for what a run needs again only later — in dedup, the compact
/// signatures and shingle fingerprints of candidate documents and the records of kept ones; in
/// discovery, the stories' texts — so that memory holds only an offset per document.
///
/// The file is created in the temporary folder (`TMPDIR`) and unlinked at once: nothing remains
/// on disk after the process ends, however it ends. Appends are buffered; reads use `pread`, so
/// reading back does not map the file into the process's memory.
///
/// Appending is not thread-safe; reading (after ``flush()``) may happen from many threads.
package final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private let bufferCapacity = 1 << 20
    private var buffered = 0
    /// Bytes appended so far (the offset of the next append).
    package private(set) var length: UInt64 = 0
    /// The name the file had before it was unlinked, for messages.
    package let path: String

    package init() throws(NearDupError) {
        let folder = FileManager.default.temporaryDirectory.path
        let (fd, path) = try Syscalls.makeTemporaryFile(in: folder, prefix: "neardup-spill-")
        Syscalls.unlink(path)
        descriptor = fd
        self.path = path
        buffer = .allocate(capacity: bufferCapacity)
    }

    deinit {
        Syscalls.close(descriptor)
        buffer.deallocate()
    }

    /// Appends `count` bytes and returns their offset.
    ///
    /// - Complexity: O(count), amortised.
    @discardableResult
    package func append(_ bytes: UnsafeRawPointer, count: Int) throws(NearDupError) -> UInt64 {
        let offset = length
        if buffered + count > bufferCapacity { try flush() }
        if count >= bufferCapacity {
            try writeFully(bytes, count: count)
        } else {
            (UnsafeMutableRawPointer(buffer) + buffered).copyMemory(from: bytes, byteCount: count)
            buffered += count
        }
        length += UInt64(count)
        return offset
    }

    /// Writes buffered bytes to the file.
    package func flush() throws(NearDupError) {
        guard buffered > 0 else { return }
        try writeFully(buffer, count: buffered)
        buffered = 0
    }

    private func writeFully(_ bytes: UnsafeRawPointer, count: Int) throws(NearDupError) {
        try Syscalls.write(descriptor, bytes, count: count, context: "cannot write the scratch file \(path) (unlinked; in TMPDIR)")
    }

    /// Reads `count` bytes at `offset` into `destination`. Call ``flush()`` first.
    ///
    /// - Parameter what: what the bytes are, for the message of a failure.
    /// - Throws: ``NearDupError`` naming `what`, the file, the offset and the count when the
    ///   read fails or the file ends before `offset + count`.
    /// - Complexity: O(count), one system call (the page cache usually holds the data).
    package func read(
        at offset: UInt64, count: Int, into destination: UnsafeMutableRawPointer, what: @autoclosure () -> String = "data"
    ) throws(NearDupError) {
        func context() -> String { "cannot read \(what()) back from the scratch file \(path) (unlinked; in TMPDIR) at offset \(offset), \(count) bytes" }
        let got = try Syscalls.read(descriptor, into: destination, count: count, at: offset, context: context())
        if got < count { throw NearDupError(.ioError, "\(context()): the file ends after \(got) of them") }
    }
}
