import Foundation
import NearDup
@testable import NearDupIndex
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

    /// A new index file of the corpus's first `count` documents, and the corpus.
    static func fileOfFirst(_ count: Int) throws -> (String, [GeneratedDocument]) {
        let path = try temporaryPath()
        let documents = Array(corpus)
        try build(path, documents: documents[0..<count])
        return (path, documents)
    }

    @Test("a written index answers queries as the in-memory one did")
    func roundTrip() throws {
        let path = try Self.temporaryPath()
        let memory = NearDuplicateIndex()
        for document in Self.corpus { memory.insert(id: document.id, text: document.text) }
        try memory.write(to: path)
        let loaded = try NearDuplicateIndex(contentsOf: path)
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
        #expect(try NearDuplicateIndex(contentsOf: path).count == 70)
        try Self.build(path, documents: documents[70...], appending: true)
        let loaded = try NearDuplicateIndex(contentsOf: path)
        #expect(loaded.count == documents.count)
        let memory = NearDuplicateIndex()
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
            try NearDuplicateIndex(contentsOf: path, expecting: other)
        } throws: { error in
            let error = error as? NearDupError
            return error?.code == .incompatibleSignatures && error!.message.contains(path) && error!.message.contains("k=64")
        }
        #expect(throws: NearDupError.self) { try IndexBuilder(appendingTo: path, expecting: other) }
        #expect(try NearDuplicateIndex(contentsOf: path).count == 10, "the refused append must leave the file intact")
    }

    static func expectDamaged(_ path: String, mentioning words: [String]) {
        #expect {
            try NearDuplicateIndex(contentsOf: path)
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

    /// Issue 12, defect 4: `index add` used to append to a damaged file and succeed.
    @Test("an append to a damaged or truncated file is refused and leaves it as it was")
    func appendRefusesDamagedFiles() throws {
        let (path, documents) = try Self.fileOfFirst(20)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        for damaged in [flipped, bytes.prefix(bytes.count - 100)] {
            try damaged.write(to: URL(fileURLWithPath: path))
            #expect {
                try Self.build(path, documents: documents[20..<30], appending: true)
            } throws: { error in
                (error as? NearDupError)?.code == .damagedIndex && (error as! NearDupError).message.contains(path)
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == damaged, "the damaged file must not grow")
        }
        // The in-memory index's append checks the file too.
        try flipped.write(to: URL(fileURLWithPath: path))
        let memory = NearDuplicateIndex()
        memory.insert(id: "new", text: documents[25].text)
        #expect(throws: NearDupError.self) { try memory.append(to: path, ids: ["new"]) }
    }

    /// Issue 12, defect 4: a create during an add used to rename its file over the one the
    /// add was extending, silently dropping the add's records. Now the add waits for the
    /// create and appends to the new file.
    @Test("an append waiting for a create appends to the new file")
    func appendDuringCreate() throws {
        let (path, documents) = try Self.fileOfFirst(5)
        var create: IndexFileWriter? = try IndexFileWriter(creating: path, header: IndexFileHeader(
            configuration: .default, lsh: LSHParameters(threshold: 0.8, permutations: 128), threshold: 0.8,
            storesFingerprints: true))
        let finished = LockedFlag()
        let appender = Thread {
            do {
                try Self.build(path, documents: documents[10..<12], appending: true)
                finished.set()
            } catch {
                Issue.record("append failed: \(error)")
                finished.set()
            }
        }
        appender.start()
        usleep(300_000)
        #expect(!finished.get(), "the append must wait for the create")
        try create!.commit()
        create = nil  // releases the lock
        for _ in 0..<200 where !finished.get() { usleep(20_000) }
        let loaded = try NearDuplicateIndex(contentsOf: path)
        #expect(loaded.count == 2)
        #expect(loaded.contains(id: documents[10].id) && loaded.contains(id: documents[11].id))
    }

    @Test("error codes say what happened: a missing file, a folder, an old format")
    func errorCodes() throws {
        let path = try Self.temporaryPath()
        #expect { try NearDuplicateIndex(contentsOf: path) } throws: { ($0 as? NearDupError)?.code == .fileNotFound }
        #expect { try IndexBuilder(appendingTo: path) } throws: { ($0 as? NearDupError)?.code == .fileNotFound }
        let folder = (path as NSString).deletingLastPathComponent
        #expect { try IndexBuilder(creating: folder) } throws: { ($0 as? NearDupError)?.code == .isDirectory }
        try Self.build(path, documents: Array(Self.corpus)[0..<3])
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(original[8] == 3)
        for version: UInt8 in [1, 2] {  // 32-bit fingerprints; signature format 1
            var bytes = original
            bytes[8] = version
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect {
                try NearDuplicateIndex(contentsOf: path)
            } throws: { error in
                let error = error as? NearDupError
                return error?.code == .unsupportedFormat && error!.message.contains("index create")
                    && error!.message.contains("version \(version)") && error!.message.contains(path)
            }
        }
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
        #expect(try NearDuplicateIndex(contentsOf: path).count == 10)
        try Self.build(path, documents: documents[10..<20], appending: true)
        #expect(try NearDuplicateIndex(contentsOf: path).count == 20)
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

/// A flag set on one thread and read on another.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    func get() -> Bool { lock.withLock { value } }
}
