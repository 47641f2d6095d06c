import ArgumentParser
import Foundation
import NearDup

/// `neardup discover sketch INPUT…`: stage 1, the rewrite sketch of every story.
struct DiscoverSketchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sketch",
        abstract: "Stage 1 of discover: write each story's rewrite sketch (JSONL).",
        discussion: """
            One line per story, in input order: {"id", "date" (if valid), "outlet" (if any), \
            "terms": [the hashed Snowball stems of its body's content words and one in 16 of their \
            pairs of consecutive stems, ascending]}. \
            Inputs as for `neardup discover`; only --language changes the terms.
            """ + "\n\n" + ExitStatusHelp.corpus)

    @OptionGroup var input: InputOptions
    @OptionGroup var discovery: DiscoveryOptions

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    func run() throws {
        try input.checkInputsExist()
        let discovery = RewriteDiscovery(configuration: try self.discovery.configuration())
        var reader = StoryRecordReader(input: input)
        let records = try reader.read(input.inputs)
        let sink = try outputOption.open()
        for sketch in discovery.sketch(records) { sink.write(sketch.renderedLine()) }
        try sink.commit()
        try StandardError.exitIfSkipped(reader.skipped)
    }
}

/// `neardup discover candidates [--sources SKETCHES] SKETCHES…`: stage 2, each story's candidates.
struct DiscoverCandidatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "Stage 2 of discover: write each story's candidate sources (JSONL) from sketches.",
        discussion: """
            Reads the sketches `neardup discover sketch` writes. One line per (story, candidate), \
            stories in input order, each story's candidates heaviest first: {"story", "source", \
            "weight", "shared_terms"}. With --sources, the stories are searched against those \
            sketches; without, all against all. --same-archive: the stories are part of the \
            --sources archive (a slice of it, as a Spark partition is), so links among them follow \
            the all-against-all rule (same-day ties ordered by id), and the document frequencies \
            are the whole archive's, as in one run.
            """ + "\n\n" + ExitStatusHelp.corpus)

    @Option(name: .long, help: ArgumentHelp("Source sketches (repeat for several files). Without it, the inputs are searched all against all.", valueName: "file"))
    var sources: [String] = []

    @Argument(help: ArgumentHelp("Story sketches (JSONL, - for standard input).", valueName: "sketches"))
    var inputs: [String]

    @Flag(name: .long, help: "The stories are part of the --sources archive: order same-day links by id, as all against all.")
    var sameArchive = false

    @OptionGroup var discovery: DiscoveryOptions

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one sketch file (or -)") }
        if sameArchive && sources.isEmpty { throw ValidationError("--same-archive needs --sources (the whole archive's sketches)") }
        try StandardInput.checkReadOnce(sources + inputs)
    }

    func run() throws {
        let configuration = try discovery.configuration()
        let discovery = RewriteDiscovery(configuration: configuration)
        var skipped = 0
        do {
            let stories = try inputs.flatMap { try StageLines.read(RewriteSketch.self, from: $0, skipped: &skipped) }
            let sources = try self.sources.flatMap { try StageLines.read(RewriteSketch.self, from: $0, skipped: &skipped) }
            var index = RewriteCandidateIndex(settings: configuration.candidates)
            for sketch in self.sources.isEmpty ? stories : sources { index.insert(sketch) }
            let rule = LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: self.sources.isEmpty || sameArchive)
            let sink = try outputOption.open()
            for (story, candidates) in zip(stories, discovery.candidates(for: stories, in: index, rule: rule)) {
                for c in candidates {
                    sink.write(CandidateLine(story: story.id, source: c.sourceID, weight: c.weight, sharedTerms: c.sharedTerms).rendered())
                }
            }
            try sink.commit()
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            throw ExitCode(failure.exitCode)
        }
        try StandardError.exitIfSkipped(skipped)
    }
}

/// `neardup discover align --candidates PAIRS [--sources TEXTS] TEXTS…`: stage 3, the report on
/// each candidate pair, and the links.
struct DiscoverAlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Stage 3 of discover: judge candidate pairs with the report and write the links (JSONL).",
        discussion: """
            Reads the pairs `neardup discover candidates` writes and the texts (inputs as for \
            `neardup discover`: the stories, and with --sources the sources; without it, the \
            inputs hold both). Writes the link lines of `neardup discover --format jsonl`, stories \
            in the order of the candidates file; a story's pairs must all be in one file. \
            --every-pair writes every judged pair instead, non-derived ones too, in candidate order.
            """ + "\n\n" + ExitStatusHelp.corpus)

    @Option(name: .long, help: ArgumentHelp("The candidate pairs (JSONL from `neardup discover candidates`; - for standard input).", valueName: "file"))
    var candidates: String

    @Option(name: .long, help: ArgumentHelp("Source texts (repeat for several). Without it, the inputs hold both stories and sources.", valueName: "path"))
    var sources: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var discovery: DiscoveryOptions

    @Flag(name: .long, help: "Write every judged pair, whatever its verdict, instead of the links.")
    var everyPair = false

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    func validate() throws {
        try StandardInput.checkReadOnce([candidates] + sources + input.inputs)
    }

    func run() throws {
        try input.checkInputsExist()
        let configuration = try discovery.configuration()
        var skipped = 0
        var reader = StoryRecordReader(input: input)
        do {
            let pairs = try StageLines.read(CandidateLine.self, from: candidates, skipped: &skipped)
            let sourceRecords = try reader.read(sources)
            let storyRecords = try reader.read(input.inputs)
            let storyByID = Dictionary(storyRecords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let sourceByID = sources.isEmpty ? storyByID : Dictionary(sourceRecords.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            // Group the pairs by story, stories in order of first appearance.
            var order: [String] = []
            var pairsOf: [String: [CandidateLine]] = [:]
            for pair in pairs {
                if pairsOf[pair.story] == nil { order.append(pair.story) }
                pairsOf[pair.story, default: []].append(pair)
            }
            var work: [(story: StoryRecord, sources: [(record: StoryRecord, weight: Double)])] = []
            for id in order {
                guard let story = storyByID[id] else {
                    skipped += 1
                    StandardError.write("neardup: \(candidates): skipped: story \(JSONLine.quoted(id)) is in no input")
                    continue
                }
                var sources: [(record: StoryRecord, weight: Double)] = []
                for pair in pairsOf[id]! {
                    guard let source = sourceByID[pair.source] else {
                        skipped += 1
                        StandardError.write("neardup: \(candidates): skipped: source \(JSONLine.quoted(pair.source)) is in no input")
                        continue
                    }
                    sources.append((source, pair.weight))
                }
                work.append((story, sources))
            }
            let discovery = RewriteDiscovery(configuration: configuration)
            let links = everyPair ? discovery.judge(work) : discovery.link(work)
            let sink = try outputOption.open()
            for link in links.joined() { sink.write(RewriteLinkLine.render(link)) }
            try sink.commit()
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            throw ExitCode(failure.exitCode)
        }
        try StandardError.exitIfSkipped(skipped + reader.skipped)
    }
}
