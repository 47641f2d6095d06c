/// One JSON object on a line, its members read in place: strings, numbers, and arrays of whole
/// numbers, the values of the files `neardup discover`'s stages pass each other (a sketch's 200
/// terms, a candidate pair's weight). Nested objects, booleans and other arrays are checked and
/// skipped. Decoding such a line through `Codable` and `JSONDecoder` takes some 900,000
/// instructions for a sketch of 200 terms; reading it here, a few per byte.
package struct JSONObjectLine {
    /// A member's value, as far as the stage files need it.
    package enum Value {
        /// A string, decoded (escapes resolved).
        case string([UInt8])
        /// A number's literal, as written.
        case number(Range<Int>)
        /// An array whose elements are all whole numbers with no sign, fraction or exponent,
        /// each below 2⁶⁴.
        case wholeNumbers([UInt64])
        /// `null`.
        case null
        /// Anything else (an object, a boolean, another array), checked and skipped.
        case other
    }

    /// Why a member could not be read as asked.
    package enum FieldError: Error, Equatable {
        /// The member is absent.
        case missing(String)
        /// The member is there with a value of another type.
        case wrongType(String)
    }

    private let line: UnsafeBufferPointer<UInt8>
    private let members: [(key: [UInt8], value: Value)]

    /// Parses `line` (without its newline): one JSON object, each member name once.
    ///
    /// - Parameter line: the line's bytes, which must outlive the value.
    /// - Throws: `JSONLineParser.SyntaxError` with the byte offset of the first thing that is
    ///   not JSON, or of a member given twice.
    /// - Complexity: O(line length).
    package init(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLineParser.SyntaxError) {
        self.line = line
        var cursor = JSONLineParser.Cursor(bytes: line)
        var members: [(key: [UInt8], value: Value)] = []
        try cursor.objectLine { (key, memberStart, cursor) throws(JSONLineParser.SyntaxError) in
            if members.contains(where: { $0.key == key }) {
                cursor.index = memberStart
                throw cursor.error("field \"\(String(decoding: key, as: UTF8.self))\" given twice")
            }
            members.append((key, try Self.value(&cursor)))
        }
        self.members = members
    }

    private static func value(_ cursor: inout JSONLineParser.Cursor) throws(JSONLineParser.SyntaxError) -> Value {
        guard let first = cursor.peek else { throw cursor.error("expected a value") }
        switch first {
        case UInt8(ascii: "\""):
            return .string(try cursor.string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = cursor.index
            try cursor.skipNumber()
            return .number(start..<cursor.index)
        case UInt8(ascii: "n"):
            try cursor.skipLiteral("null")
            return .null
        case UInt8(ascii: "["):
            let start = cursor.index
            if let numbers = cursor.wholeNumberArray() { return .wholeNumbers(numbers) }
            cursor.index = start
            try cursor.skipValue(depth: 0)
            return .other
        default:
            try cursor.skipValue(depth: 0)
            return .other
        }
    }

    private func member(_ key: String) -> Value? {
        let bytes = Array(key.utf8)
        return members.first { $0.key == bytes }?.value
    }

    /// The string member `key`, which must be valid UTF-8.
    ///
    /// - Parameter key: the member's name.
    /// - Throws: ``FieldError`` when it is absent or not a string of valid UTF-8.
    package func string(_ key: String) throws(FieldError) -> String {
        guard let value = member(key) else { throw .missing(key) }
        guard case .string(let bytes) = value, let text = String(validating: bytes, as: UTF8.self) else { throw .wrongType(key) }
        return text
    }

    /// The string member `key`, or `nil` when it is absent or `null`.
    ///
    /// - Parameter key: the member's name.
    /// - Throws: ``FieldError/wrongType(_:)`` when it is another value.
    package func optionalString(_ key: String) throws(FieldError) -> String? {
        switch member(key) {
        case nil, .null?: return nil
        default: return try string(key)
        }
    }

    /// The number member `key` as a `Double` (the nearest to its literal).
    ///
    /// - Parameter key: the member's name.
    /// - Throws: ``FieldError`` when it is absent or not a number.
    package func double(_ key: String) throws(FieldError) -> Double {
        guard let value = member(key) else { throw .missing(key) }
        guard case .number(let range) = value, let number = Double(String(decoding: line[range], as: UTF8.self)) else {
            throw .wrongType(key)
        }
        return number
    }

    /// The number member `key` as an `Int`: a whole number written without fraction or exponent.
    ///
    /// - Parameter key: the member's name.
    /// - Throws: ``FieldError`` when it is absent, not such a number, or out of `Int`'s range.
    package func int(_ key: String) throws(FieldError) -> Int {
        guard let value = member(key) else { throw .missing(key) }
        guard case .number(let range) = value, let number = Int(String(decoding: line[range], as: UTF8.self)) else {
            throw .wrongType(key)
        }
        return number
    }

    /// The array member `key` as 32-bit unsigned integers.
    ///
    /// - Parameter key: the member's name.
    /// - Throws: ``FieldError`` when it is absent, not an array of whole numbers, or holds one
    ///   of 2³² or more.
    package func uint32Array(_ key: String) throws(FieldError) -> [UInt32] {
        guard let value = member(key) else { throw .missing(key) }
        switch value {
        case .wholeNumbers(let numbers):
            guard numbers.allSatisfy({ $0 <= UInt64(UInt32.max) }) else { throw .wrongType(key) }
            return numbers.map { UInt32(truncatingIfNeeded: $0) }
        default:
            throw .wrongType(key)
        }
    }
}

extension JSONLineParser.Cursor {
    /// Reads an array of whole numbers (digits only, no leading zero, each below 2⁶⁴) starting at
    /// its `[`; `nil` for any other array or anything malformed (the caller then checks it as a
    /// value and reports it).
    mutating func wholeNumberArray() -> [UInt64]? {
        index += 1
        skipSpace()
        var numbers: [UInt64] = []
        if peek == UInt8(ascii: "]") { index += 1; return numbers }
        while true {
            skipSpace()
            let start = index
            var value: UInt64 = 0
            while let b = peek, b >= 0x30, b <= 0x39 {
                let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(UInt64(b &- 0x30))
                if overflow1 || overflow2 { return nil }
                value = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if let b = peek, b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { return nil }
            numbers.append(value)
            skipSpace()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            guard peek == UInt8(ascii: "]") else { return nil }
            index += 1
            return numbers
        }
    }
}
