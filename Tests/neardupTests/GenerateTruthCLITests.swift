import Foundation
import NearDup
import Testing

/// `neardup generate --truth` carries each planted pair's exact Jaccard, and recall measured
/// with it (scripts/recall.py).
@Suite(.serialized) struct GenerateTruthCLITests {
    static func generate(_ extra: [String] = []) throws -> (corpus: [String: String], truth: [[String: Any]], jaccards: [Double]) {
        let folder = try ConventionsCLITests.folder()
        let corpus = folder.appendingPathComponent("c.jsonl"), truth = folder.appendingPathComponent("t.jsonl")
        let run = try CLITests.run(
            ["generate", "-q", "--documents", "300", "--words", "120", "--seed", "5", "-o", corpus.path, "--truth", truth.path] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        var texts: [String: String] = [:]
        for record in try DedupCLITests.jsonLines(corpus) { texts[record["id"] as! String] = record["text"] as? String }
        return (texts, try DedupCLITests.jsonLines(truth), try jaccards(truth))
    }

    /// The "jaccard" of each truth line as written (Foundation's JSONSerialization on Linux
    /// can be off in the last digit; Double(String) reads the shortest form back exactly).
    static func jaccards(_ url: URL) throws -> [Double] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let start = try #require(line.range(of: #""jaccard":"#)).upperBound
            let end = line[start...].firstIndex { $0 == "," || $0 == "}" }!
            return try #require(Double(String(line[start..<end])))
        }
    }

    @Test(arguments: [nil, "chars:7"])
    func truthJaccardIsTheLibrarysExactJaccard(_ shingle: String?) throws {
        let (corpus, truth, jaccards) = try Self.generate(shingle.map { ["--shingle", $0] } ?? [])
        #expect(truth.count > 30)
        let shingling = Shingling(shingle ?? "words:5")!
        var below = 0
        for (pair, jaccard) in zip(truth, jaccards) {
            let a = try #require(corpus[pair["source"] as! String]), b = try #require(corpus[pair["duplicate"] as! String])
            let exact = ShingleSet(text: a, shingling: shingling).jaccard(ShingleSet(text: b, shingling: shingling))
            #expect(jaccard == exact, "\(pair)")
            #expect(pair["shingling"] as? String == shingling.description)
            #expect(pair["kind"] is String, "the earlier fields stay")
            if exact < 0.8 { below += 1 }
        }
        // Truncations and heavy edits take some planted pairs below 0.8: why the field exists.
        #expect(below > 0 && below < truth.count)
    }

    @Test func recallScriptCountsOnlyPairsAtOrAboveTheThreshold() throws {
        let folder = try ConventionsCLITests.folder()
        let truth = folder.appendingPathComponent("t.jsonl"), pairs = folder.appendingPathComponent("p.jsonl")
        try """
            {"source":"a","duplicate":"b","kind":"truncation","jaccard":0.9}
            {"source":"c","duplicate":"d","kind":"truncation","jaccard":0.8}
            {"source":"e","duplicate":"f","kind":"truncation","jaccard":0.79}
            {"source":"g","duplicate":"h","kind":"truncation","jaccard":0.95}
            {"source":"i","duplicate":"j","kind":"truncation","jaccard":0.95}

            """.write(to: truth, atomically: true, encoding: .utf8)
        // b–a reversed, e–f (below the threshold, not counted), g and h in one large group.
        try """
            {"a":"b","b":"a","estimate":0.9,"jaccard":0.9}
            {"a":"e","b":"f","estimate":0.8,"jaccard":0.79}
            {"a":"x","b":"g","estimate":0.9,"group":120}
            {"a":"x","b":"h","estimate":0.9,"group":120}

            """.write(to: pairs, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLITests.packageRoot.appendingPathComponent("scripts/recall.py").path, truth.path, pairs.path, "--threshold", "0.8", "--missed"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.hasPrefix("recall 0.5000: 2 of 4 planted pairs with jaccard >= 0.8 found (5 planted in all)"), "\(text)")
        #expect(text.contains("missed c d") && text.contains("missed i j") && !text.contains("missed e f"))
    }

    @Test func dedupFindsThePlantedPairsAboveTheThreshold() throws {
        let folder = try ConventionsCLITests.folder()
        let corpus = folder.appendingPathComponent("c.jsonl"), truth = folder.appendingPathComponent("t.jsonl")
        #expect(try CLITests.run(["generate", "-q", "--documents", "400", "--words", "150", "--seed", "9", "-o", corpus.path, "--truth", truth.path]).status == 0)
        let dedup = try CLITests.run(["dedup", "-q", corpus.path, "--threshold", "0.8"])
        let found = Set(try dedup.stdout.split(separator: "\n").map { line -> [String] in
            let pair = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return [pair["a"] as! String, pair["b"] as! String].sorted()
        })
        let counted = zip(try DedupCLITests.jsonLines(truth), try Self.jaccards(truth)).filter { $0.1 >= 0.8 }.map(\.0)
        let hits = counted.filter { found.contains([$0["source"] as! String, $0["duplicate"] as! String].sorted()) }
        // dedup's bands catch a pair at J = 0.8 with probability ≥ 0.995 and verify exactly;
        // with this fixed seed every counted pair is found.
        #expect(!counted.isEmpty && hits.count == counted.count, "\(hits.count) of \(counted.count)")
    }
}

extension GenerateTruthCLITests {
    /// The corpus and the truth file in one place would mix or replace each other: refused
    /// before anything is written, as dedup refuses two outputs on one path.
    @Test func corpusAndTruthMustBeDifferentFiles() throws {
        let folder = try ConventionsCLITests.folder()
        let file = folder.appendingPathComponent("both.jsonl")
        try "kept\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["generate", "-q", "--documents", "10", "-o", file.path, "--truth", file.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--output \(file.path) and --truth \(file.path) are one file"), "\(run.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
        let piped = try CLITests.run(["generate", "-q", "--documents", "10", "--truth", "-"])
        #expect(piped.status == 64)
    }
}
