import Foundation

/// Where a command writes its main output: standard output, or a file written atomically
/// (into a temporary file beside it, renamed into place only when complete), so that a failed
/// run never leaves a half-written file under the final name.
final class OutputSink {
    private let path: String?
    private let temporaryPath: String?
    private let handle: UnsafeMutablePointer<FILE>

    /// Opens standard output (`path` nil or `-`) or a temporary file beside `path`.
    init(path: String?) throws {
        if let path, path != "-" {
            let directory = (path as NSString).deletingLastPathComponent
            let name = (path as NSString).lastPathComponent
            let temporary = (directory.isEmpty ? "." : directory) + "/.\(name).tmp-\(getpid())"
            guard let file = fopen(temporary, "w") else {
                throw CommandFailure("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            self.path = path
            self.temporaryPath = temporary
            self.handle = file
        } else {
            self.path = nil
            self.temporaryPath = nil
            self.handle = fdopen(1, "w")
        }
    }

    /// Whether a temporary file is still open (not yet committed).
    private var pending = true

    deinit {
        // Never committed (an error ended the run): remove the temporary file.
        if pending, let temporaryPath {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    func write(bytes: UnsafeRawBufferPointer) {
        _ = fwrite(bytes.baseAddress, 1, bytes.count, handle)
    }

    /// Flushes, and for a file renames the temporary file into place.
    func commit() throws {
        guard let path, let temporaryPath else {
            // Standard output: a full disk or a closed pipe must not pass for success.
            if fflush(handle) != 0 || ferror(handle) != 0 {
                throw CommandFailure("cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            return
        }
        let failed = fflush(handle) != 0 || ferror(handle) != 0
        fclose(handle)
        pending = false
        if failed || rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CommandFailure("cannot write \(path): \(reason)")
        }
    }
}

/// A failure that ends a command with a message and an exit code.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32
    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }
    var description: String { message }
}
