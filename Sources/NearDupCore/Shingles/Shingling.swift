/// What a document's shingles are: word n-grams or character n-grams.
///
/// Written and parsed as `words:5` or `chars:7` (the CLI's `--shingle` option, and the form
/// stored in signatures).
public struct Shingling: Sendable, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The unit of a shingle.
    public enum Unit: String, Sendable, Hashable, Codable {
        /// Consecutive normalised words.
        case words
        /// Consecutive Unicode scalars of the normalised text (words joined by one space).
        case characters = "chars"
    }

    /// The unit of a shingle.
    public let unit: Unit
    /// How many units a shingle has (n), from 1 to ``maximumSize``.
    public let size: Int

    /// Word n-grams.
    ///
    /// - Parameter n: words per shingle, from 1 to ``maximumSize``.
    /// - Returns: the shingling `words:n`.
    public static func words(_ n: Int) -> Shingling { Shingling(unit: .words, size: n) }
    /// Character n-grams.
    ///
    /// - Parameter n: Unicode scalars per shingle, from 1 to ``maximumSize``.
    /// - Returns: the shingling `chars:n`.
    public static func characters(_ n: Int) -> Shingling { Shingling(unit: .characters, size: n) }

    /// The default: word 5-grams.
    public static let `default` = Shingling.words(5)

    /// Largest accepted n.
    public static let maximumSize = 64

    /// Creates a shingling.
    ///
    /// - Parameters:
    ///   - unit: words or characters.
    ///   - size: units per shingle.
    /// - Precondition: `size` is in `1...maximumSize`.
    public init(unit: Unit, size: Int) {
        precondition((1...Self.maximumSize).contains(size), "shingle size must be 1...\(Self.maximumSize)")
        self.unit = unit
        self.size = size
    }

    /// Parses `words:N` or `chars:N` (also `characters:N`, `word:N`, `char:N`, `w:N`, `c:N`;
    /// the unit in any case).
    ///
    /// - Parameter description: the text form, as ``description`` writes it.
    /// - Returns: `nil` when the unit is unknown or N is not in `1...maximumSize`.
    public init?(_ description: String) {
        let parts = description.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[1]), (1...Self.maximumSize).contains(n) else { return nil }
        switch parts[0].lowercased() {
        case "words", "word", "w": self.init(unit: .words, size: n)
        case "chars", "characters", "char", "c": self.init(unit: .characters, size: n)
        default: return nil
        }
    }

    /// The text form: `words:N` or `chars:N`.
    public var description: String { "\(unit.rawValue):\(size)" }

    /// Decodes the text form (`"words:5"`).
    ///
    /// - Parameter decoder: a decoder holding one string.
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid shingling.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Shingling(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "invalid shingling '\(text)'"))
        }
        self = value
    }

    /// Encodes the text form (`"words:5"`).
    ///
    /// - Parameter encoder: the encoder to write one string to.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
