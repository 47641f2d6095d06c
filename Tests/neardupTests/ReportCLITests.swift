import Foundation
import Testing

/// End-to-end tests of `neardup report`, the main job.
@Suite(.serialized) struct ReportCLITests {
    static let reference = "seeds/000_ae173d8b20e40bc0.txt"

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func jsonFollowsTheContract() throws {
        let run = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["reference"] is [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.count == 4)  // the reference itself is skipped
        #expect(candidates.map { $0["rank"] as? Int } == [1, 2, 3, 4])
        // Ranked by verdict (wholly, partially, non), then by score.
        let order = ["wholly-derived": 0, "partially-derived": 1, "non-derived": 2]
        let keys = candidates.compactMap { c in (c["verdict"] as? String).flatMap { order[$0] }.map { ($0, -(c["score"] as? Double ?? 0)) } }
        #expect(keys.count == 4 && zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
        for candidate in candidates {
            #expect(["wholly-derived", "partially-derived", "non-derived"].contains(candidate["verdict"] as? String))
            #expect((0...1).contains(candidate["score"] as? Double ?? -1))
            #expect((0...1).contains(candidate["coverage"] as? Double ?? -1))
            #expect(candidate["title"] is String)
            #expect(candidate["jaccard"] is Double)
            let containment = try #require(candidate["containment"] as? [String: Double])
            #expect(containment["reference_in_candidate"] != nil && containment["candidate_from_reference"] != nil)
            #expect((candidate["id"] as? String)?.hasSuffix(".txt") == true)
            #expect(candidate["path"] is String)
            for passage in try #require(candidate["passages"] as? [[String: Any]]) {
                #expect(["verbatim", "paraphrase", "quotation"].contains(passage["kind"] as? String))
                let r = try #require(passage["reference"] as? [String: Int])
                let c = try #require(passage["candidate"] as? [String: Int])
                #expect(r["start"]! < r["end"]! && c["start"]! < c["end"]!)
                #expect(passage["text"] is String)
            }
        }
        let skipped = try #require(object["skipped"] as? [[String: Any]])
        #expect(skipped.count == 1)
        let reference = try #require(object["reference"] as? [String: Any])
        let sentences = try #require(reference["narrative_sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["number"] as? Int } == Array(1...sentences.count).map { $0 })
    }

    @Test func refusesWhatItCannotHonour() throws {
        let chars = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--shingle", "chars:5"])
        #expect(chars.status == 64)
        #expect(chars.stderr.contains("only word shingles"))
        let language = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--language", "klingon"])
        #expect(language.status == 64)
        #expect(language.stderr.contains("klingon"))
        let french = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--language", "french", "--format", "json"])
        #expect(french.status == 0)
    }

    @Test func topLimitsTheHTMLPage() throws {
        let run = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--format", "html", "--top", "2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "<section id=\"c").count - 1 == 2)
        #expect(run.stdout.contains("Showing the top 2 of 4 candidates"))
        #expect(run.stdout.contains("id=\"r1\""))
        #expect(run.stdout.contains("href=\"#r1\""))
    }

    @Test func passageOffsetsPointAtTheirText() throws {
        let run = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for candidate in try #require(object["candidates"] as? [[String: Any]]) {
            let path = try #require(candidate["path"] as? String)
            let bytes = try [UInt8](Data(contentsOf: CLITests.packageRoot.appendingPathComponent(path)))
            for passage in try #require(candidate["passages"] as? [[String: Any]]) {
                let span = try #require(passage["candidate"] as? [String: Int])
                let text = String(decoding: bytes[span["start"]!..<span["end"]!], as: UTF8.self)
                #expect(text == passage["text"] as? String)
            }
        }
    }

    @Test func badCandidatesAreNamedAndTheRestAnalysed() throws {
        let folder = try Self.temporaryFolder()
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1]).write(to: folder.appendingPathComponent("program.bin"))
        try Data("Caf\u{E9} owner said the council approved the budget.".utf8).write(to: folder.appendingPathComponent("latin1.txt"))
        // A link loop must not make the walk repeat the tree.
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("loop"), withDestinationURL: folder)
        let copy = folder.appendingPathComponent("copy.txt")
        try FileManager.default.copyItem(at: CLITests.packageRoot.appendingPathComponent(Self.reference), to: copy)
        let run = try CLITests.run(["report", "--reference", Self.reference, folder.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("empty.txt"))
        #expect(run.stderr.contains("program.bin"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["id"] as? String }.sorted { ($0 ?? "") < ($1 ?? "") } == ["copy.txt", "latin1.txt"].map { folder.path + "/" + $0 })
        let best = try #require(candidates.first)
        #expect(best["id"] as? String == folder.path + "/copy.txt")
        #expect(best["verdict"] as? String == "wholly-derived")
        #expect((best["score"] as? Double ?? 0) > 0.95)
    }

    @Test func missingPathsExitNonZeroNamingThem() throws {
        let run = try CLITests.run(["report", "--reference", "no-such-reference.txt", "seeds/"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no-such-reference.txt"))
        let candidate = try CLITests.run(["report", "--reference", Self.reference, "no-such-candidate/"])
        #expect(candidate.status != 0)
        #expect(candidate.stderr.contains("no-such-candidate"))
    }

    @Test func htmlIsWrittenAtomicallyAndSelfContained() throws {
        let folder = try Self.temporaryFolder()
        let output = folder.appendingPathComponent("report.html")
        let run = try CLITests.run(["report", "--reference", Self.reference, "seeds/", "--format", "html", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: output, encoding: .utf8)
        #expect(html.contains("class=\"heat\"") && html.contains("class=\"ranking\""))
        // No resource from the network (the SVG namespace URI is a name, not a fetch).
        for fetch in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] {
            #expect(!html.contains(fetch), "\(fetch)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }
}
