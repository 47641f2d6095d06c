import Foundation
import Testing

/// Every JSON-lines output with a schema in `schemas/` is validated against it, line by line, as
/// the commands write it (python3's jsonschema, through scripts/validate-json-lines.py; installed
/// by scripts/install-deps.sh).
@Suite(.serialized) struct SchemaCLITests {
    /// Runs the validator on `files` against `schema` (each file one JSON document when
    /// `document`, else JSON lines); its exit status and output.
    static func validate(_ schema: String, _ files: [URL], document: Bool = false) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/validate-json-lines.py"] + (document ? ["--document"] : [])
            + ["schemas/\(schema).schema.json"] + files.map(\.path)
        process.currentDirectoryURL = CLITests.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The validator writes little (a summary, and a line per problem): read both after exit.
        process.waitUntilExit()
        return CLITests.Run(
            status: process.terminationStatus,
            stdout: String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    /// Runs neardup with `arguments`, expecting `status`.
    static func neardup(_ arguments: [String], status: Int32 = 0) throws {
        let run = try CLITests.run(arguments)
        #expect(run.status == status, "neardup \(arguments.joined(separator: " ")): \(run.stderr)")
    }

    @Test func realOutputsMatchTheirSchemas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let corpus = file("corpus.jsonl").path
        try Self.neardup(["generate", "--documents", "400", "--seed", "7", "--output", corpus, "-q"])
        try Self.neardup(["dedup", corpus, "--pairs", file("pairs.jsonl").path, "--clusters", file("clusters.jsonl").path, "-q"])
        // Large clusters listed member by member ("group"), and pairs verified by estimate only.
        try Self.neardup(["dedup", corpus, "--pairwise-limit", "2", "--verify", "estimate", "--pairs", file("groups.jsonl").path, "-q"])
        try Self.neardup(["index", "create", file("corpus.ndx").path, corpus, "-q"])
        try Self.neardup(["index", "query", file("corpus.ndx").path, corpus, "--output", file("query.jsonl").path, "-q"])
        try Self.neardup(["sign", corpus, "--output", file("sign.jsonl").path, "-q"])
        // A malformed line gives a problem record among the sketches (exit 1: an input skipped).
        try Data("{\"id\":\"x\",\"text\":\"one two three four five six\"}\nnot json\n".utf8).write(to: file("bad.jsonl"))
        let sketches = try CLITests.run(["sketch", corpus, file("bad.jsonl").path, "-q"])
        #expect(sketches.status == 1)
        try Data(sketches.stdout.utf8).write(to: file("sketch.jsonl"))
        let pages = try FileManager.default.contentsOfDirectory(
            atPath: CLITests.packageRoot.appendingPathComponent("Tests/NearDupTests/Fixtures/web").path
        ).sorted().map { "Tests/NearDupTests/Fixtures/web/" + $0 }
        let extracted = try CLITests.run(["extract", "--json"] + pages + ["seeds/000_ae173d8b20e40bc0.txt"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        try Data(extracted.stdout.utf8).write(to: file("extract.jsonl"))
        // Links: the seeds against The Hill's piece (002 is a derived link with passages).
        let seeds = try FileManager.default.contentsOfDirectory(atPath: CLITests.seeds.path).sorted().map { "seeds/" + $0 }
        let links = try CLITests.run(["discover", "--sources", seeds[0]] + seeds.dropFirst() + ["-o", file("links.jsonl").path])
        #expect(links.status == 0, "\(links.stderr)")
        // compare: one JSON line a run (two unlike files, and a file with itself).
        let compared = try [seeds[0], seeds[2]].map { try CLITests.run(["compare", seeds[0], $0, "--format", "json"]) }
        #expect(compared.allSatisfy { $0.status == 0 }, "\(compared.map(\.stderr))")
        try Data(compared.map(\.stdout).joined().utf8).write(to: file("compare.jsonl"))
        // The report: on the seeds, and on the saved pages (their metadata) against The Hill's piece.
        try Self.neardup(["report", "--reference", seeds[0]] + seeds.dropFirst() + ["--format", "json", "-o", file("report.json").path])
        try Self.neardup(["report", "--reference", seeds[0], "Tests/NearDupTests/Fixtures/web/", "--format", "json", "-o", file("pages.json").path])

        let outputs: [(schema: String, files: [String], kinds: [String])] = [
            ("dedup-pair", ["pairs.jsonl", "groups.jsonl"], ["\"jaccard\"", "\"group\""]),
            ("dedup-cluster", ["clusters.jsonl"], ["\"members\""]),
            ("index-query", ["query.jsonl"], ["\"jaccard\""]),
            ("sign-record", ["sign.jsonl"], ["\"hashvalues\""]),
            ("sketch", ["sketch.jsonl"], ["\"fingerprints\"", "\"skipped\""]),
            ("extract", ["extract.jsonl"], ["\"outlet\""]),
            ("compare", ["compare.jsonl"], ["\"estimated_containment\""]),
            ("discover-link", ["links.jsonl"], ["\"paraphrase\""]),
            ("report", ["report.json", "pages.json"], ["\"paraphrase\"", "\"metadata\"", "\"narrative_sentences\""]),
        ]
        for output in outputs {
            let files = output.files.map(file)
            let text = try files.map { try String(contentsOf: $0, encoding: .utf8) }.joined()
            // The outputs hold what the schema has to describe, not an empty file.
            for kind in output.kinds { #expect(text.contains(kind), "\(output.files) has no \(kind) line") }
            let run = try Self.validate(output.schema, files, document: output.schema == "report")
            #expect(run.status == 0, "\(output.schema): \(run.stdout)\(run.stderr)")
        }
    }

    /// The schemas do reject: a line of the layout before versions began (no "format"), and a
    /// pair with a similarity above 1.
    @Test func schemasRejectWhatTheyDoNotDescribe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = folder.appendingPathComponent("bad.jsonl")
        try Data("""
            {"a":"x","b":"y","estimate":0.9}
            {"format":1,"a":"x","b":"y","estimate":1.5}

            """.utf8).write(to: lines)
        let run = try Self.validate("dedup-pair", [lines])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.jsonl:1:") && run.stderr.contains("bad.jsonl:2:"), "\(run.stderr)")
    }
}
