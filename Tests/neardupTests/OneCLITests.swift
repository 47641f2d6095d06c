import Foundation
import Testing

/// One command line (issue 19, must-have 3): `-q`, `-o` and `--format` on every command that
/// prints results, `--json` the alias of `--format json`, fixed choices refused by the parser
/// with the choices named, and the exit statuses in every command's help.
@Suite(.serialized) struct OneCLITests {
    static let reference = CLITests.seeds.appendingPathComponent("000_ae173d8b20e40bc0.txt").path
    static let candidate = CLITests.seeds.appendingPathComponent("002_b0680b2d050e38bf.txt").path

    /// A folder with a small JSONL corpus (`c.jsonl`), its sketches (`s.jsonl`), their
    /// candidates (`cand.jsonl`) and an index (`i.ndx`), for the commands that read them.
    static func workspace() throws -> URL {
        let folder = try ConventionsCLITests.folder()
        let corpus = folder.appendingPathComponent("c.jsonl").path
        let steps: [[String]] = [
            ["generate", "-q", "--documents", "40", "--words", "80", "--rewrites", "0.3", "-o", corpus],
            ["discover", "sketch", "-q", corpus, "-o", folder.appendingPathComponent("s.jsonl").path],
            ["discover", "candidates", "-q", folder.appendingPathComponent("s.jsonl").path, "-o", folder.appendingPathComponent("cand.jsonl").path],
            ["index", "create", "-q", folder.appendingPathComponent("i.ndx").path, corpus],
        ]
        for step in steps {
            let run = try CLITests.run(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        return folder
    }

    /// Each command that prints results, with the arguments of a small run and its formats.
    static func commands(in folder: URL) -> [(arguments: [String], formats: [String])] {
        let corpus = folder.appendingPathComponent("c.jsonl").path
        return [
            (["report", "--reference", reference, candidate], ["text", "json", "html"]),
            (["compare", reference, candidate], ["text", "json"]),
            (["extract", candidate], ["text", "json"]),
            (["sign", corpus], ["jsonl"]),
            (["sketch", corpus], ["jsonl"]),
            (["dedup", corpus], ["jsonl"]),
            (["generate", "--documents", "5", "--words", "40"], ["jsonl"]),
            (["index", "query", folder.appendingPathComponent("i.ndx").path, corpus], ["jsonl"]),
            (["discover", corpus], ["jsonl", "html"]),
            (["discover", "sketch", corpus], ["jsonl"]),
            (["discover", "candidates", folder.appendingPathComponent("s.jsonl").path], ["jsonl"]),
            (["discover", "align", "--candidates", folder.appendingPathComponent("cand.jsonl").path, corpus], ["jsonl"]),
        ]
    }

    @Test func everyCommandTakesFormatOutputAndQuiet() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, formats) in Self.commands(in: folder) {
            for format in formats {
                let toStandardOutput = try CLITests.run(arguments + ["--format", format, "-q"])
                #expect(toStandardOutput.status == 0, "\(arguments) --format \(format): \(toStandardOutput.stderr)")
                #expect(!toStandardOutput.stdout.isEmpty, "\(arguments) --format \(format) printed nothing")
                // -q leaves standard error empty: no progress, summary or note (these runs warn of nothing).
                #expect(toStandardOutput.stderr.isEmpty, "\(arguments) -q: \(toStandardOutput.stderr)")
                let file = folder.appendingPathComponent("out-\(UUID().uuidString)")
                let toFile = try CLITests.run(arguments + ["--format", format, "-q", "-o", file.path])
                #expect(toFile.status == 0, "\(arguments) -o: \(toFile.stderr)")
                #expect(toFile.stdout.isEmpty, "\(arguments) -o also printed: \(toFile.stdout.prefix(200))")
                // The file holds what standard output held (every one of these runs is
                // deterministic, and neither is a terminal).
                let written = try String(contentsOf: file, encoding: .utf8)
                #expect(written == toStandardOutput.stdout, "\(arguments) --format \(format) -o wrote other than standard output")
                if (format == "jsonl" || format == "json" && arguments[0] != "report") && Self.hasFormatKey(arguments) {
                    for line in written.split(separator: "\n") {
                        #expect(line.hasPrefix(#"{"format":1,"#), "\(arguments): \(line.prefix(80))")
                    }
                }
            }
        }
    }

    /// Whether the command's JSON lines open with `{"format":1,` (the report's one pretty-printed
    /// document has it among its sorted keys; not `sign`, whose records keep
    /// the input's fields with the version inside "signature"; not `generate`'s corpus; not
    /// the discover stages' intermediate sketches and candidates).
    static func hasFormatKey(_ arguments: [String]) -> Bool {
        !["sign", "generate"].contains(arguments[0]) && !(arguments[0] == "discover" && ["sketch", "candidates"].contains(arguments[1]))
    }

    @Test func anUnknownFormatIsRefusedNamingTheChoices() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (arguments, formats) in Self.commands(in: folder) {
            let run = try CLITests.run(arguments + ["--format", "xml"])
            #expect(run.status == 64, "\(arguments) --format xml: \(run.status)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("The value 'xml' is invalid for '--format"), "\(run.stderr)")
            for format in formats { #expect(run.stderr.contains("'\(format)'"), "\(arguments): \(run.stderr)") }
        }
    }

    @Test func fixedChoicesAreRefusedByTheParser() throws {
        let compare = try CLITests.run(["compare", Self.reference, Self.candidate, "--scheme", "minhash"])
        #expect(compare.status == 64)
        #expect(compare.stderr.contains("'one-permutation'") && compare.stderr.contains("'classic'"), "\(compare.stderr)")
        let sketch = try CLITests.run(["sketch", Self.reference, "--verify", "maybe"])
        #expect(sketch.status == 64)
        #expect(sketch.stderr.contains("'exact'") && sketch.stderr.contains("'estimate'"), "\(sketch.stderr)")
        let shingle = try CLITests.run(["sign", Self.reference, "--shingle", "words:0"])
        #expect(shingle.status == 64)
        #expect(shingle.stderr.contains("words:N or chars:N"), "\(shingle.stderr)")
        let links = try CLITests.run(["discover", Self.reference, "--links", "some"])
        #expect(links.status == 64)
        #expect(links.stderr.contains("'best'") && links.stderr.contains("'all-derived'"), "\(links.stderr)")
    }

    /// Options read into a type by a transform (the parser prints no default for them) state their
    /// default in their help, and an empty list of kinds is refused like an unknown kind.
    @Test func typedOptionsShowTheirDefaults() throws {
        let expected: [(command: [String], texts: [String])] = [
            (["dedup"], ["(default: words:5)", "(values: one-permutation, classic; default: one-permutation)"]),
            (["report"], ["(default: words:5)", "(default: english)"]),
            (["generate"], ["(default: word-edits,sentence-reorder,truncation,boilerplate)", "(default: reordered,reworded,condensed,rewritten,retold)"]),
        ]
        for (command, texts) in expected {
            let help = try CLITests.run(["help"] + command).stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for text in texts { #expect(help.contains(text), "\(command) help lacks \(text)") }
        }
        let empty = try CLITests.run(["generate", "--documents", "3", "--kinds", ","])
        #expect(empty.status == 64)
        #expect(empty.stderr.contains("name at least one of word-edits"), "\(empty.stderr)")
    }

    @Test func jsonIsTheFormatJSONAlias() throws {
        let runs: [[String]] = [
            ["report", "--reference", Self.reference, Self.candidate],
            ["compare", Self.reference, Self.candidate],
            ["extract", Self.candidate],
        ]
        for arguments in runs {
            let alias = try CLITests.run(arguments + ["--json"])
            let format = try CLITests.run(arguments + ["--format", "json"])
            #expect(alias.status == 0 && format.status == 0, "\(arguments): \(alias.stderr) \(format.stderr)")
            #expect(!alias.stdout.isEmpty && alias.stdout == format.stdout, "\(arguments): --json differs from --format json")
            #expect(try JSONSerialization.jsonObject(with: Data(alias.stdout.split(separator: "\n").joined().utf8)) is [String: Any])
            let both = try CLITests.run(arguments + ["--json", "--format", "json"])
            #expect(both.status == 0 && both.stdout == format.stdout)
            let contradiction = try CLITests.run(arguments + ["--json", "--format", "text"])
            #expect(contradiction.status == 64)
            #expect(contradiction.stderr.contains("--json means --format json"), "\(contradiction.stderr)")
        }
    }

    @Test func reportQuietLeavesOutTheNoteNotTheWarnings() throws {
        let folder = try ConventionsCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("r.json").path
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let arguments = ["report", "--reference", Self.reference, Self.candidate, empty.path, "--format", "json", "-o", out]
        let loud = try CLITests.run(arguments)
        #expect(loud.status == 0, "\(loud.stderr)")
        #expect(loud.stderr.contains("wrote json report to \(out)"))
        #expect(loud.stderr.contains("empty.txt"))
        let quiet = try CLITests.run(arguments + ["-q"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(!quiet.stderr.contains("wrote"), "\(quiet.stderr)")
        #expect(quiet.stderr.contains("empty.txt"), "-q must keep the warning naming the skipped candidate: \(quiet.stderr)")
        let long = try CLITests.run(arguments + ["--quiet"])
        #expect(long.status == 0 && long.stderr == quiet.stderr)
    }

    @Test func dedupOutputIsPairs() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("c.jsonl").path
        var written: [String] = []
        for option in ["-o", "--output", "--pairs"] {
            let file = folder.appendingPathComponent("pairs\(option).jsonl")
            let run = try CLITests.run(["dedup", "-q", corpus, "--threshold", "0.5", option, file.path])
            #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
            written.append(try String(contentsOf: file, encoding: .utf8))
        }
        #expect(!written[0].isEmpty && Set(written).count == 1)
    }

    @Test func extractOutputFollowsTheOutputRule() throws {
        let folder = try ConventionsCLITests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("p.txt")
        try "A headline\n\nA body of a few words.\n".write(to: page, atomically: true, encoding: .utf8)
        let refused = try CLITests.run(["extract", page.path, "-o", page.path])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is also an input"), "\(refused.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8) == "A headline\n\nA body of a few words.\n")
        let kept = folder.appendingPathComponent("kept.txt")
        try "held\n".write(to: kept, atomically: true, encoding: .utf8)
        let missing = try CLITests.run(["extract", folder.appendingPathComponent("none.txt").path, "-o", kept.path])
        #expect(missing.status == 2, "\(missing.stderr)")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "held\n", "a failed run replaced its output")
    }

    /// Every command and subcommand lists its exit statuses in its help.
    @Test func everyHelpListsTheExitStatuses() throws {
        let commands: [[String]] = [
            ["report"], ["compare"], ["sign"], ["sketch"], ["generate"], ["dedup"], ["extract"],
            ["discover"], ["discover", "run"], ["discover", "sketch"], ["discover", "candidates"], ["discover", "align"],
            ["index"], ["index", "create"], ["index", "add"], ["index", "query"],
        ]
        for command in commands {
            let run = try CLITests.run(["help"] + command)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stdout.contains("Exit status:\n  0 "), "\(command) help has no exit statuses")
            #expect(run.stdout.contains("  64 "), "\(command) help does not name the usage error")
            for line in run.stdout.split(separator: "\n") {
                #expect(line.count <= 80 || line.hasPrefix("USAGE:"), "\(command): a help line over 80 columns: \(line)")
            }
        }
    }
}
