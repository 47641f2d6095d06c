import Foundation
import NearDup
import Testing

/// `neardup generate --rewrites`: planted rewrites with dates and outlets, their truth lines, and
/// the scorer of discover's links against them (scripts/discover-recall.py).
@Suite(.serialized) struct GenerateRewritesCLITests {
    @Test func rewritesAreInTheTruthWithTheirExactJaccard() throws {
        let folder = try ConventionsCLITests.folder()
        let corpus = folder.appendingPathComponent("c.jsonl"), truth = folder.appendingPathComponent("t.jsonl")
        let run = try CLITests.run([
            "generate", "-q", "--documents", "300", "--words", "150", "--seed", "4", "--duplicates", "0.1",
            "--rewrites", "0.3", "--first-date", "2023-12-30", "--days", "5", "--outlets", "3",
            "-o", corpus.path, "--truth", truth.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        var records: [String: [String: Any]] = [:]
        for record in try DedupCLITests.jsonLines(corpus) { records[record["id"] as! String] = record }
        #expect(records.count == 300)
        let lines = try DedupCLITests.jsonLines(truth), jaccards = try GenerateTruthCLITests.jaccards(truth)
        let rewrites = zip(lines, jaccards).filter { $0.0["story"] != nil }
        #expect(rewrites.count > 50 && rewrites.count < lines.count)
        for (line, jaccard) in rewrites {
            let story = try #require(records[line["story"] as! String]), source = try #require(records[line["source"] as! String])
            #expect((source["date"] as! String) <= (story["date"] as! String))
            #expect(source["outlet"] as! String != story["outlet"] as! String)
            let exact = ShingleSet(text: source["text"] as! String).jaccard(ShingleSet(text: story["text"] as! String))
            #expect(jaccard == exact)
            #expect(["wholly-derived", "partially-derived"].contains(line["derivation"] as! String))
        }
        let dates = Set(records.values.map { $0["date"] as! String })
        #expect(dates == ["2023-12-30", "2023-12-31", "2024-01-01", "2024-01-02", "2024-01-03"])
    }

    @Test func contradictoryOptionsAreRefused() throws {
        for (options, message) in [
            (["--duplicates", "0.6", "--rewrites", "0.5"], "must add up to at most 1"),
            (["--rewrites", "0.1", "--rewrite-kinds", "retold,paraphrased"], "unknown kind 'paraphrased'"),
            (["--first-date", "2023-02-29"], "--first-date must be a date"),
        ] {
            let run = try CLITests.run(["generate", "-q", "--documents", "10"] + options)
            #expect(run.status == 64)
            #expect(run.stderr.contains(message), "\(run.stderr)")
        }
    }

    @Test func scorerCountsDirectedLinksToAncestors() throws {
        let folder = try ConventionsCLITests.folder()
        let truth = folder.appendingPathComponent("t.jsonl"), links = folder.appendingPathComponent("l.jsonl")
        // b and c retell a; d retells b; e is a near-copy of a.
        try """
            {"source":"a","story":"b","kind":"reworded","derivation":"wholly-derived"}
            {"source":"a","story":"c","kind":"retold","derivation":"partially-derived"}
            {"source":"b","story":"d","kind":"condensed","derivation":"wholly-derived"}
            {"source":"a","duplicate":"e","kind":"truncation"}

            """.write(to: truth, atomically: true, encoding: .utf8)
        // Found: b<-a, d<-b; d<-a is right (an ancestor); c<-b shares an ancestor; a<-c is
        // reversed; x<-y is unrelated; the non-derived line is not a link.
        try """
            {"story":"b","source":"a","verdict":"wholly-derived"}
            {"story":"d","source":"b","verdict":"wholly-derived"}
            {"story":"d","source":"a","verdict":"partially-derived"}
            {"story":"c","source":"b","verdict":"partially-derived"}
            {"story":"a","source":"c","verdict":"partially-derived"}
            {"story":"x","source":"y","verdict":"partially-derived"}
            {"story":"c","source":"a","verdict":"non-derived"}

            """.write(to: links, atomically: true, encoding: .utf8)
        let figures = try Self.score(truth, links)
        #expect(figures["recall"] as? Double == 2.0 / 3.0)
        #expect(figures["precision"] as? Double == 3.0 / 6.0)
        #expect(figures["wrong_reversed"] as? Int == 1 && figures["wrong_common_ancestor"] as? Int == 1)
        #expect(figures["wrong_unrelated"] as? Int == 1 && figures["non_derived_lines"] as? Int == 1)
        #expect(figures["duplicates_found"] as? Int == 0 && figures["planted_duplicates"] as? Int == 1)
        // Against sources a and b: only rewrites of a or b by c, d or e count (b<-a does not).
        let sources = folder.appendingPathComponent("s.jsonl")
        try "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n".write(to: sources, atomically: true, encoding: .utf8)
        let apart = try Self.score(truth, links, ["--sources", sources.path])
        #expect(apart["planted_rewrites"] as? Int == 2 && apart["recall"] as? Double == 0.5)  // d<-b found, c<-a not
    }

    /// The figures of scripts/discover-recall.py --json.
    static func score(_ truth: URL, _ links: URL, _ extra: [String] = []) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLITests.packageRoot.appendingPathComponent("scripts/discover-recall.py").path, truth.path, links.path, "--json"] + extra
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
