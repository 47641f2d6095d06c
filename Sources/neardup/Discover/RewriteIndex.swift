import ArgumentParser
import Foundation
import NearDup

/// `index create --rewrites`, and `index add` / `index query` on the file it makes: a
/// ``RewriteArchive`` kept in a file, so that a pipeline can ask of each incoming story which
/// stored stories it was rewritten from, with the report's verdicts, across runs.
enum RewriteIndex {
    /// Reads the stories of `input` and writes a new archive of them at `path`.
    static func create(path: String, input: InputOptions) throws {
        try input.checkInputsExist()
        var reader = StoryRecordReader(input: input)
        let stories = try reader.read(input.inputs)
        let archive = RewriteArchive()
        for story in stories { try archive.insert(story) }
        try finish(archive, path: path, read: stories.count, skipped: reader.skipped)
    }

    /// Adds the stories of `input` to the archive at `path` (a story whose id is stored is
    /// skipped with a warning) and writes it back whole.
    static func add(path: String, input: InputOptions) throws {
        try input.checkInputsExist()
        let archive = try RewriteArchive(contentsOf: path)
        var reader = StoryRecordReader(input: input)
        let stories = try reader.read(input.inputs)
        var skipped = reader.skipped
        for story in stories {
            if archive.contains(id: story.id) {
                skipped += 1
                StandardError.write("neardup: skipped: \(JSONLine.quoted(story.id)) is already in \(path)")
                continue
            }
            try archive.insert(story)
        }
        try finish(archive, path: path, read: stories.count, skipped: skipped)
    }

    /// Writes one link line (as `discover` does) for every link of every story of `input`
    /// against the archive at `path`.
    static func query(path: String, input: InputOptions, output: String?, quiet: Bool) throws {
        try input.checkInputsExist()
        let archive = try RewriteArchive(contentsOf: path)
        var reader = StoryRecordReader(input: input)
        let stories = try reader.read(input.inputs)
        try StandardError.exitIfEveryInputSkipped(documents: stories.count + reader.skipped, skipped: reader.skipped, outputs: [output])
        let sink = try OutputSink(path: output)
        var linked = 0
        for story in stories {
            let links = archive.query(story)
            if !links.isEmpty { linked += 1 }
            for link in links { sink.write(RewriteLinkLine.render(link)) }
        }
        try sink.commit()
        if !quiet {
            StandardError.write("neardup: rewrite index of \(archive.count) stories: \(stories.count) queries, \(linked) rewritten from a stored story")
        }
        try StandardError.exitIfSkipped(reader.skipped)
    }

    /// A rewrite index keeps stories and their rewrite sketches, not MinHash signatures: an
    /// option of the near-duplicate index given for one is a usage error (64), not ignored.
    static func refuse(hashing: Bool, signatures: Bool, threshold: Double?, file: String) throws {
        let given = [(hashing, "hashing options"), (signatures, "--signatures"), (threshold != nil, "--threshold")].filter(\.0).map(\.1)
        guard !given.isEmpty else { return }
        StandardError.error("\(file) is a rewrite index (stories and their rewrite sketches); \(given.joined(separator: ", ")) belong to a near-duplicate index (index create without --rewrites)")
        throw ExitCode(64)
    }

    private static func finish(_ archive: RewriteArchive, path: String, read: Int, skipped: Int) throws {
        try StandardError.exitIfEveryInputSkipped(documents: read + skipped, skipped: skipped, outputs: [path])
        try archive.write(to: path)
        try StandardError.exitIfSkipped(skipped)
    }
}
