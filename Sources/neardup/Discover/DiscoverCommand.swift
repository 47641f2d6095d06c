import ArgumentParser
import Foundation
import NearDup

/// `neardup discover`: which stories of an archive were rewritten from which. The one-shot run
/// is the default subcommand (`neardup discover --sources S STORIES` and `neardup discover run
/// --sources S STORIES` are the same); the stages are the others.
struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: DiscoverRunCommand.configuration.abstract,
        discussion: DiscoverRunCommand.configuration.discussion,
        subcommands: [DiscoverRunCommand.self, DiscoverSketchCommand.self, DiscoverCandidatesCommand.self, DiscoverAlignCommand.self],
        defaultSubcommand: DiscoverRunCommand.self)
}

/// `neardup discover [run]`: the three stages in one process.
struct DiscoverRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Find which stories were rewritten from which: each story against --sources, or a corpus all against all.",
        discussion: """
            With --sources, each story is searched against the sources (a wire archive, a feed of \
            press releases); without, every story against every other. Three stages: each story's \
            sketch (the Snowball stems of its body's content words), its candidates (the \
            --candidates sources sharing the most rare vocabulary with it), and the report on the \
            story against each candidate (as `neardup report` judges it). A story links to its \
            best-ranked source the report calls derived (--links all-derived: to each).

            Dates (JSONL field "date", YYYY-MM-DD) orient links: a source is never dated after its \
            rewrite. All against all, two stories of one day or without dates are ordered by id \
            (the smaller id may be the source). Stories of the same outlet (field "outlet") are \
            not linked unless --same-outlet. Exact and near copies are links like any other: the \
            report calls a copy wholly derived.

            Output (--format jsonl, the default): one line per link, {"format", "story", \
            "source", "verdict", "score", "coverage", "retold_sentences", "source_sentences", \
            "derived_sentences", "story_sentences", "sources", "candidate_weight", "passages": [{"kind", \
            "story": [start, end], "source": [start, end]}]}, UTF-8 byte offsets into each text \
            as read; stories without a link print nothing. --format html: one page listing the \
            links, each opening the pair's report. A one-line summary goes to standard error.

            The stages can also run apart (a Spark job calls them): `neardup discover sketch`, \
            `neardup discover candidates`, `neardup discover align`.

            Examples:
              neardup discover --sources wire.jsonl papers.jsonl
              neardup discover archive.jsonl --format html -o links.html
            """ + "\n\n" + ExitStatusHelp.corpus)

    @Option(name: .long, help: ArgumentHelp("Sources to search stories against (JSONL, text files or folders; repeat for several). Without it, the inputs are searched all against all.", valueName: "path"))
    var sources: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var discovery: DiscoveryOptions

    @OptionGroup var formatOption: FormatOption<DiscoveryFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    func validate() throws {
        try StandardInput.checkReadOnce(sources + input.inputs)
    }

    func run() throws {
        let started = Date()
        try input.checkInputsExist()
        do { try CorpusReader.checkPathsExist(sources) } catch let error as NearDupError {
            StandardError.error(error.message)
            throw ExitCode(2)
        }
        let discovery = RewriteDiscovery(configuration: try self.discovery.configuration())
        var reader = StoryRecordReader(input: input)
        let sourceRecords = try reader.read(sources)
        let stories = try reader.read(input.inputs)
        let sink = try outputOption.open()
        let result = sources.isEmpty
            ? discovery.discover(corpus: stories) : discovery.discover(stories: stories, sources: sourceRecords)
        switch formatOption.resolved {
        case .jsonl:
            for link in result.links { sink.write(RewriteLinkLine.render(link)) }
        case .html:
            let records = Dictionary((sourceRecords + stories).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            sink.write(DiscoveryHTMLRenderer(analyzer: discovery.configuration.linker.analyzer).render(result, records: records))
        }
        try sink.commit()
        if !quietOption.quiet {
            StandardError.write("neardup: discover: " + Self.summary(result, allAgainstAll: sources.isEmpty, seconds: Date().timeIntervalSince(started)))
        }
        try StandardError.exitIfSkipped(reader.skipped)
    }

    /// `322 stories, 260 sources: 3,120 candidate pairs judged, 231 links (98 wholly, 133 partially derived) in 4.1 s`
    static func summary(_ result: DiscoveryResult, allAgainstAll: Bool, seconds: Double) -> String {
        let wholly = result.links.count { $0.verdict == .whollyDerived }
        let sources = allAgainstAll ? "all against all" : "\(result.sources) sources"
        return "\(result.stories) stories, \(sources): \(result.candidatePairs) candidate pairs judged, "
            + "\(result.links.count) links (\(wholly) wholly, \(result.links.count - wholly) partially derived) in "
            + String(format: "%.1f s", seconds)
    }
}

/// The formats of `neardup discover`.
enum DiscoveryFormat: String, OutputFormatChoice {
    case jsonl, html
    static var standard: Self { .jsonl }
    static var help: String { "Output format: jsonl (one line per link) or html (one page listing the links, each opening the pair's report)." }
}
