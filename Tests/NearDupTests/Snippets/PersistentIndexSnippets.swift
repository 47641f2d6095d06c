// The Swift snippets of Sources/NearDup/NearDup.docc/PersistentIndex.md, verbatim: see
// SnippetTests.swift.
import Foundation
import NearDup
import Testing

enum PersistentIndexSnippets {
    /// "Overview": the index in memory.
    static func inMemory() {
        // Snippet begin: Sources/NearDup/NearDup.docc/PersistentIndex.md
        let index = NearDuplicateIndex(threshold: 0.8)          // exact verification, 18 bands × 6 rows
        index.insert(id: "story-1", text: "The city council approved the new budget on Monday after a long debate about schools.")
        // One word more: 11 of 12 distinct 5-word shingles shared, Jaccard 0.917.
        let matches = index.query("The city council approved the new budget on Monday after a long debate about schools today.")
        for match in matches {
            print(match.id, match.estimate, match.jaccard ?? match.estimate)   // most similar first
        }
        index.remove(id: "story-1")
        // Snippet end
        #expect(index.verification == .exact && index.lsh == LSHParameters(bands: 18, rows: 6))
        #expect(matches.map(\.id) == ["story-1"])
        #expect(abs((matches.first?.jaccard ?? 0) - 11.0 / 12) < 1e-12)   // 0.917
        #expect(index.count == 0)
    }

    /// "Overview": to a file and back (it writes a file: compiled, not run).
    static func toAFile() throws {
        let index = NearDuplicateIndex(threshold: 0.8)   // the article's previous block
        // Snippet begin: Sources/NearDup/NearDup.docc/PersistentIndex.md
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archive.ndx").path
        try index.write(to: path)                                   // temporary file, then rename
        let reopened = try NearDuplicateIndex(contentsOf: path, expecting: index.configuration)
        print(reopened.count)
        // Snippet end
    }

    /// "Overview": bulk building (it writes a file: compiled, not run).
    static func bulkBuilding() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/PersistentIndex.md
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bulk.ndx").path
        let builder = try IndexBuilder(creating: path, threshold: 0.8)
        try builder.add(id: "story-1", text: "The city council approved the new budget on Monday.")
        try builder.add(id: "story-2", text: "Heavy rain flooded several streets in the old town overnight.")
        try builder.finish()                                        // nothing is at `path` until this returns

        let more = try IndexBuilder(appendingTo: path)
        try more.add(id: "story-3", text: "The national football team won its qualifying match.")
        try more.finish()
        // Snippet end
    }
}
