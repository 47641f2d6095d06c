import ArgumentParser

/// `-q/--quiet` and `--progress`, shared by every long-running command (sign, sketch, generate,
/// dedup, index create/add/query).
struct ProgressOptions: ParsableArguments {
    @OptionGroup var quietOption: QuietOption

    @Flag(name: .long, help: "Show progress even when standard error is not a terminal (a line every 2 seconds, and the last one).")
    var progress = false

    /// `-q/--quiet`.
    var quiet: Bool { quietOption.quiet }

    mutating func validate() throws {
        guard !(quiet && progress) else { throw ValidationError("--quiet and --progress cannot be given together") }
    }
}
