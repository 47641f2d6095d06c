import Foundation
import Testing
@_spi(Fuzzing) import NearDup

/// Every input the fuzz targets of Fuzz/ crashed on (docs/FUZZING.md), kept with the invariant
/// it broke, so an ordinary `swift test` keeps them fixed.
@Suite struct FuzzFindingsTests {
    // MARK: JSONL reader (target jsonl)

    /// What the JSONL reader reports for `bytes`, read `chunkSize` bytes at a time.
    static func readJSONLines(_ bytes: [UInt8], limit: Int, chunkSize: Int) throws -> [String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-fuzz-\(UUID().uuidString).jsonl").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var events: [String] = []
        try CorpusReader(maximumDocumentBytes: limit).readJSONLines(
            descriptor: descriptor, path: "input.jsonl", chunkSize: chunkSize,
            document: { events.append("document \($0.id) \($0.location) \($0.text)") },
            problem: { events.append("problem \($0)") })
        return events
    }

    /// Crashes of the jsonl target (limit = input length / 3 + 1): with small chunks, a line of
    /// exactly the limit was skipped as too long, because the buffer reached the limit's size
    /// before the line's newline was read.
    static let lineAtTheLimit = [
        "eyKOaWQiJDoiYSJvcmxkezAuIiwidXJsIjoiaHR0cDovL3gi1N2R3cWkzs4yLjUifWUzLG51bGwsdHJ1ZV19DQoKICAJe2lkIjoieCLACnsiImRpOiJcdWxlAQAwanNvbgJ7ImlkIjoieCJ9CnsiaWQiOiJcdWRlMDAuIiwidXJsIjoiaHtiYWQganNvbgJ7ImlkIjoieCLACnsiImRpOiJcdWRlAQAwMC4iLCJ1cmwiOnR0cDovL3giLTAifQ==",
        "eyJpZCIAAAAAAAAAdWR1ZGUwMC4iLCJ1cmwiOiJodHRwOi8veCIsIm4iOlsxLDIuNWUzJSxudWxsLHRydWVdfQoKIAoNYmVyIGlkIn0Ke2JhZCBqc29uInsKaWQiOgp7ImlkIjoiY2Fmw6kiLCJ0ZXgAAAAAAAAAdCI6ImMKDWJlciBpZCJ9CntiYWQganNvbgp7ImlkIj4Ke2NpOiIiZCJhZsOpeyJpZCI6eyJpZCI7InMgbGF0aW4tMCJ9",
    ]

    @Test(arguments: lineAtTheLimit)
    func chunkSizeDoesNotChangeWhatIsRead(_ base64: String) throws {
        let bytes = [UInt8](Data(base64Encoded: base64)!)
        for limit in [64 << 20, bytes.count / 3 + 1] {
            let expected = try Self.readJSONLines(bytes, limit: limit, chunkSize: 1 << 20)
            for chunkSize in [1, 2, 3, 7, 64] {
                #expect(try Self.readJSONLines(bytes, limit: limit, chunkSize: chunkSize) == expected)
            }
        }
    }

    /// The same defect through the public API: a record of exactly `maximumDocumentBytes` (2 MiB,
    /// reached by doubling the default 1 MiB buffer) was skipped as too long.
    @Test func recordOfExactlyTheLimitIsRead() throws {
        let limit = 2 << 20
        let prefix = "{\"id\":\"edge\",\"text\":\"", suffix = "\"}"
        let line = prefix + String(repeating: "a", count: limit - prefix.utf8.count - suffix.utf8.count) + suffix
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-limit-\(UUID().uuidString).jsonl").path
        try (line + "\n" + line + "x").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var ids: [String] = [], problems: [CorpusProblem] = []
        try CorpusReader(maximumDocumentBytes: limit).read([path], document: { ids.append($0.id) }, problem: { problems.append($0) })
        #expect(ids == ["edge"])
        #expect(problems.map(\.location.line) == [2])  // one byte over the limit
    }

    /// The jsonl target's run of 7 December 2026 (issue 17): a stream starting with a UTF-16
    /// byte order mark (FE FF) and then JSON lines. The reader refuses such a stream whole, as
    /// documented (JSONL is UTF-8; the message names the iconv line), where the target's
    /// JSONSerialization comparison expected its later lines: the target now checks the refusal.
    @Test func aStreamStartingWithAUTF16ByteOrderMarkIsRefusedWhole() throws {
        let crash = "/v8QAHsiaWR+OiIAAAByRERERERERERERERERERERERERH9/f39hdGluLTEifURERERERERERERERERERERERERERERERERERERERERMRERERERERERERERERERERERERERERERERERERC94IiwibiI6WzEsMi41ZTMsbnVsbCx0cnVlXX0NCgogIAp7InRleHQiOiJubyBpZCJ9CnsiaWQiOiJ0ZXh0Y2F0aW4tMCJ9"
        let bytes = [UInt8](Data(base64Encoded: crash)!)
        for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
            let events = try Self.readJSONLines(bytes, limit: 64 << 20, chunkSize: chunkSize)
            #expect(events.count == 1)
            #expect(events.first?.hasPrefix("problem input.jsonl: skipped: JSONL in utf-16be (byte order mark)") == true, "\(events)")
        }
    }

    // MARK: Signature decoding (target signature)

    /// Nonzero reserved bytes 9-11 were accepted, and re-encoded as zeros: two byte strings
    /// decoded to one signature.
    static let reservedBytesSet = "TkRNSAEBAQIA9v8ABAAAAAEAAAAAAAAAAAAAAAAAAAD//////////////////////////////////////////w=="
    /// A set size of 0x7465_5300_0000_0000 was accepted, and `containment(in:)` trapped adding two.
    static let hugeSetSize = "TkRNSAEBAQIAAAAABAAAAAEAAAAAAAAAAAAAAABTZXT//////////////////////////////////////////w=="

    /// The findings as bytes of the current format version (they were found under format 1, and
    /// format 1 is now refused before the fields they are about are read).
    static func currentVersion(_ base64: String) -> [UInt8] {
        var bytes = [UInt8](Data(base64Encoded: base64)!)
        bytes[4] = Signature.formatVersion
        return bytes
    }

    @Test func binaryDecodingRefusesReservedBytesAndHugeSetSizes() throws {
        for (base64, field) in [(Self.reservedBytesSet, "reserved byte"), (Self.hugeSetSize, "set size")] {
            do {
                _ = try Signature(binaryEncoded: Self.currentVersion(base64))
                Issue.record("accepted the \(field) finding")
            } catch let error as NearDupError {
                #expect(error.code == .invalidEncoding)
                #expect(error.message.contains(field), "\(error.message)")
            }
        }
        var bytes = Self.currentVersion(Self.hugeSetSize)
        bytes.replaceSubrange(24..<32, with: [0, 0, 0, 0, 0, 0, 0x01, 0])  // exactly 2^48, the largest accepted
        let largest = try Signature(binaryEncoded: bytes)
        #expect(largest.setSize == Signature.maximumSetSize)
        #expect(try largest.containment(in: largest) == 1)
    }

    @Test func jsonDecodingRefusesHugeSetSizes() throws {
        let signature = MinHasher(MinHashConfiguration(permutations: 4)).signature(for: "one two three four five six")
        let json = String(decoding: try JSONEncoder().encode(signature), as: UTF8.self)
        for setSize in ["9223372036854775807", "\(Signature.maximumSetSize + 1)", "-1"] {
            let edited = json.replacingOccurrences(of: "\"set_size\":\(signature.setSize)", with: "\"set_size\":\(setSize)")
            #expect(edited != json)
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Signature.self, from: Data(edited.utf8)) }
        }
    }

    /// The largest set sizes a signature may carry (larger ones are refused when it is made).
    @Test func containmentOfEnormousSetSizesDoesNotOverflow() throws {
        let configuration = MinHashConfiguration(permutations: 2)
        let a = Signature(configuration: configuration, values: [1, 2], setSize: Signature.maximumSetSize)
        let b = Signature(configuration: configuration, values: [1, 3], setSize: Signature.maximumSetSize - 1)
        #expect(try a.containment(in: a) == 1)
        #expect((0...1).contains(try a.containment(in: b)))
    }

    // MARK: Index loader (target index)

    /// The index target recomputes checksums so that its mutations reach the record parsing:
    /// a record edited and resealed loads, and the same edit without resealing is refused.
    @Test func resealedIndexLoads() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-reseal-\(UUID().uuidString).ndx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let index = NearDuplicateIndex(configuration: MinHashConfiguration(permutations: 8, shingling: .words(2)), threshold: 0.5)
        index.insert(id: "a", text: "The council approved the new budget on Tuesday.")
        index.insert(id: "b", text: "The council approved the budget.")
        try index.write(to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let headerLength = Int(bytes[12]) | Int(bytes[13]) << 8
        bytes[headerLength + 16] ^= 0x01  // the first record's first compact signature value
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: NearDupError.self) { try NearDuplicateIndex(contentsOf: path) }
        IndexFileChecksums.reseal(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try NearDuplicateIndex(contentsOf: path).count == 2)
    }
}
