/// A strict, allocation-light parser for one JSONL record: a JSON object on one line, from
/// which it decodes only the two fields it is asked for (the document id and text) and checks
/// that the rest is well-formed JSON without building it.
///
/// Full JSON parsers build every value; a corpus line is mostly one long text field, so
/// scanning the rest in place is several times faster.
package struct JSONLineParser {
    /// The id and text fields of one record.
    struct Record {
        /// The id as text: a JSON string's value, or a number's literal. `nil` if absent.
        var id: String?
        /// The text field's content within the line when it has no escape sequence (the common
        /// case: no copy). `nil` if absent or escaped.
        var textRange: Range<Int>?
        /// The text field's decoded bytes when it has escape sequences (possibly invalid UTF-8).
        var decodedText: [UInt8]?
        /// Whether the record has a text field.
        var hasText: Bool { textRange != nil || decodedText != nil }
        /// Byte ranges (`"key": value`) of every other member, in order.
        var otherMembers: [Range<Int>] = []
    }

    /// A syntax error at a byte offset within the line.
    package struct SyntaxError: Error {
        /// The byte offset in the line.
        package var offset: Int
        /// What is wrong there.
        package var message: String
    }

    let idField: [UInt8]
    let textField: [UInt8]
    /// Members left out of ``Record/otherMembers`` besides the id and text fields (checked all
    /// the same): names an output writes itself, so that no key is written twice.
    let omittedFields: [[UInt8]]

    init(idField: String, textField: String, omittedFields: [String] = []) {
        self.idField = Array(idField.utf8)
        self.textField = Array(textField.utf8)
        self.omittedFields = omittedFields.map { Array($0.utf8) }
    }

    /// Parses `line` (without its newline).
    ///
    /// - Complexity: O(line length).
    func parse(_ line: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Record {
        var cursor = Cursor(bytes: line)
        var record = Record()
        // A repeated id or text field is refused: readers differ on which one counts
        // (NearDup read the first, Python, jq and JavaScript read the last).
        var sawID = false, sawText = false
        try cursor.objectLine { (key, memberStart, cursor) throws(SyntaxError) in
            let isText = key == textField, isID = key == idField
            if (isText && sawText) || (isID && sawID) {
                cursor.index = memberStart
                throw cursor.error("field \"\(String(decoding: key, as: UTF8.self))\" given twice")
            }
            if isText, cursor.peek == UInt8(ascii: "\"") {
                sawText = true
                (record.textRange, record.decodedText) = try cursor.stringContent()
            } else if isID, let id = try cursor.scalarAsText() {
                sawID = true
                record.id = id
            } else {
                sawText = sawText || isText
                sawID = sawID || isID
                try cursor.skipValue(depth: 0)
                // Escapes are checked by skipValue; raw bytes here: a field copied into
                // an output must not turn into U+FFFD there.
                if let bad = TextDecoder.firstInvalidUTF8Offset(UnsafeBufferPointer(rebasing: line[memberStart..<cursor.index])) {
                    cursor.index = memberStart + bad
                    throw cursor.error(
                        "field \"\(String(decoding: key, as: UTF8.self))\" is not valid UTF-8")
                }
                if !isText && !isID && !omittedFields.contains(key) {
                    record.otherMembers.append(memberStart..<cursor.index)
                }
            }
        }
        return record
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(offset: index, message: index < bytes.count ? message : message + " (line ended)")
        }

        /// Reads one JSON object that fills the whole line (white space around it allowed): for
        /// each member, `member` gets its name, the offset where the member starts, and the
        /// cursor at its value, which it must read or skip.
        mutating func objectLine(
            _ member: (_ key: [UInt8], _ memberStart: Int, _ cursor: inout Cursor) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            skipSpace()
            try expect(UInt8(ascii: "{"), "expected '{' at the start of a record")
            skipSpace()
            if peek == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a field name") }
                    let memberStart = index
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "expected ':' after a field name")
                    skipSpace()
                    try member(key, memberStart, &self)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"), "expected ',' or '}' after a value")
                    break
                }
            }
            skipSpace()
            guard index == bytes.count else { throw error("unexpected text after the record") }
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func expect(_ byte: UInt8, _ message: String) throws(SyntaxError) {
            guard peek == byte else { throw error(message) }
            index += 1
        }

        /// The index of the first byte at or after `index` that is a quote, a backslash or a
        /// control character (or the end). Eight bytes at a time: a byte b is special when
        /// b ^ '"', b ^ '\\' or b − 0x20 (borrowing) has its high bit set with b's clear.
        @inline(__always)
        func endOfPlainRun(from start: Int) -> Int {
            guard let base = bytes.baseAddress else { return start }
            var i = start
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i &+ 8 <= bytes.count {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = v ^ (ones &* 0x22)
                let backslash = v ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (v &- ones &* 0x20)
                if special & ~v & highs != 0 { break }
                i &+= 8
            }
            while i < bytes.count {
                let b = base[i]
                if b == 0x22 || b == 0x5C || b < 0x20 { break }
                i &+= 1
            }
            return i
        }

        /// Scans a JSON string starting at its opening quote. Returns the range of its content
        /// when it has no escape (no copy), otherwise its decoded bytes.
        mutating func stringContent() throws(SyntaxError) -> (range: Range<Int>?, decoded: [UInt8]?) {
            let start = index &+ 1
            let end = endOfPlainRun(from: start)
            if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
                index = end &+ 1
                return (start..<end, nil)
            }
            return (nil, try string())
        }

        /// Decodes a JSON string starting at its opening quote.
        mutating func string() throws(SyntaxError) -> [UInt8] {
            index += 1
            let start = index
            // Fast path: no escapes.
            index = endOfPlainRun(from: index)
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") {
                    let out = Array(bytes[start..<index])
                    index += 1
                    return out
                }
                if b == UInt8(ascii: "\\") { break }
                if b < 0x20 { throw error("control character inside a string") }
                index += 1
            }
            var out = Array(bytes[start..<index])
            out.reserveCapacity(bytes.count - start)
            while index < bytes.count {
                // Copy each run of plain bytes at once: appending byte by byte made this loop
                // the reading thread's bottleneck on text with quotes (a third of dedup's time).
                let run = index
                index = endOfPlainRun(from: index)
                if index > run { out.append(contentsOf: bytes[run..<index]) }
                guard index < bytes.count else { break }
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { index += 1; return out }
                if b < 0x20 { throw error("control character inside a string") }
                index += 1
                guard let e = peek else { break }
                index += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try escapedScalar()
                    out.append(contentsOf: Array(String(scalar).utf8))
                default:
                    index -= 1
                    throw error("invalid escape")
                }
            }
            throw error("unterminated string")
        }

        /// The scalar of a `\u` escape whose `u` has just been read: a surrogate pair is one
        /// scalar; an unpaired surrogate (`\ud800` alone) is an error, never U+FFFD, so that
        /// two distinct ids cannot become one.
        mutating func escapedScalar() throws(SyntaxError) -> Unicode.Scalar {
            let start = index - 2
            let value = try hex4()
            if (0xDC00...0xDFFF).contains(value) {
                index = start
                throw error("unpaired surrogate escape (a low surrogate without a high one)")
            }
            guard (0xD800...0xDBFF).contains(value) else { return Unicode.Scalar(value)! }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                index = start
                throw error("unpaired surrogate escape (a high surrogate without a low one)")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = start
                throw error("unpaired surrogate escape (a high surrogate without a low one)")
            }
            return Unicode.Scalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))!
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[index]
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                default: throw error("invalid hex digit in \\u escape")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        /// A string's value or a number's literal as text; `nil` (cursor unmoved) for other values.
        mutating func scalarAsText() throws(SyntaxError) -> String? {
            if peek == UInt8(ascii: "\"") {
                let start = index
                let value = try string()
                // Invalid UTF-8 would become U+FFFD and make distinct ids one.
                guard let id = String(validating: value, as: UTF8.self) else {
                    index = start
                    throw error("the id is not valid UTF-8")
                }
                return id
            }
            if let b = peek, b == UInt8(ascii: "-") || (0x30...0x39).contains(b) {
                let start = index
                try skipNumber()
                return String(decoding: bytes[start..<index], as: UTF8.self)
            }
            return nil
        }

        mutating func skipNumber() throws(SyntaxError) {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            let firstDigit = index
            var digits = 0
            while let b = peek, (0x30...0x39).contains(b) { index += 1; digits += 1 }
            guard digits > 0 else { throw error("invalid number") }
            guard digits == 1 || bytes[firstDigit] != UInt8(ascii: "0") else {
                index = firstDigit
                throw error("invalid number (leading zero)")
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                var fraction = 0
                while let b = peek, (0x30...0x39).contains(b) { index += 1; fraction += 1 }
                guard fraction > 0 else { throw error("invalid number") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                var exponent = 0
                while let b = peek, (0x30...0x39).contains(b) { index += 1; exponent += 1 }
                guard exponent > 0 else { throw error("invalid number") }
            }
            _ = start
        }

        mutating func skipLiteral(_ literal: StaticString) throws(SyntaxError) {
            let n = literal.utf8CodeUnitCount
            guard index + n <= bytes.count else { throw error("invalid value") }
            for i in 0..<n where bytes[index + i] != literal.utf8Start[i] { throw error("invalid value") }
            index += n
        }

        mutating func skipValue(depth: Int) throws(SyntaxError) {
            guard depth < 512 else { throw error("nesting too deep") }
            guard let b = peek else { throw error("expected a value") }
            switch b {
            case UInt8(ascii: "\""):
                _ = try skipString()
            case UInt8(ascii: "{"):
                index += 1
                skipSpace()
                if peek == UInt8(ascii: "}") { index += 1; return }
                while true {
                    skipSpace()
                    guard peek == UInt8(ascii: "\"") else { throw error("expected a field name") }
                    try skipString()
                    skipSpace()
                    try expect(UInt8(ascii: ":"), "expected ':' after a field name")
                    skipSpace()
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "}"), "expected ',' or '}' in an object")
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipSpace()
                if peek == UInt8(ascii: "]") { index += 1; return }
                while true {
                    skipSpace()
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    try expect(UInt8(ascii: "]"), "expected ',' or ']' in an array")
                    return
                }
            case UInt8(ascii: "t"): try skipLiteral("true")
            case UInt8(ascii: "f"): try skipLiteral("false")
            case UInt8(ascii: "n"): try skipLiteral("null")
            default: try skipNumber()
            }
        }

        /// Skips a string, checking it as ``string()`` does (escapes included): fields the
        /// reader passes through unread (`sign`, `dedup --keep`) must still be valid JSON.
        mutating func skipString() throws(SyntaxError) {
            index += 1
            while index < bytes.count {
                index = endOfPlainRun(from: index)
                guard index < bytes.count else { break }
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { index += 1; return }
                if b < 0x20 { throw error("control character inside a string") }
                index += 1
                guard let e = peek else { break }
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    index += 1
                    _ = try escapedScalar()
                default:
                    throw error("invalid escape")
                }
            }
            throw error("unterminated string")
        }
    }
}
