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
            file this way. Other files are printed as the text NearDup reads. With --format json \
            (or --json), one JSON object a line: format, path, metadata (title, byline, date, \
            outlet, url; only those known), body (the article without its headline) and text \
            (what the report analyses).
            """
            + "\n\n" + ExitStatusHelp.text([
                ExitStatusHelp.success,
                ExitStatusHelp.skipped, ExitStatusHelp.failure,
                ExitStatusHelp.usage, ExitStatusHelp.signal,
            ]))

    @Argument(help: "Saved pages or text files (- for standard input; gzip is decompressed).")
    var files: [String]

    @OptionGroup var formatOptions: JSONFormatOptions<ExtractFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    /// One line of `--format json`: `"format"` first, then body, metadata (if any), path and
    /// text (alphabetical, as they were before the format came first).
    static func record(path: String, metadata: StoryMetadata?, body: String, text: String, encoder: JSONEncoder) throws -> String {
        var line = JSONLine(format: OutputFormat.extract)
        line.append("body", body)
        if let metadata { line.append("metadata", json: String(decoding: try encoder.encode(metadata), as: UTF8.self)) }
        line.append("path", path)
        line.append("text", text)
        return line.text
    }

    func validate() throws {
        try StandardInput.checkReadOnce(files)
        try outputOption.check(against: files)
    }

    func run() throws {
        let sink = try outputOption.open()  // fails before any work
        let json = formatOptions.resolved == .json
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
                    out += try Self.record(path: path, metadata: decoded.metadata, body: body, text: decoded.text, encoder: encoder)
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
        sink.write(out)
        try StandardError.exitIfEveryInputSkipped(documents: files.count - skipped, skipped: skipped, outputs: [outputOption.output])
        try sink.commit()
        try StandardError.exitIfSkipped(skipped)
    }
}

/// The formats of `neardup extract`.
enum ExtractFormat: String, JSONFormatChoice {
    case text, json
    static var standard: Self { .text }
    static var help: String { "Output format: text (the metadata, then the text read) or json (one JSON object a file)." }
}
