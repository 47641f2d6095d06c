import ArgumentParser

@main
struct NearDupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neardup",
        abstract: "Find near-duplicate and rewritten text.",
        discussion: """
            Examples:
              neardup report --reference seeds/000_ae173d8b20e40bc0.txt seeds/
              neardup compare a.txt b.txt --json
              neardup sign corpus.jsonl > signatures.jsonl
            """,
        version: "0.1.0",
        subcommands: [
            ReportCommand.self,
            CompareCommand.self,
            SignCommand.self,
            SketchCommand.self,
            GenerateCommand.self,
            DedupCommand.self,
            DiscoverCommand.self,
            IndexCommand.self,
        ]
    )

    /// Installs the SIGINT / SIGTERM clean-up, then parses and runs the command.
    static func main() {
        Interruption.install()
        main(nil)
    }
}
