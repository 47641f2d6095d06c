/// One line of a JSON-lines output, written member by member in the order given and ended with
/// a newline: the one writer of the JSON lines `neardup` prints (dedup's pairs and clusters, the
/// sketches, signatures, index answers and discover's links), so that each output's first member
/// is its format version and every string is escaped by one rule.
///
/// ```
/// var line = JSONLine(format: 1)
/// line.append("id", "doc-1")
/// line.append("estimate", 0.875)
/// line.text  // {"format":1,"id":"doc-1","estimate":0.875}\n
/// ```
///
/// Keys are written as given: they are the output's own names, which need no escape. Numbers
/// are written as Swift prints them (the shortest text that reads back as the same `Double`).
public struct JSONLine: Sendable {
    /// The line so far, without its closing brace.
    private var opened: String
    private var isEmpty: Bool

    /// A line whose first member is `"format"`: the version of the output's layout.
    ///
    /// - Parameter version: the layout's version.
    public init(format version: Int) {
        opened = "{\"format\":\(version)"
        isEmpty = false
    }

    /// A line without a format member (a record that carries an input's own fields, whose
    /// version is inside one of them, as a signature record's is).
    public init() {
        opened = "{"
        isEmpty = true
    }

    /// Appends the member `key`: `json`, already JSON (an object, an array, a number).
    ///
    /// - Parameters:
    ///   - key: the member's name (written as is).
    ///   - json: the member's value, valid JSON.
    /// - Complexity: O(n) in the length of `json`.
    public mutating func append(_ key: String, json: String) {
        opened += (isEmpty ? "\"" : ",\"") + key + "\":" + json
        isEmpty = false
    }

    /// Appends `members`, one or more members already JSON (`"a":1,"b":"x"`): a record's own
    /// fields, copied.
    ///
    /// - Parameter members: members as they appear inside an object, without braces.
    /// - Complexity: O(n) in the length of `members`.
    public mutating func append(members: String) {
        opened += (isEmpty ? "" : ",") + members
        isEmpty = false
    }

    /// Appends the member `key` with a string, escaped.
    ///
    /// - Parameters:
    ///   - key: the member's name.
    ///   - value: the string.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    public mutating func append(_ key: String, _ value: String) { append(key, json: JSONEscaping.quoted(value)) }

    /// Appends the member `key` with an integer.
    ///
    /// - Parameters:
    ///   - key: the member's name.
    ///   - value: the integer.
    public mutating func append(_ key: String, _ value: Int) { append(key, json: String(value)) }

    /// Appends the member `key` with a number (finite: JSON has no NaN or infinity).
    ///
    /// - Parameters:
    ///   - key: the member's name.
    ///   - value: the number, finite.
    public mutating func append(_ key: String, _ value: Double) { append(key, json: "\(value)") }

    /// Appends the member `key` with `true` or `false`.
    ///
    /// - Parameters:
    ///   - key: the member's name.
    ///   - value: the Boolean.
    public mutating func append(_ key: String, _ value: Bool) { append(key, json: value ? "true" : "false") }

    /// Appends the member `key` with an array of strings, each escaped.
    ///
    /// - Parameters:
    ///   - key: the member's name.
    ///   - values: the strings.
    /// - Complexity: O(n) in their total UTF-8 length.
    public mutating func append(_ key: String, strings values: [String]) {
        append(key, json: "[" + values.map(JSONEscaping.quoted).joined(separator: ",") + "]")
    }

    /// The line: its members, the closing brace and a newline.
    public var text: String { opened + "}\n" }

    /// The object without the newline: a member of another line that is itself an object.
    public var json: String { opened + "}" }

    /// `value` as a JSON string literal, quotes included (for a value built outside a line,
    /// such as an element of an array of objects).
    ///
    /// - Parameter value: the string.
    /// - Returns: the escaped string between quotes.
    /// - Complexity: O(n) in the UTF-8 length of `value`.
    public static func quoted(_ value: String) -> String { JSONEscaping.quoted(value) }
}
