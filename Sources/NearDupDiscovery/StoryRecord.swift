import NearDupCore
import NearDupReport

/// One story of an archive as discovery reads it: its id and text, and what orients a link
/// between two stories: the day it was published and the outlet that published it.
///
/// ```swift
/// let wire = StoryRecord(id: "pa-1", text: "…", date: "1999-11-02", outlet: "PA")
/// ```
public struct StoryRecord: Sendable, Hashable {
    /// The story's id, unique within a run.
    public var id: String
    /// The decoded text. Passage offsets are UTF-8 byte offsets into it.
    public var text: String
    /// The publication day as `YYYY-MM-DD`, or `nil` when unknown.
    public var date: String?
    /// The outlet that published it (`PA`, `guardian`), or `nil` when unknown.
    public var outlet: String?
    /// Where it was published, carried through to the output; `nil` when unknown.
    public var url: String?

    /// Makes a record. A `date` that is not `YYYY-MM-DD` is refused by ``isValidDate(_:)`` at
    /// the readers; this initialiser keeps what it is given.
    ///
    /// - Parameters:
    ///   - id: the story's id, unique within a run.
    ///   - text: the decoded text.
    ///   - date: the publication day as `YYYY-MM-DD`, or `nil`.
    ///   - outlet: the publishing outlet, or `nil`.
    ///   - url: where it was published, or `nil`.
    public init(id: String, text: String, date: String? = nil, outlet: String? = nil, url: String? = nil) {
        self.id = id
        self.text = text
        self.date = date
        self.outlet = outlet
        self.url = url
    }

    /// Whether `text` is a calendar day written `YYYY-MM-DD` (month 01–12, day 01–31).
    ///
    /// - Parameter text: the candidate date.
    /// - Returns: `true` for ten characters `DDDD-DD-DD` with a plausible month and day.
    public static func isValidDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        for i in [0, 1, 2, 3, 5, 6, 8, 9] where !(0x30...0x39).contains(b[i]) { return false }
        let month = Int(b[5] - 0x30) * 10 + Int(b[6] - 0x30)
        let day = Int(b[8] - 0x30) * 10 + Int(b[9] - 0x30)
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
