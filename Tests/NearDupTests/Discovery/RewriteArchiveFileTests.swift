import Foundation
import Testing
import NearDup

/// A ``RewriteArchive`` written to a file and read back answers every query as it did, keeps
/// its settings, and a file that is not an archive is refused naming the file and line.
@Suite struct RewriteArchiveFileTests {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("neardup-archive-\(UUID().uuidString)-\(name)").path
    }

    @Test func aReopenedArchiveAnswersAsTheOriginal() throws {
        var configuration = RewriteDiscovery.Configuration()
        configuration.candidates.limit = 7
        let archive = RewriteArchive(configuration: configuration)
        for source in RewriteDiscoveryTests.sources { try archive.insert(source) }
        let file = Self.path("a.ndr")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try archive.write(to: file)
        #expect(RewriteArchive.isArchiveFile(file))
        let reopened = try RewriteArchive(contentsOf: file)
        #expect(reopened.count == archive.count)
        #expect(reopened.configuration.candidates.limit == 7)
        for source in RewriteDiscoveryTests.sources { #expect(reopened.contains(id: source.id)) }
        var before: [RewriteLink] = [], after: [RewriteLink] = []
        for story in RewriteDiscoveryTests.stories {
            before += archive.query(story)
            after += reopened.query(story)
        }
        #expect(!before.isEmpty)
        #expect(after == before)
        // Stored dates and outlets survive: a story dated before its source is not linked to it.
        let copy = RewriteDiscoveryTests.stories.first { $0.id == "budget/verbatim" }!
        var earlier = copy
        earlier.date = "2024-04-30"
        #expect(reopened.query(earlier).isEmpty && !reopened.query(copy).isEmpty)
    }

    @Test func aFileThatIsNotAnArchiveIsRefusedNamingTheLine() throws {
        let file = Self.path("b.ndr")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "{\"id\":\"a\",\"text\":\"b\"}\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(!RewriteArchive.isArchiveFile(file))
        let notArchive = #expect(throws: NearDupError.self) { try RewriteArchive(contentsOf: file) }
        #expect(notArchive?.message.contains("\(file):1") == true)

        let archive = RewriteArchive()
        try archive.insert(RewriteDiscoveryTests.sources[0])
        try archive.write(to: file)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("{\"id\": 3}\n".utf8))
        try handle.close()
        let damaged = #expect(throws: NearDupError.self) { try RewriteArchive(contentsOf: file) }
        #expect(damaged?.message.contains("\(file):3") == true)

        let newer = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"format\":1", with: "\"format\":9")
        try newer.write(toFile: file, atomically: true, encoding: .utf8)
        let unknown = #expect(throws: NearDupError.self) { try RewriteArchive(contentsOf: file) }
        #expect(unknown?.code == .unsupportedFormat)
    }
}
