import Foundation
import NearDup
import Testing
@testable import NearDupDiscovery

/// A story whose text cannot be read (a scratch file on a failing disk) stops a discovery run
/// with an error naming it; the run does not end the process, and what it handed on before is
/// the beginning of what a run without the failure hands on, whole stories in order.
@Suite struct StoryReadFailureTests {
    /// Stories in memory, one of which fails to read from its `readsBeforeFailing + 1`-th read
    /// on, as a scratch file failing in the middle of a run would.
    final class FailingStories: StoryCollection, @unchecked Sendable {
        let stories: [StoryRecord]
        let failing: Int
        let readsBeforeFailing: Int
        private var reads = 0
        private let lock = NSLock()

        init(_ stories: [StoryRecord], failing: Int, readsBeforeFailing: Int) {
            self.stories = stories
            self.failing = failing
            self.readsBeforeFailing = readsBeforeFailing
        }

        var count: Int { stories.count }

        subscript(position: Int) -> StoryRecord {
            get throws(NearDupError) {
                if position == failing {
                    let read = lock.withLock {
                        reads += 1
                        return reads
                    }
                    if read > readsBeforeFailing { throw Self.error(stories[position].id) }
                }
                return stories[position]
            }
        }

        static func error(_ id: String) -> NearDupError { NearDupError(.ioError, "cannot read story \(id) back") }
    }

    /// The planted rewrites of DiscoveryMemoryTests: the first 25 stories as the sources.
    static let sources = Array(DiscoveryMemoryTests.archive.prefix(25))
    static let stories = Array(DiscoveryMemoryTests.archive.dropFirst(25))

    /// Small batches, so that a failure comes after whole batches of stories were judged.
    static func discovery(threads: Int, freshSources: Int = 3) -> RewriteDiscovery {
        var discovery = RewriteDiscovery()
        discovery.batching = .init(stories: batch, keptSources: 5, freshSources: freshSources)
        discovery.configuration.threads = threads
        return discovery
    }

    /// Stories whose candidates are found together.
    static let batch = 7

    /// A story that fails when it is read. Searched against sources given apart, a story is
    /// read once, for its sketch, candidates and report, a batch of stories at a time: the links
    /// of every batch before its own were handed on, and none of its batch or after; the error
    /// is the story's.
    @Test(arguments: [1, 2])
    func aStoryFailingWhenReadStopsTheRunAfterTheBatchesBefore(threads: Int) throws {
        let discovery = Self.discovery(threads: threads)
        let reference = try discovery.discover(stories: Self.stories, sources: Self.sources)
        let position = Dictionary(uniqueKeysWithValues: Self.stories.enumerated().map { ($1.id, $0) })
        let linked = reference.links.map { position[$0.story]! }
        // A story of a batch after the first, with a link in its batch before it and links in
        // the batches before.
        let failing = try #require(
            (Self.batch..<Self.stories.count).first { p in
                linked.contains { $0 < p && $0 / Self.batch == p / Self.batch } && linked.contains { $0 < p / Self.batch * Self.batch }
            })
        let expected = reference.links.filter { position[$0.story]! < failing / Self.batch * Self.batch }
        #expect(!expected.isEmpty && expected.count < reference.links.count, "not vacuous")

        let stories = FailingStories(Self.stories, failing: failing, readsBeforeFailing: 0)
        var handedOn: [RewriteLink] = []
        #expect(throws: FailingStories.error(Self.stories[failing].id)) {
            try discovery.discover(stories: stories, sources: Self.sources) { handedOn += $0 }
        }
        #expect(handedOn == expected)
        // Kept links: nothing is returned.
        let again = FailingStories(Self.stories, failing: failing, readsBeforeFailing: 0)
        #expect(throws: FailingStories.error(Self.stories[failing].id)) {
            try discovery.discover(stories: again, sources: Self.sources)
        }
    }

    /// A source failing when it is read for the report: what was handed on before is a run's
    /// beginning, whole stories only, and the error is the source's.
    @Test func aSourceFailingWhenReadForTheReportStopsTheRunBetweenStories() throws {
        let reference = try Self.discovery(threads: 2).discover(stories: Self.stories, sources: Self.sources)
        let ids = Self.sources.map(\.id)
        // The source of the last link: some stories are judged before it is needed.
        let failing = ids.firstIndex(of: reference.links.last!.source)!
        let sources = FailingStories(Self.sources, failing: failing, readsBeforeFailing: 1)
        var handedOn: [RewriteLink] = []
        #expect(throws: FailingStories.error(ids[failing])) {
            try Self.discovery(threads: 2).discover(stories: Self.stories, sources: sources) { handedOn += $0 }
        }
        #expect(!handedOn.isEmpty && handedOn.count < reference.links.count, "not vacuous")
        #expect(Array(reference.links.prefix(handedOn.count)) == handedOn)
        // Whole stories: the first link not handed on is of a story none of whose links was.
        let next = reference.links[handedOn.count]
        #expect(!handedOn.contains { $0.story == next.story })
    }

    /// A failure while the stories are sketched, before any is judged: nothing is handed on.
    @Test func aStoryFailingWhenSketchedStopsTheRunBeforeAnyLink() {
        let corpus = FailingStories(DiscoveryMemoryTests.archive, failing: 40, readsBeforeFailing: 0)
        var handedOn: [RewriteLink] = []
        #expect(throws: FailingStories.error(DiscoveryMemoryTests.archive[40].id)) {
            try Self.discovery(threads: 2).discover(corpus: corpus) { handedOn += $0 }
        }
        #expect(handedOn.isEmpty)
    }

    #if os(Linux)
    /// A real ``SpilledStories`` whose scratch file is cut short under it (through
    /// `/proc/self/fd`): the stories wholly before the cut read back, the others throw an error
    /// naming the story, its position, the scratch file and the offset; a run over it throws
    /// the first failing story's error instead of ending the process.
    @Test func aScratchFileCutShortThrowsAnErrorNamingTheStoryAndOffset() throws {
        let records = (0..<6).map { StoryRecord(id: "story-\($0)", text: String(repeating: "Word \($0) of a story. ", count: 40)) }
        let spilled = try SpilledStories()
        for record in records { try spilled.append(record) }
        #expect(try spilled[5] == records[5])  // writes the texts to the file
        let length = records[0].text.utf8.count  // each text has this length
        let descriptor = try #require(Self.descriptor(of: spilled.scratchPath))
        #expect(ftruncate(descriptor, off_t(2 * length + length / 2)) == 0)

        #expect(try spilled[1] == records[1])
        for position in 2..<6 {
            let error = try #require(throws: NearDupError.self) { try spilled[position] }
            #expect(error.code == .ioError)
            let offset = position * length
            #expect(error.message == """
                cannot read the text of story "story-\(position)" (position \(position)) back from the scratch file \
                \(spilled.scratchPath) (unlinked; in TMPDIR) at offset \(offset), \(length) bytes: \
                the file ends after \(max(0, 2 * length + length / 2 - offset)) of them
                """)
        }
        let error = try #require(throws: NearDupError.self) { try RewriteDiscovery().discover(corpus: spilled) }
        #expect(error.message.contains("\"story-2\" (position 2)"))
    }

    /// This process's descriptor of the unlinked file `path`.
    static func descriptor(of path: String) -> Int32? {
        let folder = "/proc/self/fd"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + name), target == path + " (deleted)" {
                return Int32(name)
            }
        }
        return nil
    }
    #endif
}
