import Foundation
@_spi(Fuzzing) import NearDup
import Testing

/// Issue 17, item 19: an index file edited so that its checksums still match (resealed) but
/// holding values the writer never writes was accepted and answered nothing. The loader checks
/// values, not only sums, and names the byte.
@Suite("Index file values")
struct IndexFileValuesTests {
    static let texts = (0..<12).map { "story \($0) about the council budget, the roads and the schools of district \($0 * 7)" }

    /// A fresh index file of the texts, with `verification`.
    static func file(_ verification: Verification) throws -> (String, [UInt8]) {
        let path = try IndexFileTests.temporaryPath()
        let builder = try IndexBuilder(creating: path, verification: verification, threads: 1)
        for (i, text) in texts.enumerated() { try builder.add(id: "d\(i)", text: text) }
        try builder.finish()
        return (path, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Writes `bytes` with their checksums recomputed, and expects the load to be refused as
    /// damaged with every one of `words` in the message.
    static func expectRefused(_ bytes: [UInt8], at path: String, mentioning words: [String]) throws {
        var sealed = bytes
        IndexFileChecksums.reseal(&sealed)
        try Data(sealed).write(to: URL(fileURLWithPath: path))
        #expect {
            try NearDuplicateIndex(contentsOf: path)
        } throws: { error in
            guard let error = error as? NearDupError, error.code == .damagedIndex else { return false }
            return words.allSatisfy { error.message.contains($0) }
        }
    }

    @Test("a threshold of NaN, 5, infinity, 0 or -1 is refused naming byte 40", arguments: [Double.nan, 5, .infinity, 0, -1])
    func threshold(_ value: Double) throws {
        let (path, bytes) = try Self.file(.exact)
        #expect(try NearDuplicateIndex(contentsOf: path).query(Self.texts[3]).first?.id == "d3")
        var edited = bytes
        withUnsafeBytes(of: value.bitPattern.littleEndian) { edited.replaceSubrange(40..<48, with: $0) }
        try Self.expectRefused(edited, at: path, mentioning: [path, "threshold", "byte 40"])
    }

    @Test("the exact flag on an estimate index is refused naming the record and byte")
    func exactFlagOnAnEstimateIndex() throws {
        let (path, bytes) = try Self.file(.estimate)
        #expect(try NearDuplicateIndex(contentsOf: path).query(Self.texts[3]).first?.id == "d3")
        var edited = bytes
        edited[48] |= 1
        try Self.expectRefused(edited, at: path, mentioning: [path, "record 1", "byte", "fingerprints"])
    }

    @Test("unknown flag bits are refused naming byte 48")
    func unknownFlags() throws {
        let (path, bytes) = try Self.file(.exact)
        var edited = bytes
        edited[48] |= 4
        try Self.expectRefused(edited, at: path, mentioning: [path, "flags", "byte 48"])
    }

    @Test("fingerprints out of order and an id that is not UTF-8 are refused naming the record")
    func recordValues() throws {
        let (path, bytes) = try Self.file(.exact)
        let headerLength = Int(bytes[12]) | Int(bytes[13]) << 8
        let k = MinHashConfiguration.default.permutations
        // The first record's first two fingerprints swapped.
        let fingerprints = headerLength + 16 + CompactSignature.storedBytes(k: k)
        var swapped = bytes
        let first = Array(bytes[fingerprints..<(fingerprints + 8)]), second = Array(bytes[(fingerprints + 8)..<(fingerprints + 16)])
        swapped.replaceSubrange(fingerprints..<(fingerprints + 8), with: second)
        swapped.replaceSubrange((fingerprints + 8)..<(fingerprints + 16), with: first)
        try Self.expectRefused(swapped, at: path, mentioning: [path, "record 1", "ascending"])

        let setSize = Int(bytes[headerLength + 4]) | Int(bytes[headerLength + 5]) << 8
        let idStart = fingerprints + 8 * setSize
        #expect(Array(bytes[idStart..<(idStart + 2)]) == Array("d0".utf8))
        var badID = bytes
        badID[idStart] = 0xFF
        try Self.expectRefused(badID, at: path, mentioning: [path, "record 1", "UTF-8"])
    }
}
