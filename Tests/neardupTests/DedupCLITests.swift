import Foundation
import Testing

/// End-to-end tests of `neardup dedup` and `neardup index`.
@Suite(.serialized) struct DedupCLITests {
    static let story = "The city council approved the new budget on Monday after a long debate about schools, roads and the cost of public transport in the northern districts of the city."
    static let other = "Heavy rain flooded several streets in the old town overnight, and firefighters pumped water out of dozens of cellars while the river kept rising fast."

    /// A folder with a small JSONL corpus: a story, an exact copy, a near copy (one word
    /// changed at the end), an unrelated story and a malformed line.
    static func corpus() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let near = story.replacingOccurrences(of: "of the city.", with: "of the town.")
        let lines = [
            #"{"id": "a", "source": "wire", "text": "\#(story)"}"#,
            #"{"id": "b", "source": "blog", "text": "\#(story)"}"#,
            #"{"id": "c", "text": "\#(near)", "lang": "en"}"#,
            #"{"id": "d", "text": "\#(other)"}"#,
            #"{"id": "e", "text": unquoted}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("news.jsonl"), atomically: true, encoding: .utf8)
        return folder
    }

    static func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func dedupWritesPairsClustersAndKeptRecords() throws {
        let folder = try Self.corpus()
        let input = folder.appendingPathComponent("news.jsonl").path
        let pairs = folder.appendingPathComponent("pairs.jsonl"), clusters = folder.appendingPathComponent("clusters.jsonl")
        let keep = folder.appendingPathComponent("keep.jsonl")
        let run = try CLITests.run([
            "dedup", input, "--shingle", "words:3", "--pairs", pairs.path, "--clusters", clusters.path, "--keep", keep.path,
        ])
        // The malformed line is reported with its place; everything else is still done.
        #expect(run.status == 1)
        #expect(run.stderr.contains("news.jsonl:5"))
        #expect(run.stderr.contains("documents"), "the closing summary")
        let pairLines = try Self.jsonLines(pairs)
        #expect(pairLines.map { "\($0["a"]!)\($0["b"]!)" } == ["ab", "ac", "bc"])
        for line in pairLines {
            let jaccard = try #require(line["jaccard"] as? Double), estimate = try #require(line["estimate"] as? Double)
            #expect(jaccard >= 0.8 && estimate > 0)
        }
        let clusterLines = try Self.jsonLines(clusters)
        #expect(clusterLines.count == 1)
        #expect(clusterLines.first?["representative"] as? String == "a")
        #expect(clusterLines.first?["members"] as? [String] == ["a", "b", "c"])
        let kept = try String(contentsOf: keep, encoding: .utf8).split(separator: "\n")
        #expect(kept.count == 2)
        #expect(kept.first?.contains("\"source\": \"wire\"") == true, "other fields pass through unchanged")
        #expect(kept.last?.contains("\"id\": \"d\"") == true)
    }

    @Test func dedupLeavesNoFileWhenAnOutputCannotBeWritten() throws {
        let folder = try Self.corpus()
        let input = folder.appendingPathComponent("news.jsonl").path
        let pairs = folder.appendingPathComponent("pairs.jsonl")
        let run = try CLITests.run([
            "dedup", input, "--pairs", pairs.path, "--keep", folder.appendingPathComponent("missing/keep.jsonl").path, "-q",
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("missing/keep.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: pairs.path), "outputs are opened before any work")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func indexCreateAddQueryAndRefusals() throws {
        let folder = try Self.corpus()
        let index = folder.appendingPathComponent("archive.ndx").path
        let first = folder.appendingPathComponent("first.jsonl"), second = folder.appendingPathComponent("second.jsonl")
        try (#"{"id": "a", "text": "\#(Self.story)"}"# + "\n").write(to: first, atomically: true, encoding: .utf8)
        try (#"{"id": "d", "text": "\#(Self.other)"}"# + "\n").write(to: second, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["index", "create", index, first.path, "--shingle", "words:3", "-q"]).status == 0)
        #expect(try CLITests.run(["index", "add", index, second.path, "--shingle", "words:3", "-q"]).status == 0)
        let query = try CLITests.run(["index", "query", index, folder.appendingPathComponent("news.jsonl").path, "--shingle", "words:3", "-q"])
        #expect(query.status == 1, "the malformed line")
        let answers = query.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let best = answers.map { (($0["matches"] as! [[String: Any]]).first?["id"] as? String) ?? "-" }
        #expect(best == ["a", "a", "a", "d"])

        // Without --shingle the index's words:3 is used (issue 18); a contradicting one is refused.
        #expect(try CLITests.run(["index", "query", index, first.path, "-q"]).status == 0)
        let refused = try CLITests.run(["index", "query", index, first.path, "--shingle", "words:5", "-q"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--shingle words:5 contradicts"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        bytes[bytes.count - 10] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: index))
        let damaged = try CLITests.run(["index", "query", index, first.path, "--shingle", "words:3", "-q"])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("damaged index: record 2"))
    }
}
