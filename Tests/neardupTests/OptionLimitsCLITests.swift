import Foundation
import Testing

/// Issue 17, item 10: every threshold, count and size option is checked when the arguments are
/// parsed. Before, `index query --threshold 80` (or nan, inf) answered nothing for identical
/// documents with exit 0, `-1` matched everything, and absurd integers crashed with a
/// backtrace (arithmetic overflow, SIGILL).
@Suite(.serialized) struct OptionLimitsCLITests {
    @Test func outOfRangeOptionsAreUsageErrorsBeforeAnyWork() throws {
        let (folder, corpus) = try OutputRuleCLITests.fixture()
        let index = folder.appendingPathComponent("i.ndx").path
        #expect(try CLITests.run(["index", "create", "-q", index, corpus]).status == 0)
        let huge = "9223372036854775807"
        let cases: [([String], String)] = [
            (["index", "query", index, corpus, "--threshold", "80"], "--threshold"),
            (["index", "query", index, corpus, "--threshold", "5"], "--threshold"),
            (["index", "query", index, corpus, "--threshold", "nan"], "--threshold"),
            (["index", "query", index, corpus, "--threshold", "inf"], "--threshold"),
            (["index", "query", index, corpus, "--threshold=-1"], "--threshold"),
            (["index", "query", index, corpus, "--threshold", "0"], "--threshold"),
            (["index", "create", folder.appendingPathComponent("n.ndx").path, corpus, "--threshold", "nan"], "--threshold"),
            (["dedup", corpus, "--threshold", "inf"], "--threshold"),
            (["dedup", corpus, "--bands", "4611686018427387904", "--rows", "4"], "--bands"),
            (["sketch", corpus, "--bands", "4", "--rows", "4611686018427387904"], "--bands"),
            (["dedup", corpus, "--threads", huge], "--threads"),
            (["index", "create", folder.appendingPathComponent("n.ndx").path, corpus, "--threads", huge], "--threads"),
            (["dedup", corpus, "--pairwise-limit", huge], "--pairwise-limit"),
            (["generate", "--documents", "1", "--words", huge, "-o", "/dev/null"], "--words"),
            (["generate", "--documents", huge, "-o", "/dev/null"], "--documents"),
            (["sketch", "-", "--first-line", huge], "--first-line"),
        ]
        for (arguments, option) in cases {
            // A value that slipped through could run for ever (generate --documents 2^63 did).
            let run = try CLITests.run(
                arguments + ["-q"], stdinData: Data(OutputRuleCLITests.corpus.utf8), directory: folder, wrapper: "exec timeout 30 \"$@\"")
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.stderr.prefix(300))")
            #expect(run.stderr.hasPrefix("Error: \(option)"), "\(arguments): \(run.stderr.prefix(300))")
            #expect(!run.stderr.contains("crashed") && run.stdout.isEmpty, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("n.ndx").path))
        // The edge of the range works: a query at 1 finds the identical documents.
        let exact = try CLITests.run(["index", "query", "-q", index, corpus, "--threshold", "1"])
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(exact.stdout.contains(#"{"format":1,"id":"A","matches":[{"id":"A","estimate":1.0,"jaccard":1.0},{"id":"B""#), "\(exact.stdout)")
    }
}
