import Foundation
import Testing

/// `neardup report` with a JSONL candidate file: one story a record, with its metadata.
@Suite(.serialized) struct ReportRecordsCLITests {
    @Test func recordsAreCandidatesLikeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: CLITests.seeds.path).sorted().dropFirst()
        var lines: [String] = []
        for (i, name) in names.enumerated() {
            var record: [String: String] = ["id": String(name.prefix(3)),
                "text": try String(contentsOf: CLITests.seeds.appendingPathComponent(name), encoding: .utf8)]
            if i == 0 { record.merge(["title": "Title from the record", "outlet": "Record Outlet", "url": "https://r.test/1"]) { $1 } }
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        lines += [#"{"id":"blank","text":"  "}"#, "not json"]
        let records = folder.appendingPathComponent("candidates.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: records)

        let reference = "seeds/000_ae173d8b20e40bc0.txt"
        let fromFiles = try CLITests.run(["report", "--reference", reference, "seeds/", "--format", "json"])
        let fromRecords = try CLITests.run(["report", "--reference", reference, records.path, "--format", "json"])
        #expect(fromFiles.status == 0, "\(fromFiles.stderr)")
        #expect(fromRecords.status == 0, "\(fromRecords.stderr)")
        func candidates(_ run: CLITests.Run) throws -> [[String: Any]] {
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return try #require(object?["candidates"] as? [[String: Any]])
        }
        // Each record scores as the file it was made from (a file's id is its path as given:
        // seeds/001_….txt).
        let byFile = Dictionary(uniqueKeysWithValues: try candidates(fromFiles).map { (String(($0["id"] as! String).split(separator: "/").last!.prefix(3)), $0) })
        let fromLines = try candidates(fromRecords)
        #expect(fromLines.count == names.count)
        for candidate in fromLines {
            let id = try #require(candidate["id"] as? String)
            #expect(candidate["score"] as? Double == byFile[id]?["score"] as? Double, "\(id)")
            #expect(candidate["verdict"] as? String == byFile[id]?["verdict"] as? String, "\(id)")
            #expect((candidate["path"] as? String)?.hasPrefix(records.path + ":") == true)
        }
        let first = try #require(fromLines.first { $0["id"] as? String == "001" })
        #expect(first["title"] as? String == "Title from the record")
        #expect((first["metadata"] as? [String: String]) == ["title": "Title from the record", "outlet": "Record Outlet", "url": "https://r.test/1"])
        // The blank and the malformed line are skipped, named by file and line; the rest analysed.
        let skipped = try #require((try JSONSerialization.jsonObject(with: Data(fromRecords.stdout.utf8)) as? [String: Any])?["skipped"] as? [[String: Any]])
        #expect(skipped.compactMap { $0["path"] as? String }.sorted().map { $0.hasPrefix(records.path + ":") } == [true, true])
        #expect(fromRecords.stderr.contains("candidates.jsonl:5") && fromRecords.stderr.contains("candidates.jsonl:6"))
    }
}
