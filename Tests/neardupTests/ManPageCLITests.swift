import Foundation
import Testing

/// The man page (docs/man/neardup.1, `make man`) and the shell completions come from the argument
/// parser. CI regenerates the page and compares it whole (`scripts/man.sh --check`, which needs a
/// release build); this test catches the usual slip without one: a command or option the parser
/// has and the committed page lacks.
@Suite struct ManPageCLITests {
    static let commands: [[String]] = [
        ["report"], ["compare"], ["sign"], ["sketch"], ["generate"], ["dedup"], ["extract"],
        ["discover", "run"], ["discover", "sketch"], ["discover", "candidates"], ["discover", "align"],
        ["index", "create"], ["index", "add"], ["index", "query"],
    ]

    /// The long option names (`--format`) that `neardup help COMMAND` lists.
    static func longOptions(_ command: [String]) throws -> Set<String> {
        let help = try CLITests.run(["help"] + command).stdout
        let options = help.components(separatedBy: "OPTIONS:").last ?? ""
        var names = Set<String>()
        for line in options.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("-") else { continue }
            for word in trimmed.split(separator: " ") where word.hasPrefix("--") {
                let name = word.prefix { $0 != "," && $0 != "<" && $0 != "=" }
                names.insert(String(name))
            }
        }
        return names
    }

    @Test func theManPageHasEveryCommandAndOption() throws {
        let page = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("docs/man/neardup.1"), encoding: .utf8)
        #expect(page.contains("Exit status:"))
        for command in Self.commands {
            #expect(page.contains(".It Em \(command.last!)\n"), "docs/man/neardup.1 lacks \(command.joined(separator: " ")): run make man")
            let options = try Self.longOptions(command)
            #expect(options.contains("--format") || command[0] == "index" && command[1] != "query", "\(command) has no --format")
            for option in options {
                // mdoc writes --format as `Fl -format`, and a second name after a comma as `, -output`.
                let inPage = page.contains("Fl \(option.dropFirst())") || page.contains(", \(option.dropFirst())")
                #expect(inPage, "docs/man/neardup.1 lacks \(command.joined(separator: " ")) \(option): run make man")
            }
        }
    }

    @Test func completionScriptsComeFromTheParser() throws {
        for shell in ["bash", "zsh", "fish"] {
            let run = try CLITests.run(["--generate-completion-script", shell])
            #expect(run.status == 0, "\(shell): \(run.stderr)")
            for word in ["discover", "candidates", "format", "quiet", "one-permutation", "all-derived"] {
                #expect(run.stdout.contains(word), "the \(shell) completions lack \(word)")
            }
        }
    }
}
