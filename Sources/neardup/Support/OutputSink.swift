import NearDup

/// Where a command writes its main output: standard output, or a path opened by the rule of
/// ``OutputFile``: a regular file (or nothing) is written to a temporary file beside it and
/// renamed into place only when complete, so a failed or interrupted run never leaves a
/// half-written file under the final name; a symbolic link is followed; a device or FIFO is
/// written in place.
///
/// Writes are buffered; the first write error is kept and reported by ``commit()``.
final class OutputSink {
    private let file: OutputFile?
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private var failure: NearDupError?
    /// A terminal sees each write at once (as line-buffered standard output did).
    private let isTerminal: Bool

    /// Opens standard output (`path` nil or `-`) or `path`.
    ///
    /// - Throws: ``CommandFailure`` naming the path.
    init(path: String?) throws {
        if let path, !Self.isStandardOutput(path) {
            do {
                let file = try OutputFile(path: path)
                self.file = file
                descriptor = file.descriptor
            } catch let error as NearDupError {
                throw CommandFailure(error.message)
            }
            name = path
        } else {
            file = nil
            descriptor = 1
            name = "standard output"
        }
        isTerminal = Syscalls.isTerminal(descriptor)
        buffer.reserveCapacity(capacity)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    func write(bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count > capacity { flush() }
        if bytes.count >= capacity {
            send(bytes)
        } else {
            buffer.append(contentsOf: bytes)
            if isTerminal { flush() }
        }
    }

    private func flush() {
        buffer.withUnsafeBytes { send($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        do {
            try Syscalls.write(descriptor, base, count: bytes.count, context: "cannot write to \(name)")
        } catch {
            failure = error
        }
    }

    /// Writes what is buffered and, for a file, renames the temporary file into place.
    ///
    /// - Throws: ``CommandFailure`` for a failed write (a full disk, a closed pipe): the
    ///   temporary file is then removed.
    func commit() throws {
        flush()
        if let failure {
            file?.abandon()
            throw CommandFailure(failure.message)
        }
        do {
            try file?.commit()
        } catch let error as NearDupError {
            throw CommandFailure(error.message)
        }
    }

    /// Gives up the output of a run that failed: a file is not replaced (its temporary file is
    /// removed, what was at its path stays as it was); what is buffered for standard output, a
    /// device or a FIFO is written, since what they received before cannot be taken back.
    ///
    /// - Returns: what became of the output, for the error message.
    func abandon() -> String {
        if let file, !file.isInPlace {
            buffer.removeAll()
            file.abandon()
            return "nothing is written to \(name), which is left as it was"
        }
        flush()
        return "what was written to \(name) before the failure stays there"
    }
}

extension OutputSink {
    /// Whether an output path means standard output: none, or `-`.
    static func isStandardOutput(_ path: String?) -> Bool { path == nil || path == "-" }
}

/// A failure that ends a command with a message and an exit code: ``NearDupCommand/main()``
/// writes `neardup: error: MESSAGE` and exits with the code.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }
    var description: String { message }
}
