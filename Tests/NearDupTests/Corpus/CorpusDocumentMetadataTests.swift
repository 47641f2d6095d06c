import NearDup
import Testing

/// A JSONL record's metadata: string members only, an empty one unknown, nil when none is known.
struct CorpusDocumentMetadataTests {
    func document(_ others: String?) -> CorpusDocument {
        CorpusDocument(id: "a", text: "words", encoding: .utf8, location: SourceLocation(path: "c.jsonl", line: 1), otherFieldsJSON: others)
    }

    @Test func stringMembersBecomeMetadata() {
        let metadata = document(#""title":"T","byline":"B","date":"2023-01-02","outlet":"O","url":"https://x.test/1","n":3"#).recordMetadata
        #expect(metadata == StoryMetadata(title: "T", byline: "B", date: "2023-01-02", outlet: "O", url: "https://x.test/1"))
    }

    @Test func emptyOrOtherValuesAreUnknown() {
        #expect(document(#""title":"","outlet":5,"url":null"#).recordMetadata == nil)
        #expect(document(#""title":"","outlet":"O""#).recordMetadata == StoryMetadata(outlet: "O"))
        #expect(document(nil).recordMetadata == nil)
    }
}
