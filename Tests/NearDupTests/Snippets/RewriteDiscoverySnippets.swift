// The Swift snippets of Sources/NearDup/NearDup.docc/RewritesAcrossAnArchive.md, verbatim:
// see SnippetTests.swift.
import NearDup
import Testing

enum RewriteDiscoverySnippets {
    static let wireCopy = """
        A cargo ship ran aground off the coast of Pellmouth on Tuesday morning, spilling diesel into the bay.

        The coastguard said the vessel, the Marisol Star, struck a sandbank shortly after six o'clock while heading for the port of Ardrey.

        All fourteen crew members were lifted off by helicopter and taken to hospital as a precaution.
        """
    static let paperStory = """
        A cargo ship ran aground off Pellmouth on Tuesday, spilling diesel into the bay.

        The Marisol Star struck a sandbank shortly after six o'clock while heading for Ardrey, the coastguard said.

        Its fourteen crew members were lifted off by helicopter and taken to hospital as a precaution.
        """

    /// The article's RewriteArchive: the archive in a pipeline.
    static func archive() throws {
        let wireCopy = Self.wireCopy, paperStory = Self.paperStory
        // Snippet begin: Sources/NearDup/NearDup.docc/RewritesAcrossAnArchive.md
        let archive = RewriteArchive()
        try archive.insert(StoryRecord(id: "wire-1", text: wireCopy, date: "2024-03-05", outlet: "wire"))
        let links = archive.query(StoryRecord(id: "paper-1", text: paperStory, date: "2024-03-06", outlet: "paper"))
        for link in links {
            print(link.source, link.verdict, link.score, link.coverage)   // wire-1 wholly-derived 1.0 …
        }
        // Snippet end
        #expect(links.map(\.source) == ["wire-1"])
        #expect(links.first?.verdict == .whollyDerived && links.first?.score == 1.0)
    }

    /// The article's overview: a batch run, then the stages one by one.
    static func batch() throws {
        let wire = [StoryRecord(id: "wire-1", text: wireCopy, date: "2024-03-05", outlet: "wire")]
        let papers = [StoryRecord(id: "paper-1", text: paperStory, date: "2024-03-06", outlet: "paper")]
        // Snippet begin: Sources/NearDup/NearDup.docc/RewritesAcrossAnArchive.md
        let discovery = RewriteDiscovery()
        let result = try discovery.discover(stories: papers, sources: wire)
        for link in result.links {
            print(link.story, "<-", link.source, link.verdict, link.score, link.sources)
        }
        // Snippet end
        // Snippet begin: Sources/NearDup/NearDup.docc/RewritesAcrossAnArchive.md
        var index = RewriteCandidateIndex()
        for sketch in discovery.sketch(wire) { index.insert(sketch) }
        let candidates = discovery.candidates(for: discovery.sketch(papers), in: index, rule: LinkRule(ordersByID: false))
        let links = discovery.link(papers.indices.map { i in
            (papers[i], candidates[i].map { (wire[$0.source], $0.weight) })
        })
        // Snippet end
        #expect(result.links.map(\.source) == ["wire-1"])
        #expect(links.flatMap { $0 } == result.links)
    }

    /// The article's archive larger than memory: texts in a scratch file, links as found.
    static func spilled() throws {
        let discovery = RewriteDiscovery()
        let stories = [
            StoryRecord(id: "wire-1", text: wireCopy, date: "2024-03-05", outlet: "wire"),
            StoryRecord(id: "paper-1", text: paperStory, date: "2024-03-06", outlet: "paper"),
        ]
        var found: [RewriteLink] = []
        // Snippet begin: Sources/NearDup/NearDup.docc/RewritesAcrossAnArchive.md
        let archive = try SpilledStories()
        for story in stories { try archive.append(story) }
        let summary = try discovery.discover(corpus: archive) { links in
            for link in links { print(link.story, "<-", link.source, link.verdict) }
            found += links
        }
        print(summary.stories, "stories,", summary.candidatePairs, "pairs judged,", summary.links, "links")
        // Snippet end
        #expect(found.map(\.source) == ["wire-1"] && summary.links == 1)
    }
}

@Suite struct RewriteDiscoverySnippetRuns {
    @Test func theArchiveSnippetRuns() throws { try RewriteDiscoverySnippets.archive() }
    @Test func theBatchSnippetRuns() throws { try RewriteDiscoverySnippets.batch() }
    @Test func theSpilledSnippetRuns() throws { try RewriteDiscoverySnippets.spilled() }
}
