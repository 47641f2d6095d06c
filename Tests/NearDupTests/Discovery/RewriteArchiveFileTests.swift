import Foundation
import Testing
import NearDup

/// A ``RewriteArchive`` written to a file and read back answers every query as it did, keeps
/// its settings, and a file that is not an archive is refused naming the file and line.
@Suite struct RewriteArchiveFileTests {
    static func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("neardup-archive-\(UUID().uuidString)-\(name)").path
    }

    /// `reopened` links every story of ``RewriteDiscoveryTests`` as `archive` does, and some.
    static func expectSameAnswers(_ archive: RewriteArchive, _ reopened: RewriteArchive) throws {
        var before: [RewriteLink] = [], after: [RewriteLink] = []
        for story in RewriteDiscoveryTests.stories {
            before += archive.query(story)
            after += reopened.query(story)
        }
        #expect(!before.isEmpty)
        #expect(after == before)
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
        try Self.expectSameAnswers(archive, reopened)
        // Stored dates and outlets survive: a story dated before its source is not linked to it.
        let copy = RewriteDiscoveryTests.stories.first { $0.id == "budget/verbatim" }!
        var earlier = copy
        earlier.date = "2024-04-30"
        #expect(reopened.query(earlier).isEmpty && !reopened.query(copy).isEmpty)
    }

    /// A file of format 1 (whose terms hashed stems otherwise) or 2 (whose sketches held no stem
    /// pairs) is read by sketching its stories again: its stored terms are not used, so a
    /// reopened one answers as the original.
    @Test(arguments: [1, 2]) func anArchiveOfAnEarlierFormatIsSketchedAgain(format: Int) throws {
        let archive = RewriteArchive()
        for source in RewriteDiscoveryTests.sources { try archive.insert(source) }
        let file = Self.path("v\(format).ndr")
        defer { try? FileManager.default.removeItem(atPath: file) }
        try archive.write(to: file)
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = lines[0].replacingOccurrences(of: "\"format\":\(RewriteArchive.fileFormat)", with: "\"format\":\(format)")
        // Terms no sketch of today holds, as an earlier format's would be.
        for i in lines.indices.dropFirst() {
            lines[i] = lines[i].replacingOccurrences(of: #""terms":\[[0-9,]*\]"#, with: #""terms":[1,2,3]"#, options: .regularExpression)
            #expect(lines[i].contains(#""terms":[1,2,3]"#))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let reopened = try RewriteArchive(contentsOf: file)
        try Self.expectSameAnswers(archive, reopened)
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

        let newer = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"format\":\(RewriteArchive.fileFormat)", with: "\"format\":9")
        try newer.write(toFile: file, atomically: true, encoding: .utf8)
        let unknown = #expect(throws: NearDupError.self) { try RewriteArchive(contentsOf: file) }
        #expect(unknown?.code == .unsupportedFormat)
    }
}
