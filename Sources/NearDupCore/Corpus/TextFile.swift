/// Reads one whole text file: gzip decompression (by magic bytes), size limit, decoding (UTF-8,
/// UTF-16 or UTF-32 by byte order mark, UTF-16 by its zero bytes, Windows-1252 for bytes that
/// are not UTF-8: ``TextDecoder/decodeFile(buffer:)``), binary check; a saved web page is read
/// as its story (``WebPage``).
public enum TextFile {
    /// Reads and decodes the file at `path`; `-` reads standard input (named `-` in problems,
    /// shown as `<stdin>`). Gzip data (magic bytes 1f 8b) is decompressed, whatever the name.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - maximumBytes: the largest file accepted; 64 MiB by default.
    /// - Returns: the decoded text, or a ``CorpusProblem`` naming the file and what is wrong
    ///   (missing, unreadable, binary: a NUL byte in the first 8,000 bytes that is not UTF-16 or
    ///   UTF-32 text, larger than `maximumBytes` once decompressed, corrupt or
    ///   truncated gzip data with its compressed byte offset). For a file that
    ///   ``WebPage/looksLikeHTML(path:text:)``, the text is the page's ``WebPage/storyText`` and
    ///   ``DecodedText/metadata`` its metadata.
    /// - Complexity: O(file bytes); memory O(file bytes).
    public static func read(path: String, maximumBytes: Int = 64 << 20) -> Result<DecodedText, CorpusProblem> {
        if path == "-" {
            return read(source: InputBytes(descriptor: 0), path: path, maximumBytes: maximumBytes)
        }
        let descriptor: Int32
        do {
            descriptor = try Syscalls.open(path, .readOnly, context: "cannot open")
        } catch {
            let reason = error.code == .fileNotFound ? "no such file" : error.message
            return .failure(CorpusProblem(.skipped, SourceLocation(path: path), reason))
        }
        defer { Syscalls.close(descriptor) }
        return read(source: InputBytes(descriptor: descriptor), path: path, maximumBytes: maximumBytes)
    }

    static func read(source: InputBytes, path: String, maximumBytes: Int) -> Result<DecodedText, CorpusProblem> {
        var bytes = [UInt8]()
        let chunkSize = 1 << 16
        let chunk = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 8)
        defer { chunk.deallocate() }
        while true {
            let got: Int
            do {
                got = try source.read(into: chunk, count: chunkSize)
            } catch {
                // A gzip error names its compressed offset; a plain read error the file offset.
                let offset = source.isGzip ? nil : bytes.count
                return .failure(CorpusProblem(.skipped, SourceLocation(path: path, byteOffset: offset), error.message))
            }
            if got == 0 { break }
            bytes += UnsafeRawBufferPointer(start: chunk, count: got)
            if bytes.count > maximumBytes {
                return .failure(CorpusProblem(
                    .skipped, SourceLocation(path: path), "larger than the limit of \(maximumBytes) bytes"))
            }
        }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let decoded = TextDecoder.decodeFile(buffer: buffer) else {
                let nul = buffer.prefix(8000).firstIndex(of: 0)
                return .failure(CorpusProblem(
                    .skipped, SourceLocation(path: path, byteOffset: nul), "binary file (NUL byte), not text"))
            }
            return .success(WebPage.storyIfPage(decoded, path: path))
        }
    }
}
