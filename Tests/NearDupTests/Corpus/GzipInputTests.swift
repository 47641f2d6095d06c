import Foundation
@_spi(Fuzzing) import NearDup
import Testing

/// Gzip input in the reading layer: the same documents as the plain bytes whatever the size of
/// the reads, and progress counted in compressed bytes.
@Suite struct GzipInputTests {
    static let lines = (0..<400).map { n in
        #"{"id": "d\#(n)", "text": "story \#(n) \#(String(repeating: "word\(n % 7) ", count: n % 23))", "n": \#(n)}"#
    }

    /// `text` written to a file, and the same compressed by gzip(1) as two members.
    static func files() throws -> (plain: URL, compressed: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-gz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var compressed = Data()
        for (part, slice) in [lines[..<150], lines[150...]].enumerated() {
            let url = folder.appendingPathComponent("part\(part)")
            try Data((slice.joined(separator: "\n") + "\n").utf8).write(to: url)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
            gzip.arguments = ["-n", url.path]
            try gzip.run()
            gzip.waitUntilExit()
            compressed += try Data(contentsOf: folder.appendingPathComponent("part\(part).gz"))
        }
        let plain = folder.appendingPathComponent("c.jsonl"), gz = folder.appendingPathComponent("c.jsonl.gz")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: plain)
        try compressed.write(to: gz)
        return (plain, gz)
    }

    static func read(_ url: URL, chunkSize: Int, reader: CorpusReader = CorpusReader()) throws -> [String] {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var out: [String] = []
        try reader.readJSONLines(
            descriptor: handle.fileDescriptor, path: "x", chunkSize: chunkSize,
            document: { out.append("\($0.id)|\($0.text)|\($0.otherFieldsJSON ?? "")") },
            problem: { out.append("problem: \($0)") })
        return out
    }

    @Test(arguments: [2, 3, 7, 64, 4096, 1 << 20])
    func gzipReadsAsThePlainBytesForAnyReadSize(_ chunkSize: Int) throws {
        let (plain, compressed) = try Self.files()
        let expected = try Self.read(plain, chunkSize: 1 << 20)
        #expect(expected.count == Self.lines.count)
        #expect(try Self.read(compressed, chunkSize: chunkSize) == expected)
    }

    @Test func progressCountsCompressedBytes() throws {
        let (_, compressed) = try Self.files()
        let counter = Counter()
        var reader = CorpusReader()
        reader.inputBytesRead = { counter.add($0) }
        var documents = 0
        try reader.read([compressed.path], document: { _ in documents += 1 }, problem: { Issue.record("\($0)") })
        #expect(documents == Self.lines.count)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: compressed.path)[.size] as? Int)
        #expect(counter.total == size)
    }

    @Test func textFileReadsGzip() throws {
        let (plain, compressed) = try Self.files()
        guard case .success(let text) = TextFile.read(path: compressed.path) else { Issue.record("not read"); return }
        #expect(text.text == (try String(contentsOf: plain, encoding: .utf8)))
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ n: Int) { lock.withLock { value += n } }
    var total: Int { lock.withLock { value } }
}
