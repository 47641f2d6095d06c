import Foundation
import Testing
import NearDup

@Suite struct CorpusReaderTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func readAll(_ paths: [String], reader: CorpusReader = CorpusReader()) throws -> ([CorpusDocument], [CorpusProblem]) {
        var documents: [CorpusDocument] = []
        var problems: [CorpusProblem] = []
        try reader.read(paths, document: { documents.append($0) }, problem: { problems.append($0) })
        return (documents, problems)
    }

    @Test func jsonlRecordsAndMalformedLines() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("corpus.jsonl")
        let lines = [
            #"{"id": "a", "text": "first \"quoted\" text \u00e9\ud83d\ude00", "url": "http://x", "n": [1, {"b": null}]}"#,
            "",
            #"{"id": 7, "text": "numeric id"}"#,
            #"{"id": "broken", "text": "unterminated}"#,
            #"{"id": "no text", "body": "x"}"#,
            #"{"text": "no id"}"#,
            #"["not", "an", "object"]"#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (documents, problems) = try readAll([file.path])
        #expect(documents.map(\.id) == ["a", "7", "\(file.path):6"])
        #expect(documents[0].text == "first \"quoted\" text é😀")
        #expect(documents[0].otherFieldsJSON == #""url": "http://x","n": [1, {"b": null}]"#)
        #expect(documents[0].location.line == 1)
        #expect(problems.count == 3)
        #expect(problems.map { $0.location.line } == [4, 5, 7])
        #expect(problems.allSatisfy { $0.severity == .skipped })
        #expect(problems[0].description.contains("corpus.jsonl:4:"))
        #expect(problems[0].message.contains("unterminated string"))
        #expect(problems[1].message.contains("\"text\""))
    }

    /// A trailing comma is not JSON (RFC 8259): the line is skipped as malformed, naming where,
    /// although Foundation's JSONSerialization on Linux accepts it (found by the jsonl fuzz
    /// target's comparison with JSONSerialization, which now leaves such lines out).
    @Test func trailingCommasAreMalformed() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("commas.jsonl")
        let lines = [
            #"{"id": "a", "text": "one", "url": "http://x",}"#,
            #"{"id": "b", "text": "two", "tags": ["x",]}"#,
            #"{"id": "c", "text": "three, }"}"#,
        ]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let (documents, problems) = try readAll([file.path])
        #expect(documents.map(\.id) == ["c"])
        #expect(documents.first?.text == "three, }")
        #expect(problems.map { $0.location.line } == [1, 2])
        #expect(problems.allSatisfy { $0.message.contains("malformed JSON") })
    }

    @Test func lineWithoutTrailingNewlineAndCRLF() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("c.jsonl")
        try Data(("{\"id\":\"x\",\"text\":\"one\"}\r\n{\"id\":\"y\",\"text\":\"two\"}").utf8).write(to: file)
        let (documents, problems) = try readAll([file.path])
        #expect(documents.map(\.text) == ["one", "two"])
        #expect(problems.isEmpty)
    }

    @Test func foldersTextFilesBinaryAndWindows1252() throws {
        let folder = try temporaryFolder()
        try "plain text".write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try Data([0x63, 0x61, 0x66, 0xE9]).write(to: folder.appendingPathComponent("a.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: folder.appendingPathComponent("c.bin"))
        try "hidden".write(to: folder.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "nested".write(to: folder.appendingPathComponent("sub/d.txt"), atomically: true, encoding: .utf8)
        let (documents, problems) = try readAll([folder.path])
        // A file found in a folder is named by the folder as given and its path below it
        // (issue 17: two folders' story.txt are two ids).
        #expect(documents.map(\.id) == ["a.txt", "b.txt", "sub/d.txt"].map { folder.path + "/" + $0 })
        #expect(documents[0].text == "café")
        #expect(documents[0].encoding == .windows1252)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.severity == .warning && $0.location.path.hasSuffix("a.txt") })
        #expect(problems.contains { $0.severity == .skipped && $0.message.contains("binary") && $0.location.byteOffset == 4 })
    }

    @Test func oversizedDocumentsAreSkipped() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("big.jsonl")
        let big = String(repeating: "word ", count: 1000)
        try ("{\"id\":\"big\",\"text\":\"\(big)\"}\n{\"id\":\"small\",\"text\":\"ok\"}\n").write(
            to: file, atomically: true, encoding: .utf8)
        let (documents, problems) = try readAll([file.path], reader: CorpusReader(maximumDocumentBytes: 1024))
        #expect(documents.map(\.id) == ["small"])
        #expect(problems.count == 1)
        #expect(problems[0].location.line == 1)
        #expect(problems[0].message.contains("exceeds"))
    }

    @Test func missingPathIsNamed() throws {
        #expect(throws: NearDupError.self) { try CorpusReader.checkPathsExist(["/no/such/file.jsonl"]) }
        do {
            try CorpusReader.checkPathsExist(["/no/such/file.jsonl"])
        } catch let error as NearDupError {
            #expect(error.message.contains("/no/such/file.jsonl"))
        }
    }
}
