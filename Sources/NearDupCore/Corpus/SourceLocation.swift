/// Where in the input something is: a file (or `-` for standard input), and for JSONL the line,
/// and where known the byte offset.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path as given, or `-` for standard input.
    public var path: String
    /// 1-based line number within a JSONL file.
    public var line: Int?
    /// Byte offset: within the line for JSONL, within the file otherwise.
    public var byteOffset: Int?

    /// Makes a location; leave `line` `nil` for plain text files and `byteOffset` `nil` when
    /// the offset is unknown. `line` is 1-based and `byteOffset` 0-based.
    ///
    /// - Parameters:
    ///   - path: the path as given, or `-` for standard input.
    ///   - line: the 1-based line in a JSONL file.
    ///   - byteOffset: the 0-based byte offset, within the line for JSONL and within the file
    ///     otherwise.
    public init(path: String, line: Int? = nil, byteOffset: Int? = nil) {
        self.path = path
        self.line = line
        self.byteOffset = byteOffset
    }

    /// `path:line: ` style, with `byte N` when an offset is known.
    public var description: String {
        var text = path == "-" ? "<stdin>" : path
        if let line { text += ":\(line)" }
        if let byteOffset { text += line == nil ? " (byte \(byteOffset))" : ":\(byteOffset + 1)" }
        return text
    }
}
