import Testing
import NearDup
@testable import NearDupDiscovery

/// Discovery on ``RewriteCorpus``: three events, each a reference and six candidates. The
/// references are the sources; copies and light rewrites must link to their own event's
/// reference (the report calls them wholly derived), independent and unrelated stories to
/// nothing (the report calls them non-derived; see RewriteAccuracyTests).
@Suite struct RewriteDiscoveryTests {
    static let sources = RewriteCorpus.events.map { StoryRecord(id: "\($0.name)/reference", text: $0.reference, date: "2024-05-01", outlet: "wire") }
    static let stories = RewriteCorpus.events.flatMap { event in
        event.candidates.map { StoryRecord(id: "\(event.name)/\($0.kind)", text: $0.text, date: "2024-05-02", outlet: "paper") }
    }

    static func expected(_ kind: String) -> Bool? {
        switch kind {
        case "verbatim", "light": true
        case "independent", "unrelated": false
        default: nil  // heavy and partial: the report's known gap (RewriteAccuracyTests)
        }
    }

    @Test func storiesLinkToTheirOwnSourceAndIndependentOnesToNothing() throws {
        let result = try RewriteDiscovery().discover(stories: Self.stories, sources: Self.sources)
        #expect(result.stories == 18 && result.sources == 3)
        let linked = Dictionary(grouping: result.links, by: \.story)
        for story in Self.stories {
            let event = String(story.id.split(separator: "/")[0]), kind = String(story.id.split(separator: "/")[1])
            let links = linked[story.id] ?? []
            #expect(links.count <= 1, "\(story.id): one link per story by default")
            for link in links { #expect(link.source == "\(event)/reference", "\(story.id) linked to \(link.source)") }
            if let derived = Self.expected(kind) {
                #expect(!links.isEmpty == derived, "\(story.id): \(links.map { "\($0.source) \($0.verdict)" })")
            }
            if kind == "verbatim" { #expect(links.first?.verdict == .whollyDerived) }
        }
    }

    /// A link's report is the report's: the same verdict, score and passages as
    /// `RewriteAnalyzer.compare` on the pair, when the story has one source.
    @Test func aLinkCarriesTheReportOnThePair() throws {
        let story = Self.stories.first { $0.id == "fire/verbatim" }!
        let source = Self.sources.first { $0.id == "fire/reference" }!
        let link = try #require(try RewriteDiscovery().discover(stories: [story], sources: Self.sources).links.first)
        let direct = RewriteAnalyzer().compare(
            reference: ReportDocument(id: source.id, text: source.text), candidate: ReportDocument(id: story.id, text: story.text))
        #expect(link.sources == [source.id] && link.groupReport == nil)
        #expect(link.verdict == direct.verdict && link.score == direct.score && link.coverage == direct.coverage)
        #expect(link.report.passages == direct.passages)
    }

    /// All against all, with dates: the copy links to the earlier reference, never the reverse;
    /// undated, the smaller id is the source. Same-outlet links only with the flag.
    @Test func allAgainstAllOrientsLinksByDateThenID() throws {
        let reference = Self.sources[0]
        var copy = Self.stories.first { $0.id == "budget/verbatim" }!
        var discovery = RewriteDiscovery()
        var links = try discovery.discover(corpus: [copy, reference]).links
        #expect(links.map { "\($0.source)>\($0.story)" } == ["budget/reference>budget/verbatim"])

        // Dated the other way round, the copy is the source.
        copy.date = "2024-04-01"
        links = try discovery.discover(corpus: [copy, reference]).links
        #expect(links.map { "\($0.source)>\($0.story)" } == ["budget/verbatim>budget/reference"])

        // Undated: ordered by id ("budget/reference" < "budget/verbatim").
        let undated = [copy, reference].map { StoryRecord(id: $0.id, text: $0.text) }
        links = try discovery.discover(corpus: undated).links
        #expect(links.map { "\($0.source)>\($0.story)" } == ["budget/reference>budget/verbatim"])

        // One outlet: no link unless same-outlet links are allowed.
        let sameOutlet = undated.map { StoryRecord(id: $0.id, text: $0.text, outlet: "wire") }
        #expect(try discovery.discover(corpus: sameOutlet).links.isEmpty)
        discovery.configuration.sameOutlet = true
        #expect(try discovery.discover(corpus: sameOutlet).links.count == 1)
    }

    @Test func theResultDoesNotDependOnTheThreads() throws {
        var one = RewriteDiscovery()
        one.configuration.threads = 1
        var two = RewriteDiscovery()
        two.configuration.threads = 2
        let corpus = Self.sources + Self.stories
        #expect(try one.discover(corpus: corpus).links == two.discover(corpus: corpus).links)
    }

    @Test func allDerivedKeepsEverySourceOfADerivedStory() throws {
        // Two copies of the reference as sources: the story retells both.
        let reference = Self.sources[1]
        let sources = [reference, StoryRecord(id: "fire/reference-again", text: reference.text, date: reference.date, outlet: "wire2")]
        let story = Self.stories.first { $0.id == "fire/light" }!
        var discovery = RewriteDiscovery()
        let best = try discovery.discover(stories: [story], sources: sources).links
        #expect(best.count == 1)
        #expect(best.first?.sources.sorted() == ["fire/reference", "fire/reference-again"])
        discovery.configuration.linker.selection = .allDerived
        let all = try discovery.discover(stories: [story], sources: sources).links
        #expect(Set(all.map(\.source)) == ["fire/reference", "fire/reference-again"])
    }

    /// The linker runs the whole report only on pairs with an aligned sentence or a verbatim run;
    /// its links are those of the rule applied to every pair's full report (steps 1 to 3 of
    /// ``RewriteLinker``, written out here from ``RewriteLinker/judge(story:sources:)``).
    @Test func passingOverPairsThatDeriveNothingKeepsEveryLink() {
        let linker = RewriteLinker()
        let everyEvent = Self.sources.map { (record: $0, weight: 1.0) }
        var linked = 0
        for story in Self.stories + Self.sources {
            let judged = linker.judge(story: story, sources: everyEvent)
            var expected: [RewriteLink] = []
            let strongest = judged.map(\.report.evidence.derivedSentences).max() ?? 0
            var group = judged.filter { $0.report.evidence.derivedSentences > 0 }.sorted(by: RewriteLinker.ranksBefore)
            let enoughAlone = strongest >= RewriteLinker.minimumDerivedSentences || judged.contains(where: \.isDerived)
            if !group.isEmpty, enoughAlone || group.count > 1 {
                var enoughTogether = false
                if group.count > 1 {
                    let joined = group.map(\.source).sorted().map { id in everyEvent.first { $0.record.id == id }!.record.text }
                    let together = linker.analyzer.compare(
                        reference: ReportDocument(id: group.map(\.source).joined(separator: " + "), text: joined.joined(separator: "\n\n")),
                        candidate: ReportDocument(id: story.id, text: story.text))
                    for i in group.indices { group[i].groupReport = together }
                    enoughTogether = together.evidence.derivedSentences >= RewriteLinker.minimumDerivedSentences
                }
                // Sources that each give one sentence link only when together they give two.
                if enoughAlone || enoughTogether, group[0].isDerived { expected = [group[0]] }
            }
            let links = linker.links(story: story, sources: everyEvent)
            #expect(links.map(\.source) == expected.map(\.source), "\(story.id)")
            #expect(links.map(\.verdict) == expected.map(\.verdict), "\(story.id)")
            #expect(links.map(\.score) == expected.map(\.score), "\(story.id)")
            #expect(links.map(\.report.passages) == expected.map(\.report.passages), "\(story.id)")
            linked += links.count
        }
        // Not vacuous: stories link, and most pairs (other events' sources) derive nothing.
        #expect(linked >= 9)
    }
}
