import Foundation
import Testing

/// Progress and summaries on standard error: never on standard output, a summary after every
/// long-running command, the progress line only on a terminal or with --progress, nothing with
/// --quiet, and a full bar at 100 %.
@Suite(.serialized) struct ProgressCLITests {
    static func commands(_ folder: URL) throws -> [[String]] {
        let corpus = folder.appendingPathComponent("c.jsonl")
        try ConventionsCLITests.corpus.write(to: corpus, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("x.ndx").path
        return [
            ["sign", corpus.path], ["sketch", corpus.path], ["dedup", corpus.path], ["generate", "--documents", "50", "--words", "40"],
            ["index", "create", index, corpus.path], ["index", "add", index, corpus.path], ["index", "query", index, corpus.path],
        ]
    }

    @Test func everyLongCommandEndsWithASummaryAndQuietSilencesIt() throws {
        let folder = try ConventionsCLITests.folder()
        for command in try Self.commands(folder) {
            let run = try CLITests.run(command)
            #expect(run.status == 0, "\(command): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(command): only the summary when standard error is not a terminal: \(run.stderr)")
            #expect(lines.last?.hasPrefix("neardup: ") == true && run.stderr.contains("documents") && run.stderr.contains(" s"), "\(command)")
            #expect(!run.stdout.contains("documents,") && !run.stdout.contains("neardup:"), "\(command): standard output stays clean")
            let quiet = try CLITests.run(command + ["-q"])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(command): \(quiet.stderr)")
            #expect(quiet.stdout == run.stdout || command[0] == "index", "\(command)")
        }
    }

    @Test func askedForProgressEndsWithAFullBar() throws {
        let folder = try ConventionsCLITests.folder()
        for command in try Self.commands(folder) {
            let run = try CLITests.run(command + ["--progress"])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(command): the last progress line, then the summary: \(run.stderr)")
            #expect(lines.first?.hasPrefix("[" + String(repeating: "#", count: 30) + "] 100% ") == true, "\(command): \(lines)")
            #expect(lines.first?.contains("ETA") == false, "\(command): no estimate once done")
            #expect(lines.last?.hasPrefix("neardup: ") == true)
        }
        // Standard input has no known size: no bar.
        let piped = try CLITests.run(["sign", "--progress", "-"], stdin: ConventionsCLITests.corpus)
        #expect(piped.stderr.split(separator: "\n").first?.hasPrefix("6 documents, ") == true, "\(piped.stderr)")
        #expect(!piped.stderr.contains("%"))
        let both = try CLITests.run(["sign", "--progress", "-q", "-"], stdin: ConventionsCLITests.corpus)
        #expect(both.status == 64)
    }
}
