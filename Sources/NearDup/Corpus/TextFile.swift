/// Reads one whole text file: size limit, binary check, UTF-8 or Windows-1252 decoding.
public enum TextFile {
    /// Reads and decodes the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - maximumBytes: the largest file accepted; 64 MiB by default.
    /// - Returns: the decoded text, or a ``CorpusProblem`` naming the file and what is wrong
    ///   (missing, unreadable, binary, larger than `maximumBytes`).
    /// - Complexity: O(n) in the size of the file.
    public static func read(path: String, maximumBytes: Int = 64 << 20) -> Result<DecodedText, CorpusProblem> {
        let descriptor: Int32
        do {
            descriptor = try Syscalls.open(path, .readOnly, context: "cannot open")
        } catch {
            let reason = error.code == .fileNotFound ? "no such file" : error.message
            return .failure(CorpusProblem(.skipped, SourceLocation(path: path), reason))
        }
        defer { Syscalls.close(descriptor) }
        return read(descriptor: descriptor, path: path, maximumBytes: maximumBytes)
    }

    static func read(descriptor: Int32, path: String, maximumBytes: Int) -> Result<DecodedText, CorpusProblem> {
        var bytes = [UInt8]()
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let got: Int
            do {
                got = try Syscalls.read(descriptor, into: chunk, count: chunkSize, context: "read error")
            } catch {
                return .failure(CorpusProblem(.skipped, SourceLocation(path: path, byteOffset: bytes.count), error.message))
            }
            if got == 0 { break }
            bytes += UnsafeRawBufferPointer(start: chunk, count: got)
            if bytes.count > maximumBytes {
                return .failure(CorpusProblem(
                    .skipped, SourceLocation(path: path), "larger than the limit of \(maximumBytes) bytes"))
            }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            if let nul = buffer.prefix(8000).firstIndex(of: 0) {
                return .failure(CorpusProblem(
                    .skipped, SourceLocation(path: path, byteOffset: nul), "binary file (NUL byte), not text"))
            }
            return .success(TextDecoder.decode(buffer: buffer))
        }
    }
}
