import Foundation
@testable import NearDup
import NearDupCorpusGenerator
import Testing

@Suite("Index file")
struct IndexFileTests {
    static let corpus = CorpusGenerator(.init(documents: 120, wordsPerDocument: 200, duplicateRate: 0.3, seed: 5))

    /// A fresh path in a fresh temporary folder.
    static func temporaryPath(_ name: String = "test.ndx") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    static func build(_ path: String, documents: ArraySlice<GeneratedDocument>, appending: Bool = false,
                      configuration: MinHashConfiguration = .default) throws {
        let builder = appending
            ? try IndexBuilder(appendingTo: path, expecting: configuration, threads: 2)
            : try IndexBuilder(creating: path, configuration: configuration, threads: 2)
        for document in documents { try builder.add(id: document.id, text: document.text) }
        try builder.finish()
    }

    @Test("a written index answers queries as the in-memory one did")
    func roundTrip() throws {
        let path = try Self.temporaryPath()
        let memory = Deduplicator()
        for document in Self.corpus { memory.insert(id: document.id, text: document.text) }
        try memory.write(to: path)
        let loaded = try Deduplicator(contentsOf: path)
        #expect(loaded.count == memory.count)
        #expect(loaded.configuration == memory.configuration)
        #expect(loaded.lsh == memory.lsh)
        for document in Self.corpus {
            #expect(loaded.query(document.text) == memory.query(document.text))
        }
    }

    @Test("the bulk builder writes what the in-memory index writes, and appends grow the file")
    func builderAndAppend() throws {
        let path = try Self.temporaryPath()
        let documents = Array(Self.corpus)
        try Self.build(path, documents: documents[0..<70])
        #expect(try Deduplicator(contentsOf: path).count == 70)
        try Self.build(path, documents: documents[70...], appending: true)
        let loaded = try Deduplicator(contentsOf: path)
        #expect(loaded.count == documents.count)
        let memory = Deduplicator()
        for document in documents { memory.insert(id: document.id, text: document.text) }
        for document in documents {
            let matches = loaded.query(document.text)
            #expect(matches == memory.query(document.text))
            #expect(matches.first?.id == document.id)
            #expect(matches.first?.jaccard == 1)
        }
    }

    @Test("a file of another configuration is refused, by name")
    func otherConfiguration() throws {
        let path = try Self.temporaryPath()
        try Self.build(path, documents: Array(Self.corpus)[0..<10])
        let other = MinHashConfiguration(permutations: 64)
        #expect {
            try Deduplicator(contentsOf: path, expecting: other)
        } throws: { error in
            let error = error as? NearDupError
            return error?.code == .incompatibleSignatures && error!.message.contains(path) && error!.message.contains("k=64")
        }
        #expect(throws: NearDupError.self) { try IndexBuilder(appendingTo: path, expecting: other) }
        #expect(try Deduplicator(contentsOf: path).count == 10, "the refused append must leave the file intact")
    }

    static func expectDamaged(_ path: String, mentioning words: [String]) {
        #expect {
            try Deduplicator(contentsOf: path)
        } throws: { error in
            guard let error = error as? NearDupError, error.code == .damagedIndex else { return false }
            return words.allSatisfy { error.message.contains($0) }
        }
    }

    @Test("a damaged record, a truncated file and a foreign file are refused with the place named")
    func damagedFiles() throws {
        let path = try Self.temporaryPath()
        try Self.build(path, documents: Array(Self.corpus)[0..<20])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))

        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        try flipped.write(to: URL(fileURLWithPath: path))
        Self.expectDamaged(path, mentioning: [path, "damaged", "record", "byte"])

        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: path))
        Self.expectDamaged(path, mentioning: [path, "damaged"])

        var header = bytes
        header[40] ^= 0x01  // the threshold: covered by the header checksum
        try header.write(to: URL(fileURLWithPath: path))
        Self.expectDamaged(path, mentioning: [path, "header"])

        try Data("{\"id\": 1}\n".utf8).write(to: URL(fileURLWithPath: path))
        Self.expectDamaged(path, mentioning: [path, "magic"])
    }

    @Test("bytes left by an interrupted append are ignored and overwritten by the next append")
    func interruptedAppend() throws {
        let path = try Self.temporaryPath()
        let documents = Array(Self.corpus)
        try Self.build(path, documents: documents[0..<10])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0xAB, count: 333))
        try handle.close()
        #expect(try Deduplicator(contentsOf: path).count == 10)
        try Self.build(path, documents: documents[10..<20], appending: true)
        #expect(try Deduplicator(contentsOf: path).count == 20)
    }

    @Test("a failed create leaves no file under the final name")
    func noHalfWrittenFile() throws {
        let path = try Self.temporaryPath()
        do {
            let builder = try IndexBuilder(creating: path, threads: 1)
            try builder.add(id: "a", text: "some text to index here")
            // No finish(): the builder goes away as if the run had failed.
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
