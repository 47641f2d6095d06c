import ArgumentParser
import Foundation
import NearDup

/// `neardup extract PAGE...`: what NearDup reads from saved web pages (the article body and the
/// page's metadata), the same reading every other command does.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show the story NearDup reads from saved web pages: headline, metadata and article body.",
        discussion: """
            A file is read as a web page when its name ends in .html, .htm or .xhtml or its text \
            starts with <!DOCTYPE html or <html; every command that reads stories reads such a \
            file this way. Other files are printed as the text NearDup reads. With --json, one \
            JSON object a line: format, path, metadata (title, byline, date, outlet, url; only \
            those known), body (the article without its headline) and text (what the report \
            analyses). Exit codes: 0 all read, 1 some skipped (named on standard error).
            """)

    @Argument(help: "Saved pages or text files (- for standard input; gzip is decompressed).")
    var files: [String]

    @Flag(name: .long, help: "Print one JSON object a file instead of text.")
    var json = false

    /// One line of `--json`.
    struct Record: Encodable {
        /// The version of this record's layout.
        var format = 1
        var path: String
        var metadata: StoryMetadata?
        var body: String
        var text: String
    }

    func validate() throws {
        try StandardInput.checkReadOnce(files)
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var skipped = 0
        var out = ""
        for (number, path) in files.enumerated() {
            switch TextFile.read(path: path) {
            case .failure(let problem):
                StandardError.error("\(problem.location): \(problem.message)")
                skipped += 1
            case .success(let decoded):
                if let warning = decoded.warning { StandardError.warning("\(SourceLocation(path: path)): \(warning)") }
                var body = decoded.text
                if let title = decoded.metadata?.title, body.hasPrefix(title) {
                    body = String(body.dropFirst(title.count)).drop { $0.isNewline }.description
                }
                if json {
                    let record = Record(path: path, metadata: decoded.metadata, body: body, text: decoded.text)
                    out += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
                } else {
                    if number > 0 { out += "\n" }
                    if files.count > 1 { out += "==> \(SourceLocation(path: path)) <==\n" }
                    if let metadata = decoded.metadata {
                        for (name, value) in [("byline", metadata.byline), ("date", metadata.date),
                                              ("outlet", metadata.outlet), ("url", metadata.url)] {
                            if let value { out += "\(name): \(value)\n" }
                        }
                        out += "\n"
                    }
                    out += decoded.text + "\n"
                }
            }
        }
        print(out, terminator: "")
        try StandardError.exitIfSkipped(skipped)
    }
}
