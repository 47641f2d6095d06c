/// The exit statuses every command's help lists (the end of its discussion), as they are: the
/// same meanings in every command, each command naming only those it can end with. Each entry
/// is one short line, so that the help and the man page (docs/man/neardup.1) show it as a table.
enum ExitStatusHelp {
    /// One exit status and what it means (at most 60 characters).
    struct Entry {
        var codes: String
        var meaning: String
    }

    /// 0: the run did all it was asked.
    static let success = Entry(codes: "0", meaning: "done")
    /// 1: inputs skipped, each named on standard error; the output holds the rest.
    static let skipped = Entry(codes: "1", meaning: "done, but inputs were skipped (each named on stderr)")
    /// 2: the run failed and replaced no output file.
    static let failure = Entry(codes: "2", meaning: "failed (the error says why); no output file replaced")
    /// 64: a usage error, before any work.
    static let usage = Entry(codes: "64", meaning: "usage error: a bad option, value or output; no work done")
    /// 128 + the signal: stopped, unfinished outputs removed.
    static let signal = Entry(codes: "128+N", meaning: "stopped by signal N (130: SIGINT, 143: SIGTERM)")

    /// The statuses of a command that reads a corpus and writes outputs (sign, sketch, dedup,
    /// index, discover).
    static let corpus = text([success, skipped, failure, usage, signal])

    /// The lines of the help: `Exit status:` and one line per entry.
    static func text(_ entries: [Entry]) -> String {
        let width = entries.map(\.codes.count).max() ?? 0
        return "Exit status:\n" + entries.map {
            "  " + $0.codes + String(repeating: " ", count: width - $0.codes.count) + "  " + $0.meaning
        }.joined(separator: "\n")
    }
}
