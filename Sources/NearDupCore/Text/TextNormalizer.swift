/// Normalises a whole text for display or for comparison by eye: NFKC, case folding, and every
/// variant of quotation mark, apostrophe, dash, ellipsis and space unified to its ASCII form,
/// with runs of white space collapsed to one space.
///
/// Shingling does not use this: it hashes ``Tokenizer`` words, which are already immune to
/// these variants. This is for showing and comparing normalised text.
public struct TextNormalizer: Sendable {
    /// How words are normalised (whether diacritics are also folded).
    public var normalization: Normalization

    /// Creates a normaliser.
    ///
    /// - Parameter normalization: whether diacritics are also folded; by default they are kept.
    public init(normalization: Normalization = .standard) {
        self.normalization = normalization
    }

    /// The normalised form of `text`.
    ///
    /// - Parameter text: any text.
    /// - Returns: `text` NFKC-normalised and case-folded, with quotation marks, apostrophes,
    ///   dashes, ellipses and spaces in their ASCII forms, runs of white space collapsed to one
    ///   space and leading white space removed.
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String) -> String {
        let folded = CBoundary.foldNFKC(text, stripMarks: normalization.foldsDiacritics)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if let replacement = Self.unify(scalar) {
                if replacement == " " {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The ASCII form of a punctuation or space variant, or `nil` to keep the scalar.
    static func unify(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000:
            return " "
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0x0060, 0x00B4:
            return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0x301D, 0x301E:
            return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63:
            return "-"
        case 0x2026:
            return "..."
        default:
            return nil
        }
    }
}
