/// One document read from a corpus.
public struct CorpusDocument: Sendable {
    /// The document id: the JSONL id field, or for a text file its path as given (a file in a
    /// folder: the folder as given joined with its path below it; ``CorpusReader/textFileID(_:)``).
    public var id: String
    /// The decoded text.
    public var text: String
    /// How the bytes were decoded.
    public var encoding: TextEncoding
    /// Where the document came from.
    public var location: SourceLocation
    /// For JSONL input, the record's original line (without its newline), so that outputs can
    /// pass every other field through unchanged. `nil` for text files.
    public var record: [UInt8]?
    /// For JSONL input, the record's members other than the id and text fields, as JSON text
    /// (`"url": "…", "lang": "en"`) ready to splice into an output object; `nil` if none.
    public var otherFieldsJSON: String?

    /// Makes a document from already decoded text. `record` and `otherFieldsJSON` are for JSONL
    /// input and stay `nil` for text files; `id` should be unique within the corpus.
    ///
    /// - Parameters:
    ///   - id: the document id.
    ///   - text: the decoded text.
    ///   - encoding: how the bytes were decoded.
    ///   - location: where the document came from.
    ///   - record: for JSONL input, the record's line without its newline.
    ///   - otherFieldsJSON: for JSONL input, the record's other members as JSON text.
    public init(
        id: String, text: String, encoding: TextEncoding, location: SourceLocation, record: [UInt8]? = nil,
        otherFieldsJSON: String? = nil
    ) {
        self.id = id
        self.text = text
        self.encoding = encoding
        self.location = location
        self.record = record
        self.otherFieldsJSON = otherFieldsJSON
    }
}

/// Something wrong with part of the input. A ``Severity/warning`` document is still processed
/// (for example text decoded as Windows-1252); a ``Severity/skipped`` one is not.
public struct CorpusProblem: Error, Sendable, CustomStringConvertible {
    /// What happened to the input that had the problem.
    public enum Severity: String, Sendable {
        /// The document was processed, with a caveat.
        case warning
        /// The document or file was left out.
        case skipped
    }

    /// Whether the document was still processed.
    public var severity: Severity
    /// The file, and for JSONL the line, the problem was found at.
    public var location: SourceLocation
    /// What was wrong, as a sentence for the user (without the location).
    public var message: String

    /// Makes a problem report for the input at `location`.
    ///
    /// - Parameters:
    ///   - severity: whether the input was still processed.
    ///   - location: the file, line and byte offset of the problem.
    ///   - message: what was wrong, as a sentence for the user, without the location.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `location: warning: message` or `location: skipped: message`, as printed on standard error.
    public var description: String {
        "\(location): \(severity == .warning ? "warning" : "skipped"): \(message)"
    }
}
