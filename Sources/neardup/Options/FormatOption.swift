import ArgumentParser

/// The formats a command can print its results in: an `ExpressibleByArgument` enum, so that
/// `--format` lists its choices in the help and refuses any other with a message naming them.
protocol OutputFormatChoice: ExpressibleByArgument, CaseIterable, Equatable, RawRepresentable<String> {
    /// The format when `--format` is left out.
    static var standard: Self { get }
    /// What each choice prints, for `--help`.
    static var help: String { get }
}

/// `--format`, declared once for every command that prints results.
struct FormatOption<Format: OutputFormatChoice>: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(Format.help, valueName: Format.allCases.map(\.rawValue).joined(separator: "|")))
    var format: Format?

    /// The format asked for, or the command's default.
    var resolved: Format { format ?? .standard }
}

/// A format choice with a `json` case, which `--json` also asks for.
protocol JSONFormatChoice: OutputFormatChoice {
    /// The JSON format.
    static var json: Self { get }
}

/// `--format` with `--json`, the alias of `--format json` (`compare --json` and
/// `extract --json` had it before `--format`; `report` has it too, for one way everywhere).
struct JSONFormatOptions<Format: JSONFormatChoice>: ParsableArguments {
    @OptionGroup var choice: FormatOption<Format>

    @Flag(name: .long, help: "The same as --format json.")
    var json = false

    func validate() throws {
        if json, let format = choice.format, format != .json {
            throw ValidationError("--json means --format json: it cannot be given with --format \(format.rawValue)")
        }
    }

    /// The format asked for (`--json`: json), or the command's default.
    var resolved: Format { json ? .json : choice.resolved }
}

/// The one format of a command that writes JSON lines only (`sign`, `sketch`, `dedup`, `index
/// query`, `generate`, the `discover` stages): `--format jsonl` is accepted, so that a script can
/// name the format it expects of every command, and any other value is refused.
enum JSONLinesFormat: String, OutputFormatChoice {
    case jsonl
    static var standard: Self { .jsonl }
    static var help: String { "Output format: jsonl (one JSON object a line; the only format of this command)." }
}
