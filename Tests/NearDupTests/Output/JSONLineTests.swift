import Foundation
import NearDup
import Testing

/// ``JSONLine``, the one writer of the tool's JSON lines: members in order, the format first,
/// every string escaped so that any id reads back as itself.
@Suite struct JSONLineTests {
    @Test func membersAreWrittenInOrderWithTheFormatFirst() {
        var line = JSONLine(format: 1)
        line.append("id", "doc-1")
        line.append("size", 3)
        line.append("estimate", 0.875)
        line.append("exact", true)
        line.append("members", strings: ["a", "b"])
        line.append("matches", json: "[]")
        #expect(line.text == #"{"format":1,"id":"doc-1","size":3,"estimate":0.875,"exact":true,"members":["a","b"],"matches":[]}"# + "\n")
    }

    @Test func aLineWithoutFormatStartsWithItsFirstMember() {
        var line = JSONLine()
        #expect(line.text == "{}\n")
        line.append(members: #""title":"T","n":2"#)
        line.append("id", "x")
        #expect(line.text == #"{"title":"T","n":2,"id":"x"}"# + "\n")
        var first = JSONLine()
        first.append("id", "x")
        first.append(members: #""n":2"#)
        #expect(first.text == #"{"id":"x","n":2}"# + "\n")
    }

    @Test func everyStringReadsBackAsItself() throws {
        let awkward = ["quote \" and backslash \\", "new\nline\ttab\r", "\u{0}\u{1}\u{1F}", "café 東京 🙂", "/slash/", ""]
        for value in awkward {
            var line = JSONLine(format: 2)
            line.append("id", value)
            line.append("ids", strings: [value, value])
            #expect(line.text.hasSuffix("}\n") && !line.text.dropLast().contains("\n"), "a raw newline inside the line")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any])
            #expect(object["format"] as? Int == 2)
            #expect(object["id"] as? String == value)
            #expect(object["ids"] as? [String] == [value, value])
            #expect(JSONLine.quoted(value) == String(line.text.dropFirst(#"{"format":2,"id":"#.count).prefix(JSONLine.quoted(value).count)))
        }
    }

    @Test func numbersReadBackExactly() throws {
        for value in [0.1, 1.0 / 3.0, 0.8, 1e-7, 123456.789] {
            var line = JSONLine(format: 1)
            line.append("x", value)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.text.utf8)) as? [String: Any])
            #expect((object["x"] as? NSNumber)?.doubleValue == value)
        }
    }
}
