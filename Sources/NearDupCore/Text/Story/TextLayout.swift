/// A text as Unicode scalars with their UTF-8 byte offsets, and how its lines are laid out.
///
/// Sentence splitting and quotation finding both need to know what a line break means:
/// - in a **hard-wrapped** text (every line at most ``hardWrapWidth`` scalars long and most lines
///   ending inside a sentence rather than after `.`, `!`, `?`, `:` or a closing quotation mark, as
///   in e-mail, plain-text archives and Project Gutenberg) a single line break is just a space,
///   and only a blank line (or an indented or bulleted line) ends a paragraph;
/// - otherwise (one paragraph per line, as scraped news usually is) every line break ends a
///   paragraph.
package struct TextLayout {
    /// Longest line, in scalars, that still counts as hard-wrapped.
    static let hardWrapWidth = 100

    let scalars: [Unicode.Scalar]
    /// `offsets[k]` is the UTF-8 byte offset of `scalars[k]`; `offsets[scalars.count]` is the byte length.
    let offsets: [Int]
    /// Whether single line breaks are soft (see the type's discussion).
    let isHardWrapped: Bool

    /// - Complexity: O(n) in the length of `text`.
    package init(_ text: String) {
        var text = text
        (scalars, offsets) = text.withUTF8(Self.decode)
        self.isHardWrapped = Self.isHardWrapped(text)
    }

    /// The scalars of valid UTF-8 (a `String`'s) and the offset of each, decoded in place: the
    /// bytes' lead bits give each scalar's width.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        let n = bytes.count
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(n)
        var offsets: [Int] = []
        offsets.reserveCapacity(n + 1)
        var i = 0
        while i < n {
            let lead = UInt32(bytes[i])
            var value = lead, width = 1
            if lead >= 0xF0 {
                width = 4
                value = lead & 0x07
            } else if lead >= 0xE0 {
                width = 3
                value = lead & 0x0F
            } else if lead >= 0xC0 {
                width = 2
                value = lead & 0x1F
            }
            for k in 1..<width { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            // Valid UTF-8 decodes to a valid scalar.
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            offsets.append(i)
            i += width
        }
        offsets.append(n)
        return (scalars, offsets)
    }

    /// Whether `text` is hard-wrapped (see the type's discussion): at least three lines, none
    /// longer than ``hardWrapWidth`` scalars, and fewer than half of them ending a sentence.
    ///
    /// - Complexity: O(n) in the length of `text`, without allocating.
    static func isHardWrapped(_ text: String) -> Bool {
        var longest = 0, current = 0, lines = 0, endingSentences = 0
        var last: Unicode.Scalar = " "
        func endLine() {
            longest = max(longest, current)
            if current > 0 {
                lines += 1
                if endsSentence(last) { endingSentences += 1 }
            }
            current = 0
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                endLine()
            } else if !Self.isWhiteSpace(scalar) {
                current += 1
                last = scalar
            } else if current > 0 {
                current += 1
            }
            // One line too long settles it (scraped news: a paragraph per line).
            if current > hardWrapWidth { return false }
        }
        endLine()
        return lines >= 3 && longest <= hardWrapWidth && 2 * endingSentences < lines
    }

    var count: Int { scalars.count }

    /// Whether the line break at scalar index `k` (a `"\n"`) ends a paragraph.
    func isParagraphBreak(at k: Int) -> Bool {
        guard scalars[k] == "\n" else { return false }
        if !isHardWrapped { return true }
        // Hard-wrapped: a paragraph ends at a blank line (only white space before the next break)
        // or before an indented / bulleted line.
        var j = k + 1
        while j < count, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\r" { j += 1 }
        if j >= count || scalars[j] == "\n" { return true }
        if j > k + 1 { return true }  // indented line
        return Self.isBullet(scalars[j])
    }

    /// The index of the first scalar after the line break at `k` that is not white space.
    func firstVisible(after k: Int) -> Int? {
        var j = k + 1
        while j < count, Self.isWhiteSpace(scalars[j]) { j += 1 }
        return j < count ? j : nil
    }

    /// Whether a line ending in `c` ends a sentence (or a heading's colon, or a quotation).
    static func endsSentence(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "!", "?", "…", ":", "\"", "”", "’", "'", "»", ")": return true
        default: return false
        }
    }

    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        s == "•" || s == "*" || s == "·" || s == "▪" || s == "◦" || s == "‣"
    }

    /// Whether `s` is a letter or a digit (Unicode Alphabetic, or with a numeric type).
    /// ASCII is answered without the Unicode tables: its letters and digits are exactly those.
    package static func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value | 0x20
            return (0x61...0x7A).contains(v) || (0x30...0x39).contains(s.value)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// Whether `s` is Unicode White_Space. ASCII is answered without the Unicode tables: its
    /// white space is tab, line feed, vertical tab, form feed, carriage return and space.
    static func isWhiteSpace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || (0x09...0x0D).contains(s.value) }
        return s.properties.isWhitespace
    }
}
