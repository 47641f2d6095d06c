import Foundation
import NearDup

/// Finds and reads the files of `neardup report`.
struct ReportInputs {
    /// Why an input could not be read, naming it.
    struct Problem: Error {
        var path: String
        var reason: String
        var message: String { "\(path): \(reason)" }
    }

    /// The candidate files: explicit files as given, folders recursively in sorted order without
    /// hidden files and folders, symbolic links followed (``CorpusReader/files(below:problem:)``);
    /// an unreadable subfolder or a link to nothing goes to `problem`.
    ///
    /// - Throws: ``CommandFailure`` naming the first path that does not exist.
    func candidateFiles(_ paths: [String], problem: (CorpusProblem) -> Void) throws -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandFailure("candidate \(path): no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            files += CorpusReader.files(below: path, problem: problem).map(\.path)
        }
        return files
    }

    /// A document's name in the report: its path by the id rule of every command
    /// (``CorpusReader/textFileID(_:)``: two `story.txt` in two folders are two names), or
    /// `<stdin>` for `-`.
    static func name(of path: String) -> String {
        path == "-" ? "<stdin>" : CorpusReader.textFileID(path)
    }

    /// Reads and decodes one document (`-`: standard input; gzip is decompressed); empty,
    /// binary and unreadable files are problems.
    func read(path: String) -> Result<ReportDocument, Problem> {
        let id = Self.name(of: path)
        let shown = SourceLocation(path: path).description
        switch TextFile.read(path: path) {
        case .failure(let problem):
            var reason = problem.message
            if let offset = problem.location.byteOffset, reason.contains("binary") { reason += " at byte \(offset)" }
            return .failure(Problem(path: shown, reason: reason))
        case .success(let decoded):
            guard !decoded.text.isEmpty else { return .failure(Problem(path: shown, reason: "empty file")) }
            guard decoded.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                return .failure(Problem(path: shown, reason: "no words in the file"))
            }
            return .success(
                ReportDocument(
                    id: id, path: path, text: decoded.text, encoding: decoded.encoding,
                    warnings: decoded.warning.map { ["\(path): \($0)"] } ?? [], metadata: decoded.metadata))
        }
    }

    /// True for a candidate file of records (a name ending in `.jsonl`, `.ndjson` or `.json`,
    /// with or without `.gz`): one story a line, read by ``readRecords(path:)``.
    static func holdsRecords(_ path: String) -> Bool {
        path != "-" && CorpusReader.isJSONLines(path)
    }

    /// The stories of a JSONL candidate file, one a line: `id` (else `FILE:LINE`) and `text`,
    /// and the optional string fields `title`, `byline`, `date`, `outlet` and `url` as the
    /// story's metadata. Each document's path is `FILE:LINE`. Lines that cannot be read, or hold
    /// no words, are problems named by file and line; the other lines are still read.
    func readRecords(path: String) -> (documents: [ReportDocument], problems: [Problem]) {
        var documents: [ReportDocument] = []
        var problems: [Problem] = []
        let reader = CorpusReader()
        try? reader.read([path]) { record in
            let location = record.location.description
            guard record.text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            else {
                problems.append(Problem(path: location, reason: "no words in the record's text"))
                return
            }
            documents.append(ReportDocument(
                id: record.id, path: location, text: record.text, encoding: record.encoding,
                metadata: record.recordMetadata))
        } problem: { problem in
            if problem.severity == .skipped {
                problems.append(Problem(path: problem.location.description, reason: problem.message))
            }
        }
        return (documents, problems)
    }

    /// Device and inode of a file, to recognise the reference under another spelling of its path.
    func identity(of path: String) -> String {
        guard path != "-", let status = try? Syscalls.status(of: path) else { return "path:" + path }
        return status.identity.map(String.init).joined(separator: ":")
    }
}
