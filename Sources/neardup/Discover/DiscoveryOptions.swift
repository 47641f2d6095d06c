import ArgumentParser
import NearDup

/// The options every `neardup discover` stage shares: the language and the candidate stage's
/// settings, the link rule, the report's synonyms, and threads.
struct DiscoveryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Language of the stories: its Snowball stemmer (english, french, …; English stop words for English). (default: \(ReportLanguage.english))", valueName: "name"), transform: LanguageArgument.parse)
    var language: ReportLanguage = .english

    @Option(name: .long, help: ArgumentHelp("Candidates per story: the sources sharing the most rare vocabulary with it that the report then judges.", valueName: "k"))
    var candidatesPerStory = RewriteCandidateIndex.Settings().limit

    @Option(name: .long, help: ArgumentHelp("Story terms a candidate query reads, rarest first.", valueName: "n"))
    var queryTerms = RewriteCandidateIndex.Settings().queryTerms

    @Option(name: .long, help: ArgumentHelp("Terms held by more sources than this are passed over by candidate queries.", valueName: "n"))
    var maxPostings = RewriteCandidateIndex.Settings().maximumPostings

    @Option(name: .long, help: ArgumentHelp("Query terms a source must share with a story to be its candidate.", valueName: "n"))
    var minSharedTerms = RewriteCandidateIndex.Settings().minimumSharedTerms

    @Option(name: .long, help: ArgumentHelp("Share of a story's rare-vocabulary weight a source must share to be its candidate (0 to 1).", valueName: "share"))
    var minWeightShare = RewriteCandidateIndex.Settings().minimumWeightShare

    @Flag(name: .long, help: "Allow links between two stories of the same outlet (off: an outlet's updates of its own story are not rewrites).")
    var sameOutlet = false

    @Option(name: .long, help: "Links per story: best (the best-ranked derived source) or all-derived (every source the report calls derived).")
    var links: RewriteLinker.Selection = .best

    @Flag(name: .long, help: "Do not match WordNet synonyms when aligning sentences (English; on by default when WordNet is installed).")
    var noSynonyms = false

    @Option(name: .long, help: "Threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        try ThreadCount.validate(threads)
        for (name, value) in [("--candidates-per-story", candidatesPerStory), ("--query-terms", queryTerms), ("--max-postings", maxPostings), ("--min-shared-terms", minSharedTerms)] where value < 1 {
            throw ValidationError("\(name) must be at least 1")
        }
        guard (0...1).contains(minWeightShare) else { throw ValidationError("--min-weight-share must be from 0 to 1") }
    }

    /// The library configuration these options describe.
    func configuration() throws -> RewriteDiscovery.Configuration {
        var configuration = RewriteDiscovery.Configuration()
        configuration.sketcher = RewriteSketcher(language: language)
        configuration.candidates = RewriteCandidateIndex.Settings(
            limit: candidatesPerStory, queryTerms: queryTerms, maximumPostings: maxPostings, minimumSharedTerms: minSharedTerms,
            minimumWeightShare: minWeightShare)
        configuration.sameOutlet = sameOutlet
        var analysis = RewriteAnalyzer.Configuration()
        analysis.language = language
        analysis.synonyms = !noSynonyms
        configuration.linker = RewriteLinker(analyzer: RewriteAnalyzer(configuration: analysis), selection: links)
        configuration.threads = ThreadCount.resolve(threads)
        return configuration
    }
}

extension RewriteLinker.Selection: ExpressibleByArgument {}
