/// The layout stage: reads a news story as it is sent or scraped, before sentences are split.
///
/// Real copy is not clean prose. Agency wire copy (as in the METER corpus's Press Association
/// files) is hard-wrapped at 80 columns, ends every paragraph with `<`, opens quotations with two
/// backticks and closes them with two apostrophes, writes `#` for `£`, and carries a header block
/// of rules and a timestamp, a headline in capitals, a byline and a closing `end` line. Web copy
/// carries photo credits, repeated captions, "Read also" and "Related article" links,
/// "Advertisement" and closing promotions. This stage:
///
/// 1. **Lines into paragraphs.** In wire copy (at least two lines, and a fifth of the lines, end in
///    `<`) a paragraph ends at `<` or a blank line, and other line breaks are spaces. In other
///    hard-wrapped text (`TextLayout`'s test) a paragraph ends at a blank, indented or bulleted
///    line; otherwise every line is a paragraph.
/// 2. **Paragraphs into blocks** (``StoryBlockKind``): rules, wire headers (`17:53 27/01/00: Page
///    1 …`), `end`/`ends`/`more` lines and a wire story's closing initials, bracketed editorial
///    notes, furniture lines (by their opening words or a photo agency's credit at their end) and
///    a short paragraph that repeats an earlier one (a caption shown twice) are boilerplate; a
///    short `By …` line (or a `… PA News` line) is a byline; a paragraph in capitals, or a short
///    first paragraph without a full stop, is a headline; a dateline (`LONDON (Reuters) -`) at the
///    head of the first body paragraph is its own block.
/// 3. **Wire conventions undone** in body and headline text: two backticks → `“`, two apostrophes
///    → `”`, `#` before a digit → `£`.
///
/// The result keeps a map from every byte of the cleaned text to the original, so passages can
/// still be shown at their place in the input. A layout is a value; `read` is thread-safe.
public struct StoryLayout: Sendable {
    /// Longest paragraph, in words, that can be a headline, a byline, a credit or a repeated caption.
    public static let shortParagraphWords = 25

    /// Opening words (lower-cased) of web furniture lines.
    public static let furniturePrefixes: [String] = [
        "read also", "read more", "also read", "related article", "related:", "related stories", "related coverage",
        "related content", "see also", "more on this", "advertisement", "sponsored content", "photo:", "photo credit",
        "photograph:", "image:", "image credit", "image source", "picture:", "credit:", "caption:", "video:",
        "watch:", "listen:", "for the latest news", "sign up for", "sign up to", "subscribe to", "click here",
        "follow us", "follow the", "share this", "copyright", "all rights reserved", "©", "(c) ", "you may also like",
        "recommended:", "most read", "trending:", "this article was", "this story was", "get the latest",
        "download the", "reporting by", "editing by", "writing by", "additional reporting by",
    ]

    /// ``furniturePrefixes`` by their first character: a paragraph is compared with those of
    /// its own first character only.
    static let furnitureByInitial = Dictionary(grouping: furniturePrefixes, by: { $0.first! })

    /// Endings (lower-cased) of photo credits.
    public static let creditSuffixes: [String] = [
        "getty images", "getty images)", "/ap", "(ap photo)", "/ap)", "/reuters", "/reuters)", "/afp", "/afp)",
        "afp via getty images", "shutterstock", "/shutterstock", "/pa", "/pa)", "pa wire", "(pa)", "/ epa",
        "/epa", "/epa)", "via reuters", "via ap", "/bloomberg", "/file photo", "file photo",
    ]

    /// Whole lines (lower-cased, trimmed) that close wire copy.
    public static let signOffs: Set<String> = ["end", "ends", "endit", "more", "-30-", "###", "# # #", "- 30 -"]

    /// Makes a layout stage.
    public init() {}

    /// Reads `text` into a ``StoryText``.
    ///
    /// - Parameter text: a story as sent or scraped.
    /// - Returns: its cleaned text, blocks and the map back to `text`.
    /// - Complexity: O(n) in the length of `text` (plus O(p) per paragraph for the repeated-caption
    ///   check through a hash set).
    public func read(_ text: String) -> StoryText {
        let bytes = Array(text.utf8)
        let lines = Self.lines(of: bytes)
        let wire = Self.isWireCopy(lines)
        let paragraphs = wire ? Self.wireParagraphs(lines, bytes) : Self.plainParagraphs(lines, bytes, text: text)
        return Self.assemble(paragraphs, bytes: bytes, wire: wire)
    }

    // MARK: - Lines and paragraphs

    /// A line's visible content (trimmed of white space), as a byte range of the original.
    struct Line {
        var range: Range<Int>
        /// Whether the line ends in the wire paragraph mark `<` (not part of `range`).
        var endsParagraph: Bool
        var indented: Bool
        var isEmpty: Bool { range.isEmpty }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B }

    static func lines(of bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        func add(_ end: Int) {
            var a = start, b = end
            while a < b, isSpace(bytes[a]) { a += 1 }
            while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            var marked = false
            if b > a, bytes[b - 1] == UInt8(ascii: "<") {
                marked = true
                b -= 1
                while b > a, isSpace(bytes[b - 1]) { b -= 1 }
            }
            result.append(Line(range: a..<b, endsParagraph: marked, indented: a > start))
        }
        for (i, b) in bytes.enumerated() where b == 0x0A {
            add(i)
            start = i + 1
        }
        add(bytes.count)
        return result
    }

    static func isWireCopy(_ lines: [Line]) -> Bool {
        let visible = lines.count { !$0.isEmpty || $0.endsParagraph }
        let marked = lines.count { $0.endsParagraph }
        return marked >= 2 && 5 * marked >= visible
    }

    /// Collects lines into paragraphs (lists of line ranges).
    struct Paragraphs {
        var result: [[Range<Int>]] = []
        var current: [Range<Int>] = []

        mutating func add(_ line: Range<Int>) { current.append(line) }

        mutating func end() {
            if !current.isEmpty { result.append(current) }
            current = []
        }
    }

    /// Paragraphs of wire copy: a paragraph ends at `<` or a blank line.
    static func wireParagraphs(_ lines: [Line], _ bytes: [UInt8]) -> [[Range<Int>]] {
        var paragraphs = Paragraphs()
        for line in lines {
            if line.isEmpty {
                if !line.endsParagraph || !paragraphs.current.isEmpty { paragraphs.end() }
                continue
            }
            // Rules and wire headers stand alone even without a mark.
            let alone = isRule(bytes[line.range]) || isWireHeader(bytes[line.range])
            if alone { paragraphs.end() }
            paragraphs.add(line.range)
            if alone || line.endsParagraph { paragraphs.end() }
        }
        paragraphs.end()
        return paragraphs.result
    }

    /// Paragraphs of other text: every line, or in hard-wrapped text, runs of lines up to a blank,
    /// indented or bulleted line.
    static func plainParagraphs(_ lines: [Line], _ bytes: [UInt8], text: String) -> [[Range<Int>]] {
        let hardWrapped = TextLayout.isHardWrapped(text)
        var paragraphs = Paragraphs()
        for line in lines {
            if line.isEmpty { paragraphs.end(); continue }
            if !hardWrapped || line.indented || TextLayout.isBullet(firstScalar(bytes[line.range])) || isRule(bytes[line.range]) {
                paragraphs.end()
            }
            paragraphs.add(line.range)
            if !hardWrapped || isRule(bytes[line.range]) { paragraphs.end() }
        }
        paragraphs.end()
        return paragraphs.result
    }

    static func firstScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar {
        String(decoding: bytes.prefix(4), as: UTF8.self).unicodeScalars.first ?? " "
    }

    static func isRule(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.count >= 3 && bytes.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "*") || isSpace($0) }
    }

    /// `17:53 27/01/00: Page 1 (HHH) SHOWBIZ Webber`: a time, a date and a colon.
    static func isWireHeader(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = Array(bytes.prefix(16))
        func digit(_ i: Int) -> Bool { i < s.count && s[i] >= 0x30 && s[i] <= 0x39 }
        var i = 0
        guard digit(i) else { return false }
        if digit(i + 1) { i += 1 }
        guard i + 1 < s.count, s[i + 1] == UInt8(ascii: ":"), digit(i + 2), digit(i + 3), i + 4 < s.count, s[i + 4] == 0x20 else {
            return false
        }
        i += 5
        guard digit(i), digit(i + 1), i + 2 < s.count, s[i + 2] == UInt8(ascii: "/") || s[i + 2] == UInt8(ascii: ".") else {
            return false
        }
        return true
    }

    // MARK: - Blocks

    static func assemble(_ paragraphs: [[Range<Int>]], bytes: [UInt8], wire: Bool) -> StoryText {
        var builder = CleanTextBuilder(bytes: bytes, undoWireConventions: wire || containsBackticks(bytes))
        var seen = Set<String>()
        var sawBody = false
        for lines in paragraphs {
            let joined = lines.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ")
            // Counted as far as the rules below read (past `shortParagraphWords`, only "long").
            let words = wordCount(joined, upTo: shortParagraphWords + 1)
            var kind = classify(joined, words: words, wire: wire, sawBody: sawBody)
            // Only a short paragraph can repeat one (its words are the same), so only short ones
            // are remembered.
            if words <= shortParagraphWords {
                let key = joined.lowercased()
                if kind == .body, seen.contains(key) { kind = .boilerplate }
                seen.insert(key)
            }
            if kind == .body, !sawBody, let datelineEnd = datelineLength(joined) {
                builder.appendParagraph(lines, kind: .body, datelineBytes: datelineEnd)
            } else {
                builder.appendParagraph(lines, kind: kind, datelineBytes: nil)
            }
            if kind == .body { sawBody = true }
        }
        return builder.finish(wire: wire)
    }

    static func containsBackticks(_ bytes: [UInt8]) -> Bool {
        var previous: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: "`"), previous == UInt8(ascii: "`") { return true }
            previous = b
        }
        return false
    }

    /// The words of `s`, counted up to `limit` (a longer text gives `limit`).
    static func wordCount(_ s: String, upTo limit: Int) -> Int {
        var count = 0, inWord = false
        for scalar in s.unicodeScalars {
            let w = TextLayout.isWordCharacter(scalar)
            if w, !inWord {
                count += 1
                if count == limit { break }
            }
            inWord = w
        }
        return count
    }

    /// The kind of a paragraph of `words` words (counted up to `shortParagraphWords + 1`).
    static func classify(_ paragraph: String, words: Int, wire: Bool, sawBody: Bool) -> StoryBlockKind {
        // A rule (dashes, stars…) has no word.
        if words == 0 { return .boilerplate }
        let trimmed = paragraph.trimmingSpaces
        if isWireHeader(Array(trimmed.utf8.prefix(16))[...]) { return .boilerplate }
        // A long paragraph is only tested by its opening below, so only its opening is
        // lower-cased (lower-casing maps scalar by scalar).
        let short = words <= shortParagraphWords
        let lower = short ? trimmed.lowercased() : Substring(trimmed.unicodeScalars.prefix(64)).lowercased()
        if short, signOffs.contains(lower) { return .boilerplate }
        // A wire story's closing initials ("mfl") or slug: one short lower-case word on its own
        // (wire copy is often several takes in one file, each ending so).
        if wire, words == 1, trimmed.count <= 6, lower == trimmed { return .boilerplate }
        if trimmed.hasPrefix("("), trimmed.hasSuffix(")"), !trimmed.dropFirst().contains("(") { return .boilerplate }
        if let initial = lower.first, let prefixes = furnitureByInitial[initial], prefixes.contains(where: { lower.hasPrefix($0) }) {
            return .boilerplate
        }
        guard short else { return .body }
        // A caption or credit line; a sentence followed by a credit in brackets stays body.
        if creditSuffixes.contains(where: { lower.hasSuffix($0) }), !trimmed.contains(". (") { return .boilerplate }
        if lower.hasPrefix("by "), words <= 12, isNameLike(trimmed.dropFirst(3)) { return .byline }
        if lower.hasSuffix("pa news") || lower.hasSuffix("pa news.") || lower.hasSuffix("press association") { return .byline }
        if isCapitals(trimmed) && words >= 2 { return .headline }
        // A short first paragraph that does not end a sentence: a headline (closing quotation marks
        // and brackets after the last word do not end one: `… Calls It a 'Huge Tragedy'`).
        let bulleted = trimmed.unicodeScalars.first.map(TextLayout.isBullet) ?? false
        let ending = trimmed.unicodeScalars.reversed().first { !"\"”’')]»".unicodeScalars.contains($0) }
        if !sawBody, !bulleted, words <= 20, let ending, !".!?:;…".unicodeScalars.contains(ending) {
            return .headline
        }
        return .body
    }

    /// Whether the text after "By " starts with a capitalised name.
    static func isNameLike(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// Whether nearly all letters are capitals (a wire headline).
    static func isCapitals(_ s: String) -> Bool {
        var upper = 0, lower = 0
        for scalar in s.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isUppercase { upper += 1 } else if scalar.properties.isLowercase { lower += 1 }
        }
        return upper >= 4 && lower * 10 <= upper
    }

    /// The length in bytes of a dateline opening `paragraph` (`LONDON (Reuters) - `,
    /// `KYIV, Ukraine (AP) — `), including the dash and the space after it.
    static func datelineLength(_ paragraph: String) -> Int? {
        let scalars = Array(paragraph.unicodeScalars.prefix(80))
        var k = 0
        var capitals = 0
        // The place: capitals, spaces, dots, apostrophes, hyphens, and an optional ", Region".
        while k < scalars.count {
            let c = scalars[k]
            if c.properties.isUppercase { capitals += 1 } else if c.properties.isLowercase {
                guard k > 0, scalars[0..<k].contains(",") else { return nil }
            } else if !(c == " " || c == "." || c == "'" || c == "," || c == "-" && k + 1 < scalars.count && scalars[k + 1] != " ") {
                break
            }
            k += 1
        }
        guard capitals >= 2 else { return nil }
        // An optional agency in brackets.
        if k < scalars.count, scalars[k] == "(" {
            guard let close = scalars[k...].firstIndex(of: ")"), close - k <= 30 else { return nil }
            k = close + 1
            while k < scalars.count, scalars[k] == " " { k += 1 }
        }
        guard k < scalars.count, scalars[k] == "-" || scalars[k] == "—" || scalars[k] == "–" else { return nil }
        k += 1
        if k < scalars.count, scalars[k] == "-" { k += 1 }
        guard k < scalars.count, scalars[k] == " " else { return nil }
        k += 1
        return scalars[0..<k].reduce(0) { $0 + UTF8.width($1) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !TextLayout.isWhiteSpace($0) }),
            let last = scalars.lastIndex(where: { !TextLayout.isWhiteSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
