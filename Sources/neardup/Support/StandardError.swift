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

    /// `neardup: error: …`
    static func error(_ text: String) { write("neardup: error: \(text)") }

    /// Whether a file descriptor is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { Syscalls.isTerminal(descriptor) }
}
