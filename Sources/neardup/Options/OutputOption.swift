import ArgumentParser

/// `-o/--output`, declared once for every command that writes one output: the file (written
/// atomically, by ``OutputSink``'s rule) or standard output (`-`, or the option left out).
struct OutputOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output (- or none).", valueName: "file"))
    var output: String?

    /// Whether the output is standard output.
    var isStandardOutput: Bool { OutputSink.isStandardOutput(output) }

    /// ``OutputRule/check(outputs:inputs:)`` for this output alone: refuses an output that is
    /// one of `inputs` (a usage error, exit status 64, before any work).
    func check(against inputs: [String]) throws {
        try OutputRule.check(outputs: [("-o", output)], inputs: inputs)
    }

    /// Opens the output (``OutputSink/init(path:)``); a ``CommandFailure`` ends the command
    /// from ``NearDupCommand/main()``.
    func open() throws -> OutputSink { try OutputSink(path: output) }
}
