import Foundation
import Testing

/// Issue 18: `index add` and `index query` read the hashing settings from the index file; a
/// given option that contradicts the file is an error, a missing one is not. A query threshold
/// below the one the index was built for is warned about.
@Suite(.serialized) struct IndexSettingsCLITests {
    @Test func addAndQueryReadTheSettingsFromTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-index-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corpus = folder.appendingPathComponent("news.jsonl")
        try (#"{"id":"a","text":"the harbour council approved the new ferry timetable on monday after a long debate"}"# + "\n")
            .write(to: corpus, atomically: true, encoding: .utf8)
        let more = folder.appendingPathComponent("more.jsonl")
        try (#"{"id":"b","text":"the harbour council approved the new ferry timetable on monday after a long debate today"}"# + "\n")
            .write(to: more, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("archive.ndx").path
        var run = try CLITests.run(["index", "create", index, corpus.path, "--shingle", "words:3", "--seed", "7", "-q"])
        #expect(run.status == 0, "\(run.stderr)")

        // No hashing option: the file's are used.
        run = try CLITests.run(["index", "add", index, more.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLITests.run(["index", "query", index, corpus.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""id":"b""#), "\(run.stdout)")

        // Options that agree are accepted; one that contradicts the file is an error naming both.
        run = try CLITests.run(["index", "query", index, corpus.path, "--seed", "7", "--shingle", "words:3", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        run = try CLITests.run(["index", "query", index, corpus.path, "--seed", "8", "-q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--seed 8 contradicts") && run.stderr.contains("made with --seed 7"), "\(run.stderr)")
        run = try CLITests.run(["index", "add", index, more.path, "--shingle", "words:5", "-q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--shingle words:5 contradicts"), "\(run.stderr)")

        // A threshold below the index's: warned, not silent.
        run = try CLITests.run(["index", "query", index, corpus.path, "--threshold", "0.2", "-q"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("below the 0.8"), "\(run.stderr)")
    }
}
