/// Splits running text into sentences, as UTF-8 byte ranges.
///
/// A sentence ends
/// - at a paragraph break (a blank line, or any line break in text that is not hard-wrapped, so
///   headlines, captions and list items stand alone; text is hard-wrapped when it has at least
///   three lines, none longer than 100 scalars, fewer than half of them ending a sentence);
/// - after `.`, `!`, `?` or `…` (and any closing quotation marks or brackets after it) followed by
///   white space and then an upper-case letter, a digit, an opening quotation mark or a bullet;
///   a full stop does not end a sentence after a known abbreviation (*Mr.*, *Feb.*, *Gen.*), a
///   single initial (*John F. Kennedy*) or a dotted acronym (*U.S.*, *U.N.*).
///
/// Ranges exclude surrounding white space; empty sentences are dropped.
///
/// ```swift
/// SentenceSplitter().sentences(in: "U.S. officials met. They left.")
/// // [0..<19, 20..<30]
/// ```
public struct SentenceSplitter: Sendable {
    /// Lower-case abbreviations after which a full stop does not end a sentence.
    public static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
        "adm", "maj", "st", "mt", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "det", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun", "no", "vs", "etc", "approx", "dept", "est", "fig", "inc", "corp",
        "ltd", "co", "bros", "ave", "blvd", "rd", "univ", "assn", "vol", "pp", "ed", "eds", "al", "cf",
    ]

    /// Makes a sentence splitter.
    public init() {}

    /// The sentences of `text`, in order.
    ///
    /// - Parameter text: running text.
    /// - Returns: the sentences as UTF-8 byte ranges into `text`, without surrounding white space.
    /// - Complexity: O(n) in the length of `text`.
    public func sentences(in text: String) -> [Range<Int>] {
        _sentences(in: TextLayout(text))
    }

    package func _sentences(in layout: TextLayout) -> [Range<Int>] {
        let s = layout.scalars
        let n = s.count
        var result: [Range<Int>] = []
        var start: Int?

        func close(before end: Int) {
            guard let first = start else { return }
            var last = end - 1
            while last >= first, Self.isSpace(s[last]) { last -= 1 }
            if last >= first, (first...last).contains(where: { TextLayout.isWordCharacter(s[$0]) }) {
                result.append(layout.offsets[first]..<layout.offsets[last + 1])
            }
            start = nil
        }

        var k = 0
        while k < n {
            let c = s[k]
            if c == "\n" {
                if layout.isParagraphBreak(at: k) { close(before: k) }
                k += 1
                continue
            }
            if start == nil {
                if Self.isSpace(c) || TextLayout.isBullet(c) { k += 1; continue }
                start = k
            }
            guard c == "." || c == "!" || c == "?" || c == "…" else { k += 1; continue }
            var j = k + 1
            while j < n, Self.isTrailing(s[j]) { j += 1 }
            if j >= n { close(before: j); k = j; continue }
            guard Self.isSpace(s[j]) else { k = j; continue }
            var m = j
            while m < n, Self.isSpace(s[m]), !layout.isParagraphBreak(at: m) { m += 1 }
            if m < n, s[m] != "\n", Self.startsSentence(s[m]), !(c == "." && isAbbreviation(before: k, s)) {
                close(before: j)
            }
            k = j
        }
        close(before: n)
        return result
    }

    /// White space, or a control character (C0 or C1, such as the paragraph mark U+0019 some
    /// wire systems put before each paragraph): neither starts a sentence nor keeps the next one
    /// from starting. Answered from the scalar's value, without the Unicode tables.
    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return TextLayout.isWhiteSpace(c) || v < 0x20 || (0x7F...0x9F).contains(v)
    }

    private static func isTrailing(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "!", "?", "…", "”", "’", "\"", "'", "»", ")", "]": return true
        default: return false
        }
    }

    private static func startsSentence(_ c: Unicode.Scalar) -> Bool {
        if c.properties.isUppercase || c.properties.numericType != nil { return true }
        switch c {
        case "“", "\"", "‘", "'", "«", "„", "(", "[", "—", "–", "-": return true
        default: return TextLayout.isBullet(c)
        }
    }

    /// Whether the full stop at `k` ends an abbreviation, an initial or a dotted acronym.
    private func isAbbreviation(before k: Int, _ s: [Unicode.Scalar]) -> Bool {
        var w = k
        while w > 0, Self.isLetter(s[w - 1]) || s[w - 1] == "." { w -= 1 }
        guard w < k else { return false }
        if s[w..<k].contains(".") { return true }
        if k - w == 1, s[w].properties.isUppercase { return true }
        // Lower-casing never shortens a word, and the abbreviations are ASCII (equal only to
        // themselves): a longer word is none of them.
        guard k - w <= Self.longestAbbreviation else { return false }
        // Scalar by scalar (a view made from the slice at once takes a generic path, some 4,000
        // instructions a word).
        var word = String.UnicodeScalarView()
        for c in s[w..<k] { word.append(c) }
        return Self.abbreviations.contains(String(word).lowercased())
    }

    /// The most scalars of an abbreviation.
    private static let longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0

    /// Unicode Alphabetic; ASCII is answered without the Unicode tables.
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? (0x61...0x7A).contains(c.value | 0x20) : c.properties.isAlphabetic
    }
}
