import ArgumentParser
import NearDup

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

            Every command that prints results takes -o/--output FILE (written atomically), \
            -q/--quiet and --format; each command's help lists its formats and exit statuses.
            """ + "\n\n" + ExitStatusHelp.corpus,
        version: NearDupPackage.version,
        subcommands: [
            ReportCommand.self,
            CompareCommand.self,
            SignCommand.self,
            SketchCommand.self,
            GenerateCommand.self,
            DedupCommand.self,
            DiscoverCommand.self,
            IndexCommand.self,
            ExtractCommand.self,
        ]
    )

    /// Installs the SIGINT / SIGTERM clean-up, then parses and runs the command (as
    /// ArgumentParser's `main` does). A ``NearDupError`` that ends a command (a damaged gzip
    /// member from the corpus reader: the run fails and commits nothing) is reported as
    /// `neardup: error: …` with exit status 2, in every command alike; a ``CommandFailure`` (an
    /// output that cannot be opened or written) likewise, with its own exit status.
    static func main() {
        Interruption.install()
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch let error as NearDupError {
            StandardError.error(error.message)
            exit(withError: ExitCode(2))
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            exit(withError: ExitCode(failure.exitCode))
        } catch {
            exit(withError: error)
        }
    }
}
