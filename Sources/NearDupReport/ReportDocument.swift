import NearDupCore

/// A document to analyse: a name, where it came from, and its decoded text.
public struct ReportDocument: Sendable, Hashable {
    /// A short name shown in reports: the file name for files.
    public var id: String
    /// The path the document was read from (or any locator the caller uses).
    public var path: String
    /// The decoded text. Passage offsets are UTF-8 byte offsets into it.
    public var text: String
    /// How the bytes were decoded.
    public var encoding: TextEncoding
    /// Problems with the input that did not stop the analysis.
    public var warnings: [String]
    /// The story's headline, byline, date, outlet and address when known (from a saved web
    /// page's markup); the report shows them, and its title is `metadata.title` when set.
    public var metadata: StoryMetadata?

    /// Makes a document from already decoded text. `path` defaults to `id`, `encoding` to UTF-8,
    /// and `warnings` to none.
    ///
    /// - Parameters:
    ///   - id: a short name shown in reports.
    ///   - path: where the document came from; `nil` for `id`.
    ///   - text: the decoded text.
    ///   - encoding: how the bytes were decoded.
    ///   - warnings: problems with the input that did not stop the analysis.
    ///   - metadata: the story's metadata when known.
    public init(
        id: String, path: String? = nil, text: String, encoding: TextEncoding = .utf8, warnings: [String] = [],
        metadata: StoryMetadata? = nil
    ) {
        self.id = id
        self.path = path ?? id
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
        self.metadata = metadata
    }

    /// Decodes a file's bytes with ``TextDecoder`` (UTF-8, else Windows-1252 with a warning); a
    /// saved web page (``WebPage/looksLikeHTML(path:text:)``) is read as its story and metadata.
    ///
    /// - Parameters:
    ///   - id: a short name shown in reports.
    ///   - path: the file the bytes were read from, named in errors and warnings.
    ///   - bytes: the file's bytes.
    /// - Throws: ``NearDupError`` with code `.invalidInput` when the bytes are empty, hold no word,
    ///   or look binary (contain NUL bytes); the message names `path`.
    /// - Complexity: O(n) in the number of bytes.
    public init(id: String, path: String, bytes: [UInt8]) throws(NearDupError) {
        guard !bytes.isEmpty else { throw NearDupError(.invalidInput, "\(path): empty file") }
        let binary = bytes.withUnsafeBufferPointer { TextDecoder.looksBinary($0) }
        if binary {
            let offset = bytes.firstIndex(of: 0).map { " (NUL byte at offset \($0))" } ?? ""
            throw NearDupError(.invalidInput, "\(path): binary file\(offset), not text")
        }
        let decoded = WebPage.storyIfPage(TextDecoder.decode(bytes), path: path)
        guard decoded.text.unicodeScalars.contains(where: { TextLayout.isWordCharacter($0) }) else {
            throw NearDupError(.invalidInput, "\(path): no words in the file")
        }
        self.init(
            id: id, path: path, text: decoded.text, encoding: decoded.encoding,
            warnings: decoded.warning.map { ["\(path): \($0)"] } ?? [], metadata: decoded.metadata)
    }
}
