/// The character encoding a document's bytes were read in.
public enum TextEncoding: String, Sendable, Codable, Hashable {
    /// The bytes were valid UTF-8.
    case utf8 = "utf-8"
    /// The bytes were not valid UTF-8 and were decoded as Windows-1252 (the WHATWG mapping,
    /// common in news archives and old corpora).
    case windows1252 = "windows-1252"
    /// A text file in UTF-16, little-endian: with the byte order mark FF FE, or without one
    /// when its zero bytes show it (``TextDecoder/decodeFile(buffer:)``).
    case utf16LittleEndian = "utf-16le"
    /// A text file in UTF-16, big-endian: with the byte order mark FE FF, or without one when
    /// its zero bytes show it.
    case utf16BigEndian = "utf-16be"
    /// A text file in UTF-32, little-endian, with the byte order mark FF FE 00 00.
    case utf32LittleEndian = "utf-32le"
    /// A text file in UTF-32, big-endian, with the byte order mark 00 00 FE FF.
    case utf32BigEndian = "utf-32be"
}
