/// The character encoding a document's bytes were read in.
public enum TextEncoding: String, Sendable, Codable, Hashable {
    /// The bytes were valid UTF-8.
    case utf8 = "utf-8"
    /// The bytes were not valid UTF-8 and were decoded as Windows-1252 (the WHATWG mapping,
    /// common in news archives and old corpora).
    case windows1252 = "windows-1252"
}
