/// The exit statuses every command's help lists (the end of its discussion), as they are: the
/// same meanings in every command, each command naming only those it can end with.
enum ExitStatusHelp {
    /// One exit status and what it means.
    struct Entry {
        var codes: String
        var meaning: String
    }

    /// 0: the run did all it was asked.
    static let success = Entry(codes: "0", meaning: "done")
    /// 1: inputs skipped, each named on standard error; the output holds the rest.
    static let skipped = Entry(
        codes: "1", meaning: "done, but some inputs were skipped (each named on standard error with its file and line); the output holds the rest")
    /// 2: the run failed and committed nothing.
    static let failure = Entry(
        codes: "2",
        meaning: "failed: a missing or unreadable input, an output that cannot be written, a damaged gzip member, or every input skipped; no output file is replaced")
    /// 64: a usage error, before any work.
    static let usage = Entry(
        codes: "64", meaning: "usage error, before any work: an unknown option or value, a value out of range, an output that is also an input")
    /// 128 + the signal: stopped, unfinished outputs removed.
    static let signal = Entry(
        codes: "128+N", meaning: "stopped by signal N: 130 SIGINT, 143 SIGTERM, 129 SIGHUP, 131 SIGQUIT; unfinished output files are removed")

    /// The statuses of a command that reads a corpus and writes outputs (sign, sketch, dedup,
    /// index, discover).
    static let corpus = text([success, skipped, failure, usage, signal])

    /// The lines of the help: `Exit status:` and each entry, its meaning wrapped
    /// under itself to fit 80 columns (the help's own wrapping would start a long line's rest
    /// at the margin).
    static func text(_ entries: [Entry]) -> String {
        let width = entries.map(\.codes.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        let lines = entries.flatMap { entry -> [String] in
            var lines: [String] = []
            var line = "  " + entry.codes + String(repeating: " ", count: width - entry.codes.count) + "  "
            var empty = true
            for word in entry.meaning.split(separator: " ") {
                if !empty && line.count + 1 + word.count > 79 {
                    lines.append(line)
                    line = indent
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            return lines + [line]
        }
        return "Exit status:\n" + lines.joined(separator: "\n")
    }
}
