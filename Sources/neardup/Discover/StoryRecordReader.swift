import Foundation
import NearDup

/// Reads the stories of `neardup discover` with the CLI's corpus reader: JSONL records
/// (`id`, `text`, optional `date` as YYYY-MM-DD, `outlet`, `url`), text files and folders.
/// Problems are reported on standard error with the file and line; duplicate ids keep the first.
struct StoryRecordReader {
    var input: InputOptions
    /// Inputs left out (unreadable, malformed, duplicate id), each already reported.
    private(set) var skipped = 0
    /// Ids read so far, across every call, with where each was first read.
    private var firstLocation: [String: String] = [:]

    init(input: InputOptions) { self.input = input }

    /// Every record of `paths`, in order.
    mutating func read(_ paths: [String]) throws -> [StoryRecord] {
        var records: [StoryRecord] = []
        try read(paths) { records.append($0) }
        return records
    }

    /// Reads `paths` into a ``SpilledStories``: the texts go to its scratch file, so an archive
    /// larger than memory can be read.
    mutating func spill(_ paths: [String]) throws -> SpilledStories {
        let stories = try SpilledStories()
        try read(paths) { try stories.append($0) }
        return stories
    }

    /// Reads `paths`, handing each story on in input order.
    mutating func read(_ paths: [String], story: (StoryRecord) throws -> Void) throws {
        var skipped = 0
        var firstLocation = self.firstLocation
        try input.reader(keepsRecords: false).read(paths) { document in
            if let first = firstLocation[document.id] {
                skipped += 1
                StandardError.write(
                    "neardup: \(document.location): skipped: duplicate id \(JSONLine.quoted(document.id)), first at \(first); the first is kept")
                return
            }
            firstLocation[document.id] = document.location.description
            var record = StoryRecord(id: document.id, text: document.text)
            if let metadata = document.recordMetadata {
                record.outlet = metadata.outlet
                record.url = metadata.url
                if let date = metadata.date {
                    if StoryRecord.isValidDate(date) {
                        record.date = date
                    } else {
                        StandardError.write("neardup: \(document.location): warning: date \(JSONLine.quoted(date)) is not YYYY-MM-DD; the story is read as undated")
                    }
                }
            }
            try story(record)
        } problem: { problem in
            if problem.severity == .skipped { skipped += 1 }
            StandardError.write("neardup: \(problem)")
        }
        self.skipped += skipped
        self.firstLocation = firstLocation
    }
}
