#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one whole text file: size limit, binary check, UTF-8 or Windows-1252 decoding.
public enum TextFile {
    /// Reads and decodes the file at `path`.
    ///
    /// - Returns: the decoded text, or a ``CorpusProblem`` naming the file and what is wrong
    ///   (missing, unreadable, binary, larger than `maximumBytes`).
    public static func read(path: String, maximumBytes: Int = 64 << 20) -> Result<DecodedText, CorpusProblem> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            return .failure(CorpusProblem(.skipped, SourceLocation(path: path), reason))
        }
        defer { close(descriptor) }
        return read(descriptor: descriptor, path: path, maximumBytes: maximumBytes)
    }

    static func read(descriptor: Int32, path: String, maximumBytes: Int) -> Result<DecodedText, CorpusProblem> {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(CorpusProblem(
                    .skipped, SourceLocation(path: path, byteOffset: bytes.count),
                    "read error: \(String(cString: strerror(errno)))"))
            }
            if got == 0 { break }
            bytes += chunk[0..<got]
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
