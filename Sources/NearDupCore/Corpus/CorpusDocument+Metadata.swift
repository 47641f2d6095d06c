import Foundation

extension CorpusDocument {
    /// What a JSONL record says about its story besides the text: the string members `title`,
    /// `byline`, `date` (as given), `outlet` and `url` of ``otherFieldsJSON``. A member that is
    /// missing, empty or not a string is unknown; `nil` when none is known (and for text files).
    /// The report's JSONL candidates and `discover`'s stories read their metadata here.
    ///
    /// - Complexity: O(length of the record's other members): they are parsed once a call.
    public var recordMetadata: StoryMetadata? {
        guard let others = otherFieldsJSON,
            let object = try? JSONSerialization.jsonObject(with: Data(("{" + others + "}").utf8)) as? [String: Any]
        else { return nil }
        func field(_ key: String) -> String? {
            guard let value = object[key] as? String, !value.isEmpty else { return nil }
            return value
        }
        let metadata = StoryMetadata(
            title: field("title"), byline: field("byline"), date: field("date"), outlet: field("outlet"), url: field("url"))
        return metadata.isEmpty ? nil : metadata
    }
}
