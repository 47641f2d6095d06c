import ArgumentParser
import Foundation
import NearDup

/// `neardup report --reference REF CANDIDATE…`: which candidates were rewritten from the reference.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Which candidate stories were rewritten from a reference story, how much, and the evidence.",
        discussion: """
            Candidates are ranked by evidence: retold (the share of the story's narrative, outside its \
            own quotation marks, that retells the reference), then coverage (the share of the \
            reference's narrative it retells). Each gets a verdict (wholly-derived, partially-derived, \
            non-derived) from a fitted model, a score (the model's probability that it is derived), \
            exact Jaccard and containment of word shingles, and the shared passages (verbatim, \
            paraphrase, quotation) with byte offsets in both texts. Words the candidate quotes are \
            shown but never counted: stories quoting one interview share them anyway; a quotation \
            lifted without quotation marks is reuse. See the README.

            Folders are read recursively in sorted order, skipping hidden files; the reference is \
            skipped when it appears among the candidates. Empty, binary or unreadable candidates are \
            reported by name, listed in the report and skipped, without changing the exit status; \
            a missing path, an unreadable reference or no candidate left is an error (exit status 2). The reference or one candidate can be - \
            (standard input, named <stdin>); gzip files are decompressed.
            """
            + "\n\n" + ExitStatusHelp.text([ExitStatusHelp.success, ExitStatusHelp.failure, ExitStatusHelp.usage, ExitStatusHelp.signal]))

    @Option(name: .long, help: ArgumentHelp("The reference story (a text file, or - for standard input).", valueName: "file"))
    var reference: String

    @Argument(help: ArgumentHelp("Candidate stories: text files, folders of them, or - for standard input.", valueName: "candidate"))
    var candidates: [String]

    @OptionGroup var formatOptions: JSONFormatOptions<ReportFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    @Option(name: .long, help: ArgumentHelp("Language of the stories: its Snowball stemmer (english, french, german, …; English stop words for English). (default: \(ReportLanguage.english))", valueName: "name"), transform: LanguageArgument.parse)
    var language: ReportLanguage = .english

    @Option(name: .long, help: ArgumentHelp("Word shingles for the Jaccard and containment columns (words:N; the report reads words, so chars:N is refused). (default: \(Shingling.default))", valueName: "words:N"), transform: ShinglingArgument.parse)
    var shingle: Shingling = .default

    @Flag(name: .long, help: "Do not match WordNet synonyms when aligning sentences (English; on by default when WordNet is installed).")
    var noSynonyms = false

    @Option(name: .long, help: ArgumentHelp("Show only the N best-ranked candidates in text and HTML (JSON always has all).", valueName: "N"))
    var top: Int?

    func validate() throws {
        guard !candidates.isEmpty else { throw ValidationError("give at least one candidate file or folder") }
        try StandardInput.checkReadOnce(
            [reference] + candidates, labels: ["--reference"] + Array(repeating: "a candidate", count: candidates.count))
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        _ = try analyzerConfiguration()
        try outputOption.check(against: [reference] + candidates)
    }

    /// The analysis settings from the options; refuses what the report cannot honour.
    func analyzerConfiguration() throws -> RewriteAnalyzer.Configuration {
        var configuration = RewriteAnalyzer.Configuration()
        configuration.language = language
        guard shingle.unit == .words else {
            throw ValidationError("--shingle \(shingle): the report aligns words, so only word shingles (words:N) are supported")
        }
        configuration.shingling = shingle
        configuration.synonyms = !noSynonyms
        return configuration
    }

    func run() throws {
        // The output first: a folder, a missing folder or a refused file fails before any
        // analysis (issue 17, item 12), and nothing is replaced until the report is complete.
        let sink = try outputOption.open()
        let inputs = ReportInputs()
        let referenceDocument: ReportDocument
        switch inputs.read(path: reference) {
        case .success(let document): referenceDocument = document
        case .failure(let problem):
            StandardError.error("reference \(problem.message)")
            throw ExitCode(2)
        }
        for warning in referenceDocument.warnings { StandardError.warning(warning) }

        let files: [String]
        var skipped: [SkippedInput] = []
        do {
            files = try inputs.candidateFiles(candidates) { problem in
                StandardError.warning("\(problem.location): \(problem.message)")
                if problem.severity == .skipped {
                    let path = problem.location.path
                    skipped.append(SkippedInput(id: ReportInputs.name(of: path), path: path, reason: problem.message))
                }
            }
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            throw ExitCode(failure.exitCode)
        }
        var documents: [ReportDocument] = []
        let referenceIdentity = inputs.identity(of: reference)
        // A file given twice (the same path twice, two spellings, a link, a folder and a file
        // in it) is analysed once: the first is kept, the later ones are skipped, named.
        var firstPathOf: [String: String] = [:]
        for path in files {
            let id = ReportInputs.name(of: path)
            let identity = inputs.identity(of: path)
            if identity == referenceIdentity {
                skipped.append(SkippedInput(id: id, path: path, reason: "the reference itself"))
                continue
            }
            if let first = firstPathOf[identity] {
                StandardError.warning("skipped candidate \(path): the same file as \(first), given earlier")
                skipped.append(SkippedInput(id: id, path: path, reason: "the same file as \(first), given earlier"))
                continue
            }
            firstPathOf[identity] = path
            if ReportInputs.holdsRecords(path) {
                let records = inputs.readRecords(path: path)
                for problem in records.problems {
                    StandardError.warning("skipped candidate \(problem.message)")
                    skipped.append(SkippedInput(id: ReportInputs.name(of: problem.path), path: problem.path, reason: problem.reason))
                }
                documents += records.documents
                continue
            }
            switch inputs.read(path: path) {
            case .success(let document):
                for warning in document.warnings { StandardError.warning(warning) }
                documents.append(document)
            case .failure(let problem):
                StandardError.warning("skipped candidate \(problem.message)")
                skipped.append(SkippedInput(id: id, path: path, reason: problem.reason))
            }
        }
        guard !documents.isEmpty else {
            StandardError.error("no candidate to analyse (\(skipped.count) skipped)")
            throw ExitCode(2)
        }

        let report = RewriteAnalyzer(configuration: try analyzerConfiguration())
            .analyze(reference: referenceDocument, candidates: documents, skipped: skipped)
        let rendered: String
        let format = formatOptions.resolved
        switch format {
        case .json:
            rendered = try JSONReportRenderer().render(report)
        case .html:
            rendered = HTMLReportRenderer(top: top).render(report, reference: referenceDocument, candidates: documents)
        case .text:
            let toTerminal = outputOption.isStandardOutput && StandardError.isTerminal(1)
            let colour = toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            rendered = TextReportRenderer(colour: colour && toTerminal, top: top).render(report)
        }
        sink.write(rendered)
        try sink.commit()
        if let output = outputOption.output, !outputOption.isStandardOutput, !quietOption.quiet {
            StandardError.write("neardup: wrote \(format.rawValue) report to \(output)")
        }
    }
}

/// The formats of `neardup report`.
enum ReportFormat: String, JSONFormatChoice {
    case text, json, html
    static var standard: Self { .text }
    static var help: String { "Output format: text (an 80-column table and passages), json or html." }
}
