import ArgumentParser
import NearDup

/// The one rule for outputs against inputs (issue 17), for every command that writes: by
/// device and inode after following links, so that no spelling (`./o.jsonl`, a link, a hard
/// link) slips past it,
/// - an output that is also an input (a file given, a file a folder given holds, the file
///   standard input is redirected from) is refused:
///   writing it would replace what the run reads;
/// - two outputs that are one file are refused: one would silently replace the other.
/// Both are usage errors (exit status 64), found before any work. Standard output (`-`) and
/// outputs written in place (a device, FIFO or socket: `/dev/null` twice is fine) are outside
/// the rule; a folder is refused when the output is opened.
enum OutputRule {
    /// Checks `outputs` against each other and against `inputs`.
    ///
    /// - Parameters:
    ///   - outputs: each output's option (`--pairs`, `-o`, `the index`) and path (nil: not
    ///     given; `-`: standard output).
    ///   - inputs: the paths the command reads (files, folders, `-`).
    /// - Throws: `ValidationError` naming both paths.
    /// - Complexity: one `stat` an output and an input; the files below a folder input are
    ///   listed only when some output already exists as a regular file.
    static func check(outputs: [(option: String, path: String?)], inputs: [String]) throws {
        var outputOf: [OutputFile.Destination: String] = [:]
        var replaced: [[UInt64]: String] = [:]
        for (option, path) in outputs {
            guard let path, !OutputSink.isStandardOutput(path), let destination = OutputFile.destination(of: path),
                !destination.isSpecial
            else { continue }
            let named = "\(option) \(path)"
            if let first = outputOf[destination] {
                throw ValidationError("\(first) and \(named) are one file: one output would replace the other; give different files")
            }
            outputOf[destination] = named
            if case .existing(_, let identity) = destination { replaced[identity] = named }
        }
        guard !replaced.isEmpty else { return }
        func checkInput(_ path: String, identity: [UInt64], given: String) throws {
            guard let output = replaced[identity] else { return }
            let via = path == given ? "" : " (in \(given))"
            throw ValidationError(
                "\(output) is also an input, \(path)\(via): writing it would replace what is read; give another output file")
        }
        for input in inputs {
            if input == "-" {
                // Standard input redirected from a file (`< c.jsonl`) reads that file.
                if let status = try? Syscalls.status(of: 0, context: "standard input"), status.kind == .regular {
                    try checkInput("standard input", identity: status.identity, given: "standard input")
                }
                continue
            }
            guard let status = try? Syscalls.status(of: input) else { continue }
            if status.kind == .directory {
                for file in CorpusReader.files(below: input, problem: { _ in }) {
                    if let inner = try? Syscalls.status(of: file.path) { try checkInput(file.path, identity: inner.identity, given: input) }
                }
            } else {
                try checkInput(input, identity: status.identity, given: input)
            }
        }
    }
}
