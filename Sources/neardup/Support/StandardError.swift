import ArgumentParser
import NearDup

/// Writing diagnostics to standard error, prefixed with the tool's name.
enum StandardError {
    static func write(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        writeRaw(line)
    }

    /// Writes `text` as is (a progress line is redrawn in place); errors are ignored, since
    /// there is nowhere left to report them.
    static func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            try? Syscalls.write(2, base, count: bytes.count, context: "standard error")
        }
    }

    /// `neardup: warning: …`
    static func warning(_ text: String) { write("neardup: warning: \(text)") }

    /// After a run that skipped `count` inputs (each already named with its file and line): a
    /// warning with the count, and exit code 1. Nothing when none was skipped.
    static func exitIfSkipped(_ count: Int) throws {
        guard count > 0 else { return }
        warning("\(count) input(s) skipped")
        throw ExitCode(1)
    }

    /// A run whose every input was skipped (`skipped` > 0, no document read) failed: it
    /// commits nothing to a file output, so an existing file keeps what it held (issue 17,
    /// item 7: an index of 200 records became an empty one), says so, and ends with exit
    /// status 2. Nothing happens when a document was read, when nothing was skipped (an empty
    /// input gives an empty output) or when every output is standard output or written in
    /// place (`/dev/null`, a FIFO).
    static func exitIfEveryInputSkipped(documents: Int, skipped: Int, outputs: [String?]) throws {
        // Files that would be replaced; not standard output, nor a device or FIFO written in place.
        let files = outputs.compactMap { $0 }.filter {
            !OutputSink.isStandardOutput($0) && OutputFile.destination(of: $0)?.isSpecial != true
        }
        guard documents == 0, skipped > 0, !files.isEmpty else { return }
        error("every input was skipped (\(skipped)): nothing is written to \(files.joined(separator: ", ")), which is left as it was")
        throw ExitCode(2)
    }

    /// `neardup: error: …`
    static func error(_ text: String) { write("neardup: error: \(text)") }

    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { Syscalls.isTerminal(descriptor) }
}
