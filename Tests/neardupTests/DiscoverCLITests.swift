import Foundation
import Testing

/// `neardup discover`: the one-shot command, its output contract, and its stages run apart
/// (as the Spark job runs them) giving the same links.
@Suite(.serialized) struct DiscoverCLITests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-discover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Invented stories: a wire story, a paper's light rewrite of it (the next day), and another
    /// paper's independent story on an unrelated event.
    static let wire = """
        A cargo ship ran aground off the coast of Pellmouth on Tuesday morning, spilling diesel into the bay.

        The coastguard said the vessel, the Marisol Star, struck a sandbank shortly after six o'clock while heading for the port of Ardrey.

        All fourteen crew members were lifted off by helicopter and taken to hospital as a precaution.

        Environmental officers have placed floating barriers around the wreck to keep the fuel away from the oyster beds near Kettle Point.

        The harbour master, Gwen Talbot, said salvage teams would try to refloat the ship at high tide on Wednesday.
        """
    static let rewrite = """
        A cargo ship ran aground off Pellmouth on Tuesday, spilling diesel into the bay.

        The Marisol Star struck a sandbank shortly after six o'clock while heading for Ardrey, the coastguard said.

        Its fourteen crew members were lifted off by helicopter and taken to hospital as a precaution.

        Environmental officers placed floating barriers around the wreck to keep fuel away from the oyster beds at Kettle Point.

        Salvage teams will try to refloat the ship at high tide on Wednesday, harbour master Gwen Talbot said.
        """
    static let unrelated = """
        The town's summer music festival will return in July after a two-year break, organisers announced on Monday.

        More than forty bands are booked to play on three stages in Riverside Park over the weekend.

        Tickets go on sale next month, with reduced prices for students and pensioners.
        """

    static func line(_ id: String, _ text: String, date: String, outlet: String) -> String {
        let object: [String: String] = ["id": id, "text": text, "date": date, "outlet": outlet]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func write(_ folder: URL) throws -> (sources: String, stories: String) {
        let sources = folder.appendingPathComponent("sources.jsonl"), stories = folder.appendingPathComponent("stories.jsonl")
        try line("wire-1", wire, date: "2024-03-05", outlet: "wire").write(to: sources, atomically: true, encoding: .utf8)
        try (line("paper-1", rewrite, date: "2024-03-06", outlet: "paper") + line("paper-2", unrelated, date: "2024-03-06", outlet: "paper"))
            .write(to: stories, atomically: true, encoding: .utf8)
        return (sources.path, stories.path)
    }

    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    @Test func aRewriteLinksToItsSourceWithTheContractFields() throws {
        let folder = try Self.folder()
        let (sources, stories) = try Self.write(folder)
        let run = try CLITests.run(["discover", "--sources", sources, stories, "--format", "jsonl"])
        #expect(run.status == 0, "\(run.stderr)")
        let links = try Self.objects(run.stdout)
        #expect(links.count == 1, "\(run.stdout)")
        let link = try #require(links.first)
        #expect(link["story"] as? String == "paper-1" && link["source"] as? String == "wire-1")
        #expect(link["verdict"] as? String == "wholly-derived")
        for key in ["score", "coverage", "candidate_weight"] { #expect(link[key] is Double, "\(key)") }
        for key in ["retold_sentences", "source_sentences", "derived_sentences", "story_sentences"] { #expect(link[key] is Int, "\(key)") }
        #expect((link["retold_sentences"] as? Int ?? 0) >= 4)
        let passages = try #require(link["passages"] as? [[String: Any]])
        #expect(!passages.isEmpty)
        // Offsets are UTF-8 byte offsets into each text.
        for p in passages {
            let story = try #require(p["story"] as? [Int]), source = try #require(p["source"] as? [Int])
            #expect(story[0] < story[1] && story[1] <= Self.rewrite.utf8.count)
            #expect(source[0] < source[1] && source[1] <= Self.wire.utf8.count)
        }
        #expect(run.stderr.contains("2 stories, 1 sources"), "\(run.stderr)")
        #expect(run.stderr.contains("1 links (1 wholly, 0 partially derived)"), "\(run.stderr)")
    }

    /// The source is never dated after its rewrite: dated the day after, the wire story is no
    /// source. A date that is not YYYY-MM-DD is named with its file and line.
    @Test func datesOrientLinksAndBadDatesAreNamed() throws {
        let folder = try Self.folder()
        let sources = folder.appendingPathComponent("late.jsonl"), stories = folder.appendingPathComponent("s.jsonl")
        try Self.line("wire-1", Self.wire, date: "2024-03-07", outlet: "wire").write(to: sources, atomically: true, encoding: .utf8)
        try Self.line("paper-1", Self.rewrite, date: "2024-03-06", outlet: "paper").write(to: stories, atomically: true, encoding: .utf8)
        var run = try CLITests.run(["discover", "--sources", sources.path, stories.path])
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stdout)\(run.stderr)")
        try Self.line("paper-1", Self.rewrite, date: "06/03/2024", outlet: "paper").write(to: stories, atomically: true, encoding: .utf8)
        run = try CLITests.run(["discover", "--sources", sources.path, stories.path])
        #expect(run.stderr.contains("s.jsonl:1"), "\(run.stderr)")
        #expect(run.stderr.contains("not YYYY-MM-DD"), "\(run.stderr)")
        #expect(try Self.objects(run.stdout).count == 1, "undated, the story may be linked")
    }

    @Test func allAgainstAllAndTheSameOutletFlag() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("corpus.jsonl")
        try (Self.line("b-paper", Self.rewrite, date: "2024-03-06", outlet: "wire") + Self.line("a-wire", Self.wire, date: "2024-03-05", outlet: "wire"))
            .write(to: corpus, atomically: true, encoding: .utf8)
        var run = try CLITests.run(["discover", corpus.path])
        #expect(run.status == 0 && run.stdout.isEmpty, "same outlet: no link by default")
        run = try CLITests.run(["discover", corpus.path, "--same-outlet"])
        let links = try Self.objects(run.stdout)
        #expect(links.map { "\($0["source"]!)>\($0["story"]!)" } == ["a-wire>b-paper"])
    }

    @Test func htmlListsTheLinksAndEmbedsEachReport() throws {
        let folder = try Self.folder()
        let (sources, stories) = try Self.write(folder)
        let out = folder.appendingPathComponent("links.html")
        let run = try CLITests.run(["discover", "--sources", sources, stories, "--format", "html", "-o", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<code>paper-1</code> ← <code>wire-1</code>"))
        #expect(html.components(separatedBy: "<iframe").count == 2)
        #expect(html.contains("srcdoc=\"&lt;!DOCTYPE html&gt;"))
    }

    /// The stages run apart (sketch, candidates, align) give the one-shot run's links byte for
    /// byte: against sources, all against all, and all against all with the stories split in
    /// two slices searched against the whole archive's sketches (as Spark partitions are).
    @Test func theStagedRunGivesTheOneShotLinks() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("generated.jsonl").path
        var run = try CLITests.run(["generate", "--documents", "120", "--words", "150", "--duplicates", "0.3", "--seed", "7", "-o", corpus])
        #expect(run.status == 0, "\(run.stderr)")
        let (sources, stories) = try Self.write(folder)
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        // Against sources.
        run = try CLITests.run(["discover", "--sources", sources, stories])
        let oneShot = run.stdout
        #expect(!oneShot.isEmpty)
        #expect(try CLITests.run(["discover", "sketch", sources, "-o", path("s.sk")]).status == 0)
        #expect(try CLITests.run(["discover", "sketch", stories, "-o", path("t.sk")]).status == 0)
        #expect(try CLITests.run(["discover", "candidates", "--sources", path("s.sk"), path("t.sk"), "-o", path("c.jsonl")]).status == 0)
        run = try CLITests.run(["discover", "align", "--candidates", path("c.jsonl"), "--sources", sources, stories])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == oneShot)

        // All against all, on a generated corpus with planted copies.
        run = try CLITests.run(["discover", corpus])
        let allAgainstAll = run.stdout
        #expect(try Self.objects(allAgainstAll).count >= 20, "\(run.stderr)")
        #expect(try CLITests.run(["discover", "sketch", corpus, "-o", path("all.sk")]).status == 0)
        #expect(try CLITests.run(["discover", "candidates", path("all.sk"), "-o", path("all-c.jsonl")]).status == 0)
        run = try CLITests.run(["discover", "align", "--candidates", path("all-c.jsonl"), corpus])
        #expect(run.stdout == allAgainstAll)

        // The same in two slices of stories, each against the whole archive's sketches.
        let sketches = try String(contentsOfFile: path("all.sk"), encoding: .utf8).split(separator: "\n")
        try (sketches[..<50].joined(separator: "\n") + "\n").write(toFile: path("part1.sk"), atomically: true, encoding: .utf8)
        try (sketches[50...].joined(separator: "\n") + "\n").write(toFile: path("part2.sk"), atomically: true, encoding: .utf8)
        var sliced = ""
        for part in ["part1", "part2"] {
            run = try CLITests.run(["discover", "candidates", "--sources", path("all.sk"), "--same-archive", path(part + ".sk"), "-o", path(part + ".c")])
            #expect(run.status == 0, "\(run.stderr)")
            run = try CLITests.run(["discover", "align", "--candidates", path(part + ".c"), corpus])
            sliced += run.stdout
        }
        #expect(sliced == allAgainstAll)
    }

    @Test func everyPairListsNonDerivedPairsToo() throws {
        let folder = try Self.folder()
        let (sources, stories) = try Self.write(folder)
        let pairs = folder.appendingPathComponent("pairs.jsonl")
        try (#"{"story":"paper-1","source":"wire-1","weight":1,"shared_terms":3}"# + "\n"
            + #"{"story":"paper-2","source":"wire-1","weight":1,"shared_terms":3}"# + "\n" + "not json\n")
            .write(to: pairs, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["discover", "align", "--candidates", pairs.path, "--sources", sources, stories, "--every-pair"])
        #expect(run.status == 1, "a malformed line is skipped and counted")
        #expect(run.stderr.contains("pairs.jsonl:3"), "\(run.stderr)")
        let verdicts = try Self.objects(run.stdout).map { "\($0["story"]!) \($0["verdict"]!)" }
        #expect(verdicts == ["paper-1 wholly-derived", "paper-2 non-derived"])
    }

    /// A rewrite index (`index create --rewrites`, `index add`) answers `index query` with the
    /// links `discover --sources` gives, and `index add` skips an id already stored.
    @Test func aRewriteIndexAnswersAsDiscoverDoes() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (sources, stories) = try Self.write(folder)
        let more = folder.appendingPathComponent("more.jsonl")
        try Self.line("wire-2", Self.unrelated, date: "2024-03-01", outlet: "wire").write(to: more, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("wire.ndr").path
        var run = try CLITests.run(["index", "create", "--rewrites", index, sources])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLITests.run(["index", "add", index, more.path])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLITests.run(["index", "add", index, more.path])
        #expect(run.status == 1 && run.stderr.contains("already in"), "\(run.stderr)")
        let query = try CLITests.run(["index", "query", index, stories])
        #expect(query.status == 0, "\(query.stderr)")
        // The same sources in one file for discover: paper-2 copies wire-2 (the festival story,
        // published earlier on the wire).
        let all = folder.appendingPathComponent("all.jsonl")
        try (String(contentsOfFile: sources, encoding: .utf8) + String(contentsOf: more, encoding: .utf8)).write(to: all, atomically: true, encoding: .utf8)
        let discover = try CLITests.run(["discover", "--sources", all.path, stories, "--format", "jsonl"])
        #expect(!query.stdout.isEmpty && query.stdout == discover.stdout, "\(query.stdout)\n\(discover.stdout)")
        #expect(try Self.objects(query.stdout).map { $0["source"] as? String } == ["wire-1", "wire-2"])
        #expect(query.stderr.contains("rewrite index of 2 stories: 2 queries, 2 rewritten"), "\(query.stderr)")
        // The near-duplicate index's options do not apply to a rewrite index: refused, not ignored.
        run = try CLITests.run(["index", "query", index, stories, "--threshold", "0.3"])
        #expect(run.status == 64 && run.stderr.contains("is a rewrite index"), "\(run.stderr)")
        run = try CLITests.run(["index", "create", "--rewrites", index, sources, "--threshold", "0.5"])
        #expect(run.status == 64 && run.stderr.contains("--threshold belong to a near-duplicate index"), "\(run.stderr)")
    }
}
