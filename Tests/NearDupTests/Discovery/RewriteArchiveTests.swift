import Testing
import NearDup

@Suite struct RewriteArchiveTests {
    @Test func aQueryAnswersWhatDiscoverAnswers() throws {
        let archive = RewriteArchive()
        for source in RewriteDiscoveryTests.sources { try archive.insert(source) }
        #expect(archive.count == 3 && archive.contains(id: "fire/reference"))
        let batch = try RewriteDiscovery().discover(stories: RewriteDiscoveryTests.stories, sources: RewriteDiscoveryTests.sources)
        var fromQueries: [RewriteLink] = []
        for story in RewriteDiscoveryTests.stories { fromQueries += archive.query(story) }
        #expect(fromQueries == batch.links)
        #expect(!fromQueries.isEmpty)
    }

    @Test func storedStoriesAreSourcesButNeverOfThemselvesOrLaterOnes() throws {
        let archive = RewriteArchive()
        let reference = RewriteDiscoveryTests.sources[0]
        try archive.insert(reference)
        #expect(archive.query(reference).isEmpty)
        let copy = RewriteDiscoveryTests.stories.first { $0.id == "budget/verbatim" }!
        #expect(archive.query(copy).map(\.source) == [reference.id])
        var earlier = copy
        earlier.date = "2024-04-30"
        #expect(archive.query(earlier).isEmpty)
        #expect(throws: NearDupError.self) { try archive.insert(reference) }
    }
}
