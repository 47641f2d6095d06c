import Foundation

/// Reads documents from JSONL files, text files, folders of either, and standard input (`-`,
/// read as JSONL), streaming: one document at a time, nothing kept.
///
/// Any input, standard input included, that starts with gzip's magic bytes (1f 8b) is
/// decompressed while read, whatever its name; several gzip members one after another are one
/// stream (as `gzip -d` reads them). Corrupt or truncated gzip data is a problem naming the file
/// and the compressed byte offset; the documents before it are still read. A name ending in
/// `.gz` is looked at without that ending (`news.jsonl.gz` is JSONL).
///
/// - A `.jsonl`, `.ndjson` or `.json` file, or `-`: one JSON object a line with an id and a text
///   field (names configurable). Blank lines are ignored. A malformed line, or one without a
///   text field, is reported with its line number and byte offset and skipped; the rest of the
///   file is still read.
///
///   The id rule: a non-empty JSON string is the id as it is; a JSON number is kept as its
///   literal text as written (`42` → `"42"`, `1.50` → `"1.50"`, never reformatted); a missing,
///   empty (`""`), `null`, boolean, array or object id gives `FILE:LINE`, the path as given (the
///   ``standardInputName`` for `-`) and the 1-based line number (`news.jsonl:17`).
/// - Any other file: one document whose id is its path (relative to the folder it was found in,
///   when it came from a folder). A file with a NUL byte in its first 8,000 bytes is binary and
///   is skipped with a message.
/// - A folder: every regular file below it, in sorted order, hidden files and folders left out.
///
/// Text that is not valid UTF-8 is decoded as Windows-1252, with a warning.
public struct CorpusReader: Sendable {
    /// The JSONL field holding the document id.
    public var idField: String
    /// The JSONL field holding the text.
    public var textField: String
    /// Documents (and JSONL lines) larger than this are skipped with a message.
    public var maximumDocumentBytes: Int
    /// The name standard input (`-`) goes by in locations and in the ids of records without one.
    public var standardInputName = "-"
    /// The line number of standard input's first line: a slice of a file read from standard
    /// input (a Spark partition) is named and numbered as in the file.
    public var standardInputFirstLine = 1
    /// Called with the number of bytes read from each input as it is read (compressed bytes for
    /// gzip): progress measured against the inputs' sizes. `nil`: not called.
    public var inputBytesRead: (@Sendable (Int) -> Void)?
    /// Whether each JSONL document carries its line as ``CorpusDocument/record`` (a copy of
    /// the line, one allocation a document). A consumer that never uses records (a dedup run
    /// without `--keep`) turns it off; the record is then `nil`. On by default.
    public var keepsRecords = true

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - idField: the JSONL field holding the document id.
    ///   - textField: the JSONL field holding the text.
    ///   - maximumDocumentBytes: documents and JSONL lines larger than this are skipped with a
    ///     message; 64 MiB by default.
    public init(idField: String = "id", textField: String = "text", maximumDocumentBytes: Int = 64 << 20) {
        self.idField = idField
        self.textField = textField
        self.maximumDocumentBytes = maximumDocumentBytes
    }

    /// Whether a path is read as JSONL (by its name, without a final `.gz`).
    ///
    /// - Parameter path: a path as given on the command line.
    /// - Returns: `true` for `-` and for names ending in `.jsonl`, `.ndjson` or `.json` (in any
    ///   case), with or without a final `.gz`.
    public static func isJSONLines(_ path: String) -> Bool {
        if path == "-" { return true }
        var lower = path.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json")
    }

    /// Checks that every path exists and is readable, before any work starts.
    ///
    /// - Parameter paths: files or folders; `-` (standard input) is not checked.
    /// - Throws: ``NearDupError/Code/ioError`` naming the first path that is missing or unreadable.
    public static func checkPathsExist(_ paths: [String]) throws {
        for path in paths where path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw NearDupError(.ioError, "\(path): no such file or folder")
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw NearDupError(.ioError, "\(path): not readable")
            }
        }
    }

    /// Reads every path in order, calling `document` for each document and `problem` for each
    /// problem (the input that had it is skipped, or processed with a warning).
    ///
    /// Errors thrown by `document` stop the reading and are rethrown.
    ///
    /// - Parameters:
    ///   - paths: JSONL files, text files, folders or `-`, read in this order.
    ///   - document: called with each document, in input order.
    ///   - problem: called with each problem; the reading goes on.
    /// - Throws: only what `document` throws. Missing, unreadable or malformed input is reported
    ///   to `problem`, not thrown.
    /// - Complexity: O(total input bytes); memory O(largest document).
    public func read(
        _ paths: [String], document: (CorpusDocument) throws -> Void, problem: (CorpusProblem) -> Void
    ) throws {
        for path in paths {
            try read(path, document: document, problem: problem)
        }
    }

    func read(_ path: String, document: (CorpusDocument) throws -> Void, problem: (CorpusProblem) -> Void) throws {
        if path == "-" {
            try readJSONLines(
                descriptor: 0, path: standardInputName, firstLine: standardInputFirstLine, document: document,
                problem: problem)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problem(CorpusProblem(.skipped, SourceLocation(path: path), "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            for (file, relative) in Self.filesBelow(path) {
                try readFile(file, id: relative, document: document, problem: problem)
            }
        } else {
            try readFile(path, id: path, document: document, problem: problem)
        }
    }

    /// The regular files below `folder`, recursively, sorted by relative path, hidden files and
    /// folders left out, symbolic links to folders not followed (so a link loop cannot repeat the
    /// tree): pairs of (path to open, path relative to `folder`).
    ///
    /// - Parameter folder: the folder to list.
    /// - Returns: (path to open, path relative to `folder`) for each regular file; empty when
    ///   `folder` cannot be listed.
    /// - Complexity: O(f log f) for f files.
    public static func files(below folder: String) -> [(path: String, relativePath: String)] {
        filesBelow(folder).map { (path: $0.0, relativePath: $0.1) }
    }

    static func filesBelow(_ folder: String) -> [(String, String)] {
        let base = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [(String, String)] = []
        let prefix = base.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var full = url.standardizedFileURL.path
            var relative = full
            if relative.hasPrefix(prefix + "/") { relative.removeFirst(prefix.count + 1) }
            if folder != "." { full = (folder as NSString).appendingPathComponent(relative) }
            files.append((full, relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }

    func readFile(
        _ path: String, id: String, document: (CorpusDocument) throws -> Void, problem: (CorpusProblem) -> Void
    ) throws {
        let descriptor: Int32
        do {
            descriptor = try Syscalls.open(path, .readOnly, context: "cannot open")
        } catch {
            problem(CorpusProblem(.skipped, SourceLocation(path: path), error.message))
            return
        }
        defer { Syscalls.close(descriptor) }
        if Self.isJSONLines(path) {
            try readJSONLines(descriptor: descriptor, path: path, document: document, problem: problem)
            return
        }
        let source = InputBytes(descriptor: descriptor, counted: inputBytesRead)
        switch TextFile.read(source: source, path: path, maximumBytes: maximumDocumentBytes) {
        case .failure(let failure):
            problem(failure)
        case .success(let decoded):
            if let warning = decoded.warning {
                problem(CorpusProblem(.warning, SourceLocation(path: path), warning))
            }
            try document(CorpusDocument(
                id: id, text: decoded.text, encoding: decoded.encoding, location: SourceLocation(path: path)))
        }
    }

    /// Reads JSONL from `descriptor` as ``read(_:document:problem:)`` reads a JSONL file,
    /// `chunkSize` bytes at a time at first (the buffer grows for longer lines), numbering its
    /// first line `firstLine`. The result does not depend on `chunkSize`; the fuzz targets
    /// (Fuzz/) check that, hence the SPI.
    @_spi(Fuzzing)
    public func readJSONLines(
        descriptor: Int32, path: String, firstLine: Int = 1, chunkSize: Int = 1 << 20,
        document: (CorpusDocument) throws -> Void,
        problem: (CorpusProblem) -> Void
    ) throws {
        let parser = JSONLineParser(idField: idField, textField: textField)
        try forEachJSONLine(
            descriptor: descriptor, path: path, firstLine: firstLine, chunkSize: chunkSize, problem: problem
        ) { number, location, line in
            guard let record = Self.parse(line, with: parser, path: path, number: number, problem: problem) else { return }
            guard record.hasText else {
                problem(CorpusProblem(.skipped, location, "no string field \"\(textField)\""))
                return
            }
            let decoded: DecodedText
            if let range = record.textRange {
                decoded = TextDecoder.decode(buffer: UnsafeBufferPointer(rebasing: line[range]))
            } else {
                decoded = record.decodedText!.withUnsafeBufferPointer { TextDecoder.decode(buffer: $0) }
            }
            if let warning = decoded.warning {
                problem(CorpusProblem(.warning, location, "field \"\(textField)\" " + warning))
            }
            let others = record.otherMembers.isEmpty
                ? nil
                : record.otherMembers.map { String(decoding: line[$0], as: UTF8.self) }.joined(separator: ",")
            try document(CorpusDocument(
                id: Self.documentID(record.id, path: path, line: number), text: decoded.text, encoding: decoded.encoding,
                location: location, record: keepsRecords ? Array(line) : nil, otherFieldsJSON: others))
        }
    }

    /// Calls `body(number, location, line)` for every non-blank line of a JSONL stream;
    /// reports lines over the size limit and a failed read as skipped.
    /// Parses one JSONL line, or reports it as malformed JSON (naming the byte) and returns nil.
    static func parse(
        _ line: UnsafeBufferPointer<UInt8>, with parser: JSONLineParser, path: String, number: Int,
        problem: (CorpusProblem) -> Void
    ) -> JSONLineParser.Record? {
        do throws(JSONLineParser.SyntaxError) {
            return try parser.parse(line)
        } catch {
            problem(CorpusProblem(
                .skipped, SourceLocation(path: path, line: number, byteOffset: error.offset), "malformed JSON: \(error.message)"))
            return nil
        }
    }

    /// The id rule: a non-empty id as written (a number's literal text); a missing or empty one
    /// is `PATH:LINE`.
    static func documentID(_ id: String?, path: String, line: Int) -> String {
        id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(path):\(line)"
    }

    func forEachJSONLine(
        descriptor: Int32, path: String, firstLine: Int = 1, chunkSize: Int = 1 << 20, problem: (CorpusProblem) -> Void,
        _ body: (Int, SourceLocation, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let source = InputBytes(descriptor: descriptor, counted: inputBytesRead)
        var reader = ByteLineReader(source: source, maximumLineBytes: maximumDocumentBytes, chunkSize: chunkSize)
        defer { reader.free() }
        let failure = try reader.forEachLine { lineInStream, event in
            let number = lineInStream + firstLine - 1
            let location = SourceLocation(path: path, line: number)
            switch event {
            case .tooLong(let length):
                problem(CorpusProblem(
                    .skipped, location, "record of \(length) bytes exceeds the limit of \(maximumDocumentBytes) bytes"))
            case .line(let line):
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                try body(number, location, line)
            }
        }
        if let failure {
            problem(CorpusProblem(.skipped, SourceLocation(path: path), failure.message))
        }
    }
}
