/// A stretch of quoted speech (or a quoted phrase) found in a text.
///
/// Offsets are UTF-8 byte offsets into the text the quotation was found in.
public struct Quotation: Sendable, Hashable, Codable {
    /// The quotation with its quotation marks.
    public var range: Range<Int>
    /// The quoted words, without the marks.
    public var contentRange: Range<Int>

    /// Makes a quotation.
    ///
    /// - Parameters:
    ///   - range: the quotation with its marks.
    ///   - contentRange: the quoted words without the marks, inside `range`.
    public init(range: Range<Int>, contentRange: Range<Int>) {
        self.range = range
        self.contentRange = contentRange
    }
}

/// Finds quoted speech in running text.
///
/// Recognised marks: straight `"…"`, curly `“…”`, low-high `„…“`, guillemets `«…»` and
/// `»…«`, and single quotes `'…'`, `‘…’`, `‚…‘` used as quotation marks (an apostrophe inside a
/// word, as in *don’t*, is not one). Straight marks are told apart by what flanks them: a mark
/// after a space and before a word opens, a mark after a word and before a space or punctuation
/// closes.
///
/// Quotations may run across line breaks of hard-wrapped text (at least three lines, none
/// longer than 100 scalars, fewer than half of them ending a sentence: a single line break is
/// a space there). At a
/// paragraph break an open quotation ends; it is kept when the next paragraph opens with a
/// quotation mark (the convention for speech running over several paragraphs, where only the
/// last paragraph has a closing mark) or when it began its own paragraph, and otherwise dropped as
/// a stray mark. Single quotes inside double ones are nested quotations and are left alone.
///
/// ```swift
/// QuotationFinder().quotations(in: "He said “no” twice.")
/// // [Quotation(range: 8..<16, contentRange: 11..<13)]
/// ```
public struct QuotationFinder: Sendable {
    /// Longest single-quoted span looked for, in scalars; a longer one is taken for apostrophes.
    public static let maximumSingleQuoteLength = 600

    /// Makes a quotation finder.
    public init() {}

    /// The quotations of `text`, in order, none overlapping.
    ///
    /// - Parameter text: running text.
    /// - Returns: the quotations, with UTF-8 byte offsets into `text`.
    /// - Complexity: O(n) in the length of `text` for double quotes and guillemets; single quotes
    ///   look ahead at most ``maximumSingleQuoteLength`` scalars each.
    public func quotations(in text: String) -> [Quotation] {
        _quotations(in: TextLayout(text))
    }

    private struct Open {
        var index: Int
        var closers: [Unicode.Scalar]
        var isDouble: Bool
    }

    package func _quotations(in layout: TextLayout) -> [Quotation] {
        let s = layout.scalars
        let n = s.count
        var result: [Quotation] = []
        var open: Open?

        func emit(_ start: Int, closeAt close: Int) {
            // `close` is the index of the closing mark.
            let content = layout.offsets[start + 1]..<layout.offsets[close]
            guard (start + 1..<close).contains(where: { TextLayout.isWordCharacter(s[$0]) }) else { return }
            result.append(Quotation(range: layout.offsets[start]..<layout.offsets[close + 1], contentRange: content))
        }
        func emitUnterminated(_ start: Int, before end: Int) {
            var last = end - 1
            while last > start, s[last].properties.isWhitespace { last -= 1 }
            guard last > start, (start + 1...last).contains(where: { TextLayout.isWordCharacter(s[$0]) }) else { return }
            result.append(
                Quotation(
                    range: layout.offsets[start]..<layout.offsets[last + 1],
                    contentRange: layout.offsets[start + 1]..<layout.offsets[last + 1]))
        }
        func startsParagraph(_ k: Int) -> Bool {
            var j = k - 1
            while j >= 0, s[j] == " " || s[j] == "\t" || s[j] == "\r" || TextLayout.isBullet(s[j]) { j -= 1 }
            return j < 0 || layout.isParagraphBreak(at: j)
        }

        var k = 0
        while k < n {
            let c = s[k]
            if c == "\n", layout.isParagraphBreak(at: k) {
                if let o = open, o.isDouble {
                    let next = layout.firstVisible(after: k)
                    let continues = next.map { opener(at: $0, in: s) != nil } ?? false
                    if continues || startsParagraph(o.index) { emitUnterminated(o.index, before: k) }
                }
                open = nil
                k += 1
                continue
            }
            if let o = open {
                if o.isDouble {
                    if o.closers.contains(c) {
                        emit(o.index, closeAt: k)
                        open = nil
                    } else if let reopened = opener(at: k, in: s), reopened.isDouble, c != "\"" {
                        // A new opening mark while one is open: the earlier one was stray.
                        open = Open(index: k, closers: reopened.closers, isDouble: true)
                    }
                } else if o.closers.contains(c), isRightFlanking(k, s), !isInsideWord(k, s) {
                    emit(o.index, closeAt: k)
                    open = nil
                }
                k += 1
                continue
            }
            if let o = opener(at: k, in: s) {
                if o.isDouble {
                    open = Open(index: k, closers: o.closers, isDouble: true)
                } else if let close = singleCloser(from: k, closers: o.closers, layout: layout) {
                    emit(k, closeAt: close)
                    k = close + 1
                    continue
                }
            }
            k += 1
        }
        if let o = open, o.isDouble, startsParagraph(o.index) { emitUnterminated(o.index, before: n) }
        return result
    }

    /// The kind of quotation a mark at `k` would open, if it can open one there.
    private func opener(at k: Int, in s: [Unicode.Scalar]) -> Open? {
        switch s[k] {
        case "“": return Open(index: k, closers: ["”", "\""], isDouble: true)
        case "„": return Open(index: k, closers: ["“", "”", "\""], isDouble: true)
        case "«": return Open(index: k, closers: ["»"], isDouble: true)
        case "»": return isLeftFlanking(k, s) && !isRightFlanking(k, s) ? Open(index: k, closers: ["«"], isDouble: true) : nil
        case "\"": return isRightFlanking(k, s) && !isLeftFlanking(k, s) ? nil : Open(index: k, closers: ["\"", "”"], isDouble: true)
        case "‘": return isLeftFlanking(k, s) ? Open(index: k, closers: ["’", "'"], isDouble: false) : nil
        case "‚": return isLeftFlanking(k, s) ? Open(index: k, closers: ["‘", "’"], isDouble: false) : nil
        case "'": return isLeftFlanking(k, s) && !isRightFlanking(k, s) ? Open(index: k, closers: ["'", "’"], isDouble: false) : nil
        default: return nil
        }
    }

    /// The closing single mark of the quotation opened at `k`, within its paragraph.
    private func singleCloser(from k: Int, closers: [Unicode.Scalar], layout: TextLayout) -> Int? {
        let s = layout.scalars
        var j = k + 1
        let limit = min(s.count, k + Self.maximumSingleQuoteLength)
        while j < limit {
            if s[j] == "\n", layout.isParagraphBreak(at: j) { return nil }
            if s[j] == "“" || s[j] == "”" || s[j] == "«" || s[j] == "»" { return nil }
            if closers.contains(s[j]), isRightFlanking(j, s), !isInsideWord(j, s), j > k + 1 { return j }
            j += 1
        }
        return nil
    }

    private static let openingPunctuation: Set<Unicode.Scalar> = ["(", "[", "{", "—", "–", "-", "/", ":", "“", "\"", "‘", "'", "«", "»", "„"]

    /// A mark after white space (or opening punctuation) and before something visible.
    private func isLeftFlanking(_ k: Int, _ s: [Unicode.Scalar]) -> Bool {
        guard k + 1 < s.count, !s[k + 1].properties.isWhitespace else { return false }
        guard k > 0 else { return true }
        let p = s[k - 1]
        return p.properties.isWhitespace || Self.openingPunctuation.contains(p) || TextLayout.isBullet(p)
    }

    /// A mark after something visible and before white space, punctuation or the end.
    private func isRightFlanking(_ k: Int, _ s: [Unicode.Scalar]) -> Bool {
        guard k > 0, !s[k - 1].properties.isWhitespace else { return false }
        guard k + 1 < s.count else { return true }
        let next = s[k + 1]
        return next.properties.isWhitespace || !TextLayout.isWordCharacter(next)
    }

    /// An apostrophe between two word characters (*don’t*).
    private func isInsideWord(_ k: Int, _ s: [Unicode.Scalar]) -> Bool {
        k > 0 && k + 1 < s.count && TextLayout.isWordCharacter(s[k - 1]) && TextLayout.isWordCharacter(s[k + 1])
    }
}
