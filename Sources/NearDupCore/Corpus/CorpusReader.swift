import Foundation

/// Reads documents from JSONL files, text files, folders of either, and standard input (`-`,
/// read as JSONL), streaming: one document at a time, nothing kept.
///
/// Any input, standard input included, that starts with gzip's magic bytes (1f 8b) is
/// decompressed while read, whatever its name; several gzip members one after another are one
/// stream (as `gzip -d` reads them). A name ending in `.gz` is looked at without that ending
/// (`news.jsonl.gz` is JSONL). A gzip member that fails its check (corrupt data, a CRC or
/// length that does not match, data cut short) is reported naming the file and the compressed
/// byte offset, and ``read(_:document:problem:)`` then throws once every input is read: gzip
/// checks a member only at its end, so documents of the damaged member may already have been
/// handed over, and whatever was made of them must not be kept.
///
/// - A `.jsonl`, `.ndjson` or `.json` file, or `-`: one JSON object a line with an id and a text
///   field (names configurable). Blank lines are ignored, and so is a UTF-8 byte order mark at
///   the start. A malformed line, or one without a text field, is reported with its line number
///   and byte offset and skipped; the rest of the file is still read. Malformed includes a
///   repeated id or text field, an id or any passed-through field that is not valid UTF-8, and
///   an unpaired surrogate escape (`\ud800`) anywhere: none is ever turned into U+FFFD.
///
///   The id rule: a non-empty JSON string is the id as it is; a JSON number is kept as its
///   literal text as written (`42` → `"42"`, `1.50` → `"1.50"`, never reformatted); a missing,
///   empty (`""`), `null`, boolean, array or object id gives `FILE:LINE`, the path as given (the
///   ``standardInputName`` for `-`) and the 1-based line number (`news.jsonl:17`).
/// - Any other file: one document whose id is its path as given, and for a file found in a
///   folder, the folder as given joined with the path below it (``textFileID(_:)``: `2023/`
///   and `2024/` give `2023/story.txt` and `2024/story.txt`). Text in UTF-8, UTF-16 or UTF-32
///   with a byte order mark, or UTF-16 without one when its zero bytes show it, is decoded
///   (``TextDecoder/decodeFile(buffer:)``); any other file with a NUL byte in its first 8,000
///   bytes is binary and is skipped with a message.
/// - A folder: every regular file below it, in sorted order, hidden files and folders left out,
///   symbolic links followed with loop protection; an unreadable subfolder is a problem naming
///   it (``files(below:problem:)``).
///
/// A file reached twice in one read (named twice, inside a folder also given, or through a
/// link: the same device and inode) is read once, at its first appearance, with a warning.
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
    /// Fields left out of ``CorpusDocument/otherFieldsJSON`` besides the id and text fields:
    /// the names an output writes itself, so that it never writes a key twice (`neardup sign`
    /// writes `id` and `signature`, so a record's own `id`, with `--id-field` naming another
    /// field, and a stale `signature` are replaced, not copied). Empty by default.
    public var omittedFields: [String] = []

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
    /// - Throws: what `document` throws; and after every input is read, when a gzip member
    ///   failed its check or was cut short, ``NearDupError/Code/invalidInput`` naming the first
    ///   such file and compressed offset (each was reported to `problem` too): documents of
    ///   that member may have been handed to `document` before the damage showed, so what was
    ///   made of this read must be discarded. Missing, unreadable or malformed input is
    ///   reported to `problem`, not thrown.
    /// - Complexity: O(total input bytes); memory O(largest document).
    public func read(
        _ paths: [String], document: (CorpusDocument) throws -> Void, problem: (CorpusProblem) -> Void
    ) throws {
        var state = ReadState()
        for path in paths {
            try read(path, state: &state, document: document, problem: problem)
        }
        try state.throwIfDamaged()
    }

    /// What one read remembers across its inputs: the files already read (device and inode, and
    /// the path first read), and the first damaged gzip input.
    struct ReadState {
        var filesRead: [[UInt64]: String] = [:]
        var firstDamage: CorpusProblem?

        /// Whether the open file `descriptor` (at `path`) was read before in this read; reports
        /// it if so, and remembers it if not.
        mutating func isRepeat(_ descriptor: Int32, path: String, problem: (CorpusProblem) -> Void) -> Bool {
            guard let status = try? Syscalls.status(of: descriptor, context: path), status.kind == .regular else { return false }
            if let first = filesRead[status.identity] {
                problem(CorpusProblem(
                    .warning, SourceLocation(path: path), "the same file as \(first), read earlier: read once"))
                return true
            }
            filesRead[status.identity] = path
            return false
        }

        func throwIfDamaged() throws {
            guard let damage = firstDamage else { return }
            throw NearDupError(
                .invalidInput,
                "\(damage.location): \(damage.message); the run fails: documents read from a damaged gzip member are unverified")
        }
    }

    func read(
        _ path: String, state: inout ReadState, document: (CorpusDocument) throws -> Void, problem: (CorpusProblem) -> Void
    ) throws {
        if path == "-" {
            try readJSONLines(
                descriptor: 0, path: standardInputName, firstLine: standardInputFirstLine, state: &state,
                document: document, problem: problem)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problem(CorpusProblem(.skipped, SourceLocation(path: path), "no such file or folder"))
            return
        }
        if isDirectory.boolValue {
            for file in FolderListing.files(below: path, problem: problem) {
                try readFile(file.path, state: &state, document: document, problem: problem)
            }
        } else {
            try readFile(path, state: &state, document: document, problem: problem)
        }
    }

    /// The id of a text file at `path` (as given, or a folder as given joined with the path
    /// below it): the path without `.` components, repeated slashes or a final slash, so that
    /// `./d/x.txt`, `d//x.txt` and `d/x.txt` are one id and files in different folders never
    /// share one. Every command (`dedup`, `index`, `sign`, `sketch`, `report`, `compare`) names
    /// text files this way.
    ///
    /// - Parameter path: the path the file is opened by.
    /// - Returns: the normalised path; `.` for an empty one.
    public static func textFileID(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The regular files below `folder`, recursively, sorted by relative path, hidden files and
    /// folders left out, symbolic links followed (a link back to a folder being listed is not
    /// followed again): pairs of (path to open, path relative to `folder`).
    ///
    /// - Parameters:
    ///   - folder: the folder to list.
    ///   - problem: called with each path reported rather than listed (an unreadable subfolder,
    ///     a link to nothing, a link loop, a FIFO or device).
    /// - Returns: (path to open, path relative to `folder`) for each regular file; empty when
    ///   `folder` cannot be listed (reported to `problem`).
    /// - Complexity: O(f log f) for f files.
    public static func files(
        below folder: String, problem: (CorpusProblem) -> Void
    ) -> [(path: String, relativePath: String)] {
        FolderListing.files(below: folder, problem: problem).map { (path: $0.path, relativePath: $0.relativePath) }
    }

    func readFile(
        _ path: String, state: inout ReadState, document: (CorpusDocument) throws -> Void,
        problem: (CorpusProblem) -> Void
    ) throws {
        let descriptor: Int32
        do {
            descriptor = try Syscalls.open(path, .readOnly, context: "cannot open")
        } catch {
            problem(CorpusProblem(.skipped, SourceLocation(path: path), error.message))
            return
        }
        defer { Syscalls.close(descriptor) }
        if state.isRepeat(descriptor, path: path, problem: problem) { return }
        if Self.isJSONLines(path) {
            try readJSONLines(descriptor: descriptor, path: path, state: &state, document: document, problem: problem)
            return
        }
        let source = InputBytes(descriptor: descriptor, counted: inputBytesRead)
        switch TextFile.read(source: source, path: path, maximumBytes: maximumDocumentBytes) {
        case .failure(let failure):
            problem(failure)
            if source.isDamagedGzip && state.firstDamage == nil { state.firstDamage = failure }
        case .success(let decoded):
            if let warning = decoded.warning {
                problem(CorpusProblem(.warning, SourceLocation(path: path), warning))
            }
            try document(CorpusDocument(
                id: Self.textFileID(path), text: decoded.text, encoding: decoded.encoding,
                location: SourceLocation(path: path)))
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
        var state = ReadState()
        try readJSONLines(
            descriptor: descriptor, path: path, firstLine: firstLine, chunkSize: chunkSize, state: &state,
            document: document, problem: problem)
        try state.throwIfDamaged()
    }

    func readJSONLines(
        descriptor: Int32, path: String, firstLine: Int = 1, chunkSize: Int = 1 << 20, state: inout ReadState,
        document: (CorpusDocument) throws -> Void,
        problem: (CorpusProblem) -> Void
    ) throws {
        let parser = JSONLineParser(idField: idField, textField: textField, omittedFields: omittedFields)
        try forEachJSONLine(
            descriptor: descriptor, path: path, firstLine: firstLine, chunkSize: chunkSize, state: &state, problem: problem
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

    /// Calls `body(number, location, line)` for every non-blank line of a JSONL stream (a UTF-8
    /// byte order mark before the first line left out); reports lines over the size limit and a
    /// failed read as skipped, and a damaged gzip member in `state` too. A stream that starts
    /// with a UTF-16 or UTF-32 byte order mark is refused whole.
    func forEachJSONLine(
        descriptor: Int32, path: String, firstLine: Int = 1, chunkSize: Int = 1 << 20, state: inout ReadState,
        problem: (CorpusProblem) -> Void,
        _ body: (Int, SourceLocation, UnsafeBufferPointer<UInt8>) throws -> Void
    ) throws {
        let source = InputBytes(descriptor: descriptor, counted: inputBytesRead)
        var reader = ByteLineReader(source: source, maximumLineBytes: maximumDocumentBytes, chunkSize: chunkSize)
        defer { reader.free() }
        let failure: NearDupError?
        do {
            failure = try reader.forEachLine { lineInStream, event in
                let number = lineInStream + firstLine - 1
                let location = SourceLocation(path: path, line: number)
                switch event {
                case .tooLong(let length):
                    problem(CorpusProblem(
                        .skipped, location, "record of \(length) bytes exceeds the limit of \(maximumDocumentBytes) bytes"))
                case .line(var line):
                    if lineInStream == 1 {
                        if let encoding = TextDecoder.wideByteOrderMark(line) {
                            problem(CorpusProblem(
                                .skipped, SourceLocation(path: path),
                                "JSONL in \(encoding.rawValue) (byte order mark): JSONL is read as UTF-8; convert the file (iconv -f \(encoding.rawValue) -t utf-8)"))
                            throw StopReading()
                        }
                        if line.starts(with: TextDecoder.utf8ByteOrderMark) { line = UnsafeBufferPointer(rebasing: line[3...]) }
                    }
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                    try body(number, location, line)
                }
            }
        } catch is StopReading {
            return
        }
        if let failure {
            let reported = CorpusProblem(.skipped, SourceLocation(path: path), failure.message)
            problem(reported)
            if source.isDamagedGzip && state.firstDamage == nil { state.firstDamage = reported }
        }
    }

    /// Ends the reading of one stream early (a refused stream).
    private struct StopReading: Error {}
}
