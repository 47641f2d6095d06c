import Foundation
import Testing

/// The conventions every command follows: `-` for standard input wherever a file is read (once
/// per invocation), `-o/--output` wherever one output is written, defaults printed once in
/// help, one rule for missing and numeric ids, JSON without escaped slashes.
@Suite(.serialized) struct ConventionsCLITests {
    static let story = DedupCLITests.story
    static let other = DedupCLITests.other

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A JSONL corpus whose ids exercise the id rule, and its text.
    static let corpusLines = [
        #"{"id": "news/a", "text": "\#(story)"}"#,
        #"{"id": 42, "text": "\#(story) Again."}"#,
        #"{"id": 1.50, "text": "\#(other)"}"#,
        #"{"id": "", "text": "\#(other) Again."}"#,
        #"{"text": "\#(story) Once more."}"#,
        #"{"id": null, "text": "\#(other) Once more."}"#,
    ]
    static var corpus: String { corpusLines.joined(separator: "\n") + "\n" }
    /// The ids the rule gives those lines, read from `name`.
    static func expectedIDs(_ name: String) -> [String] {
        ["news/a", "42", "1.50", "\(name):4", "\(name):5", "\(name):6"]
    }

    static func ids(_ output: String, key: String = "id") throws -> [String] {
        try output.split(separator: "\n").compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?[key] as? String
        }
    }

    @Test func standardInputReadsAsAFileDoesForEveryCommand() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus.write(to: corpus, atomically: true, encoding: .utf8)
        // Commands whose output does not depend on the input's name.
        for command in [["sign"], ["dedup", "--shingle", "words:3", "--threshold", "0.5"]] {
            let fromFile = try CLITests.run(command + ["-q", corpus.path])
            let fromStdin = try CLITests.run(command + ["-q", "-"], stdin: Self.corpus)
            #expect(fromFile.status == 0 && fromStdin.status == 0, "\(command): \(fromStdin.stderr)")
            let named = fromFile.stdout.replacingOccurrences(of: corpus.path + ":", with: "-:")
            #expect(fromStdin.stdout == named, "\(command)")
            #expect(!fromStdin.stdout.isEmpty)
        }
        let sketch = try CLITests.run(["sketch", "-q", "-"], stdin: Self.corpus)
        #expect(try Self.ids(sketch.stdout) == Self.expectedIDs("-"))
        // index create / add / query
        let index = folder.appendingPathComponent("x.ndx").path
        #expect(try CLITests.run(["index", "create", "-q", index, "-"], stdin: Self.corpus).status == 0)
        #expect(try CLITests.run(["index", "add", "-q", index, "-"], stdin: #"{"id": "late", "text": "\#(Self.other)"}"#).status == 0)
        let query = try CLITests.run(["index", "query", "-q", index, "-"], stdin: #"{"id": "q", "text": "\#(Self.story)"}"#)
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains(#""id":"news/a""#))
        // compare: either side
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        try Self.story.write(to: a, atomically: true, encoding: .utf8)
        try (Self.story + " Again.").write(to: b, atomically: true, encoding: .utf8)
        let files = try CLITests.run(["compare", a.path, b.path, "--json"])
        let piped = try CLITests.run(["compare", "-", b.path, "--json"], stdin: Self.story)
        #expect(piped.status == 0, "\(piped.stderr)")
        let jaccard = { (run: CLITests.Run) in
            (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["jaccard"] as? Double
        }
        #expect(try jaccard(piped) != nil && jaccard(piped) == jaccard(files))
        // report: the reference or a candidate
        let reference = try CLITests.run(["report", "--reference", "-", b.path, "--format", "json"], stdin: Self.story)
        #expect(reference.status == 0, "\(reference.stderr)")
        let candidate = try CLITests.run(["report", "--reference", b.path, "-", "--format", "json"], stdin: Self.story)
        #expect(candidate.status == 0, "\(candidate.stderr)")
        #expect(candidate.stdout.contains("<stdin>"))
    }

    @Test func standardInputIsReadAtMostOnce() throws {
        for arguments in [
            ["compare", "-", "-"], ["report", "--reference", "-", "-"], ["dedup", "-", "-"], ["sign", "-", "-"],
            ["index", "query", "x.ndx", "-", "-"],
        ] {
            let run = try CLITests.run(arguments, stdin: Self.corpus)
            #expect(run.status == 64, "\(arguments): \(run.status)")
            #expect(run.stderr.contains("standard input (-) can be read only once"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        let report = try CLITests.run(["report", "--reference", "-", "-"])
        #expect(report.stderr.contains("--reference and a candidate"))
    }

    /// A folder with the corpus, two text files (a story and a near copy) and an index of the corpus.
    static func fixture() throws -> (folder: URL, corpus: URL, a: URL, b: URL, index: String) {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus.write(to: corpus, atomically: true, encoding: .utf8)
        let a = folder.appendingPathComponent("a.txt"), b = folder.appendingPathComponent("b.txt")
        try Self.story.write(to: a, atomically: true, encoding: .utf8)
        try (Self.story + " Again.").write(to: b, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("x.ndx").path
        #expect(try CLITests.run(["index", "create", "-q", index, corpus.path]).status == 0)
        return (folder, corpus, a, b, index)
    }

    @Test func dashOutputOptionWritesTheFileEverywhere() throws {
        let (folder, corpus, a, b, index) = try Self.fixture()
        let commands: [[String]] = [
            ["sign", "-q", corpus.path], ["sketch", "-q", corpus.path], ["index", "query", "-q", index, corpus.path],
            ["compare", a.path, b.path], ["report", "--reference", a.path, b.path], ["generate", "-q", "--documents", "3"],
        ]
        for (number, command) in commands.enumerated() {
            let output = folder.appendingPathComponent("out-\(number)")
            let toStdout = try CLITests.run(command)
            let run = try CLITests.run(command + ["-o", output.path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(command)")
            let written = try String(contentsOf: output, encoding: .utf8)
            #expect(!written.isEmpty && written == toStdout.stdout, "\(command)")
        }
    }

    @Test func helpPrintsEachDefaultOnce() throws {
        for command in [
            ["dedup"], ["sign"], ["sketch"], ["generate"], ["compare"], ["report"], ["index", "create"], ["index", "add"],
            ["index", "query"],
        ] {
            let help = try CLITests.run(command + ["--help"]).stdout
            // One entry per option (ArgumentParser adds "(default: …)" for a non-optional value): a line starting "  -" and its indented continuation lines.
            var entries: [String] = []
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("  -") || line.hasPrefix("  <") {
                    entries.append(String(line))
                } else if line.hasPrefix("      "), !entries.isEmpty {
                    entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                }
            }
            #expect(!entries.isEmpty, "\(command)")
            for entry in entries {
                #expect(entry.components(separatedBy: "(default:").count <= 2, "\(command): \(entry)")
            }
        }
    }

    @Test func idRuleIsTheSameForSignSketchDedupAndIndex() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("c.jsonl")
        try Self.corpus.write(to: corpus, atomically: true, encoding: .utf8)
        let expected = Self.expectedIDs(corpus.path)
        let sign = try CLITests.run(["sign", "-q", corpus.path])
        #expect(try Self.ids(sign.stdout) == expected)
        let sketch = try CLITests.run(["sketch", "-q", corpus.path])
        #expect(try Self.ids(sketch.stdout) == expected)
        // dedup --keep passes records through; its clusters name documents by id.
        let clusters = try CLITests.run(["dedup", "-q", corpus.path, "--threshold", "0.5", "--shingle", "words:3", "--clusters", "-"])
        let members = try clusters.stdout.split(separator: "\n").flatMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["members"] as? [String] ?? []
        }
        #expect(Set(members) == Set(expected), "\(clusters.stderr)")
        // index query answers with the indexed ids.
        let index = folder.appendingPathComponent("x.ndx").path
        #expect(try CLITests.run(["index", "create", "-q", index, corpus.path, "--threshold", "0.5"]).status == 0)
        let query = try CLITests.run(["index", "query", "-q", index, corpus.path, "--threshold", "0.5"])
        #expect(try Self.ids(query.stdout) == expected)
        let matched = try query.stdout.split(separator: "\n").flatMap {
            ((try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["matches"] as? [[String: Any]] ?? [])
                .compactMap { $0["id"] as? String }
        }
        #expect(Set(matched) == Set(expected))
        // Signature records follow the same rule: a numeric or missing id in a signature file.
        let lines = sign.stdout.split(separator: "\n").map(String.init)
        let edited = [
            lines[0].replacingOccurrences(of: #"{"id":"news\/a","#, with: #"{"id":7,"#)
                .replacingOccurrences(of: #"{"id":"news/a","#, with: #"{"id":7,"#),
            lines[1].replacingOccurrences(of: #"{"id":"42","#, with: "{"),
        ]
        let signatures = folder.appendingPathComponent("s.jsonl")
        try (edited.joined(separator: "\n") + "\n").write(to: signatures, atomically: true, encoding: .utf8)
        let fromSignatures = try CLITests.run(["dedup", "-q", "--signatures", signatures.path, "--threshold", "0.5", "--clusters", "-"])
        #expect(fromSignatures.status == 0, "\(fromSignatures.stderr)")
        #expect(fromSignatures.stdout.contains(#""7""#) && fromSignatures.stdout.contains(#""\#(signatures.path):2""#), "\(fromSignatures.stdout)")
    }

    @Test func jsonOutputsDoNotEscapeSlashes() throws {
        let (_, corpus, a, b, index) = try Self.fixture()
        for command in [
            ["sign", corpus.path], ["sketch", corpus.path], ["dedup", corpus.path, "--threshold", "0.5", "--shingle", "words:3"],
            ["dedup", corpus.path, "--threshold", "0.5", "--shingle", "words:3", "--clusters", "-"],
            ["index", "query", index, corpus.path], ["compare", a.path, b.path, "--json"],
            ["report", "--reference", a.path, b.path, "--format", "json"],
        ] {
            let run = try CLITests.run(command + ["-q"].filter { _ in !["compare", "report"].contains(command[0]) })
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stdout.contains("/"), "\(command): the test needs a slash in the output")
            #expect(!run.stdout.contains("\\/"), "\(command)")
        }
    }
}

extension ConventionsCLITests {
    /// Ids are written as JSON strings however they are spelt: quotes, backslashes, control
    /// characters and non-ASCII text (the plain-id fast path of the match listing must not skip
    /// an escape).
    @Test func idsThatNeedEscapesAreWrittenAsValidJSON() throws {
        let folder = try Self.folder()
        // The ids as JSON source, and the strings they stand for.
        let source = [#"say \"hi\""#, #"back\\slash"#, #"tab\there"#, #"caf\u00e9/ünï"#]
        let expected = ["say \"hi\"", "back\\slash", "tab\there", "café/ünï"]
        let corpus = source.map { #"{"id": "\#($0)", "text": "\#(Self.story)"}"# }.joined(separator: "\n") + "\n"
        let file = folder.appendingPathComponent("c.jsonl")
        let clusters = folder.appendingPathComponent("clusters.jsonl")
        try corpus.write(to: file, atomically: true, encoding: .utf8)
        let dedup = try CLITests.run(["dedup", "-q", "--clusters", clusters.path, file.path])
        #expect(dedup.status == 0, "\(dedup.stderr)")
        let cluster = try JSONSerialization.jsonObject(with: Data(contentsOf: clusters)) as? [String: Any]
        #expect((cluster?["members"] as? [String]) == expected)
        let index = folder.appendingPathComponent("x.ndx").path
        #expect(try CLITests.run(["index", "create", "-q", index, file.path]).status == 0)
        let query = try CLITests.run(["index", "query", "-q", index, "-"], stdin: #"{"id": "q", "text": "\#(Self.story)"}"#)
        #expect(query.status == 0, "\(query.stderr)")
        let line = try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [String: Any]
        let matched = (line?["matches"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(Set(matched ?? []) == Set(expected), "\(query.stdout)")
    }
}
