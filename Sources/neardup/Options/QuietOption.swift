import ArgumentParser

/// `-q/--quiet`, declared once for every command: no progress line, summary or note on standard
/// error. Warnings and errors are still written (they say what was left out and why).
struct QuietOption: ParsableArguments {
    @Flag(name: [.short, .long], help: "No progress line, summary or note on standard error (warnings and errors are still written).")
    var quiet = false
}
