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
            sketch (the Snowball stems of its body's content words, and a sample of their pairs), its candidates (the \
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
        // The texts wait in a scratch file, not in memory: an archive of a million stories
        // (3 GB) is searched in a fraction of that.
        var reader = StoryRecordReader(input: input)
        let sourceRecords = try reader.spill(sources)
        let stories = try reader.spill(input.inputs)
        let sink = try outputOption.open()
        let summary: DiscoverySummary
        do throws(NearDupError) {
            switch formatOption.resolved {
            case .jsonl:
                // Each story's links are written as they are found.
                let write = { (links: [RewriteLink]) in for link in links { sink.write(RewriteLinkLine.render(link)) } }
                summary = sources.isEmpty
                    ? try discovery.discover(corpus: stories, links: write)
                    : try discovery.discover(stories: stories, sources: sourceRecords, links: write)
            case .html:
                let result = sources.isEmpty
                    ? try discovery.discover(corpus: stories) : try discovery.discover(stories: stories, sources: sourceRecords)
                summary = DiscoverySummary(result)
                let records = try Self.linkedRecords(result, sourceRecords, stories)
                sink.write(DiscoveryHTMLRenderer(analyzer: discovery.configuration.linker.analyzer).render(result, records: records))
            }
        } catch {
            // A story's text could not be read back from the scratch file: the run stops, and
            // a file output is not replaced.
            throw CommandFailure("\(error.message); the run stopped: \(sink.abandon())")
        }
        try sink.commit()
        if !quietOption.quiet {
            StandardError.write("neardup: discover: " + Self.summary(summary, allAgainstAll: sources.isEmpty, seconds: Date().timeIntervalSince(started)))
        }
        try StandardError.exitIfSkipped(reader.skipped)
    }

    /// The records of the stories and sources the links name, by id (the first of an id kept).
    static func linkedRecords(_ result: DiscoveryResult, _ collections: SpilledStories...) throws(NearDupError) -> [String: StoryRecord] {
        let named = Set(result.links.flatMap { [$0.story, $0.source] + $0.sources })
        var records: [String: StoryRecord] = [:]
        for collection in collections {
            for i in 0..<collection.count where records[collection.id(at: i)] == nil && named.contains(collection.id(at: i)) {
                records[collection.id(at: i)] = try collection[i]
            }
        }
        return records
    }

    static func summary(_ result: DiscoverySummary, allAgainstAll: Bool, seconds: Double) -> String {
        let wholly = result.whollyDerived
        let sources = allAgainstAll ? "all against all" : "\(result.sources) sources"
        return "\(result.stories) stories, \(sources): \(result.candidatePairs) candidate pairs judged, "
            + "\(result.links) links (\(wholly) wholly, \(result.links - wholly) partially derived) in "
            + String(format: "%.1f s", seconds)
    }
}

/// The formats of `neardup discover`.
enum DiscoveryFormat: String, OutputFormatChoice {
    case jsonl, html
    static var standard: Self { .jsonl }
    static var help: String { "Output format: jsonl (one line per link) or html (one page listing the links, each opening the pair's report)." }
}
