import NearDupCore
import Foundation

/// The header of an index file (format version 3). All integers little-endian.
///
/// ```
/// offset  size  field
///      0     8  magic "NDUPINDX"
///      8     4  format version (3)
///     12     4  header length in bytes (64 + configuration JSON, padded to 8)
///     16     8  committed length: bytes of the file that hold complete records
///     24     8  record count
///     32     4  bands (b)            36  4  rows (r)
///     40     8  threshold (IEEE 754 double), the default for queries
///     48     4  flags: bit 0 = records carry shingle fingerprints (exact verification)
///     52     4  configuration JSON length
///     56     8  checksum: XXH3-64 (seed 0) of the header with this field zeroed
///     64     …  the MinHashConfiguration as JSON (sorted keys), zero-padded to 8
/// ```
///
/// Records follow the header back to back, each a multiple of 8 bytes:
///
/// ```
///      0     4  record length in bytes (all fields, checksum included)
///      4     4  set size (distinct shingles)
///      8     4  fingerprint count n (0 without fingerprints)
///     12     4  id length L in bytes
///     16   4·k  compact signature (ShingleFingerprints.compact of each MinHash value and its
///               slot), zero-padded to a multiple of 8
///        8·n   fingerprints: the 64-bit shingle hashes, ascending, unique
///          L   id (UTF-8), zero-padded so that the record ends on a multiple of 8
///          4   checksum: low 32 bits of XXH3-64 (seed 0) of the record before this field
/// ```
///
/// Format 1 (before issue 12) kept the low 32 bits of each MinHash value and of each shingle
/// hash, so one 32-bit collision made two unrelated one-shingle documents an exact match; it is
/// refused with a message asking for the index to be created again. Format 2 (before
/// signature format 2) stored MinHash values and shingle hashes made with the old word-shingle
/// combination (a second XXH3 call): queries signed now would not match them, so it is refused
/// the same way.
///
/// Appends write records after the committed length, sync, then rewrite the header with the
/// new committed length and count: bytes past the committed length (an interrupted append)
/// are ignored and overwritten by the next append.
struct IndexFileHeader: Equatable {
    static let magic = Array("NDUPINDX".utf8)
    static let version: UInt32 = 3
    static let fixedLength = 64

    var configuration: MinHashConfiguration
    var lsh: LSHParameters
    var threshold: Double
    var storesFingerprints: Bool
    var committedLength: UInt64 = 0
    var recordCount: UInt64 = 0

    var configurationJSON: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try! encoder.encode(configuration))
    }

    /// The encoded header, its length a multiple of 8.
    func encoded() -> [UInt8] {
        let json = configurationJSON
        let length = (Self.fixedLength + json.count + 7) & ~7
        var bytes = [UInt8](repeating: 0, count: length)
        bytes.replaceSubrange(0..<8, with: Self.magic)
        Self.put(Self.version, at: 8, in: &bytes)
        Self.put(UInt32(length), at: 12, in: &bytes)
        Self.put(committedLength == 0 ? UInt64(length) : committedLength, at: 16, in: &bytes)
        Self.put(recordCount, at: 24, in: &bytes)
        Self.put(UInt32(lsh.bands), at: 32, in: &bytes)
        Self.put(UInt32(lsh.rows), at: 36, in: &bytes)
        Self.put(threshold.bitPattern, at: 40, in: &bytes)
        Self.put(UInt32(storesFingerprints ? 1 : 0), at: 48, in: &bytes)
        Self.put(UInt32(json.count), at: 52, in: &bytes)
        bytes.replaceSubrange(64..<(64 + json.count), with: json)
        let checksum = bytes.withUnsafeBytes { CBoundary.xxh3($0.baseAddress, length, seed: 0) }
        Self.put(checksum, at: 56, in: &bytes)
        return bytes
    }

    /// Decodes and checks a header.
    ///
    /// - Throws: ``NearDupError/Code/damagedIndex`` naming `path` and what is wrong.
    static func decode(_ bytes: UnsafeRawBufferPointer, path: String) throws -> IndexFileHeader {
        func damaged(_ why: String) -> NearDupError {
            NearDupError(.damagedIndex, "\(path): not a usable NearDup index file: \(why)")
        }
        guard bytes.count >= fixedLength, Array(bytes[0..<8]) == magic else {
            throw damaged("it does not start with the index magic \"NDUPINDX\"")
        }
        let version: UInt32 = get(bytes, 8)
        guard version != 1 else {
            throw NearDupError(
                .unsupportedFormat,
                "\(path): index format version 1 (32-bit fingerprints, written before NearDup 0.2) is no longer read: its exact matches could be false; create the index again with neardup index create")
        }
        guard version != 2 else {
            throw NearDupError(
                .unsupportedFormat,
                "\(path): index format version 2 holds signatures and shingle hashes of signature format 1, which this build no longer computes (it reads index format \(Self.version)): create the index again with neardup index create")
        }
        guard version == Self.version else {
            throw NearDupError(.unsupportedFormat, "\(path): index format version \(version), this build reads version \(Self.version)")
        }
        let length = Int(get(bytes, 12) as UInt32)
        let jsonLength = Int(get(bytes, 52) as UInt32)
        guard length >= fixedLength + jsonLength, length <= bytes.count, length % 8 == 0 else {
            throw damaged("the header is truncated or damaged (byte 12)")
        }
        var copy = Array(bytes[0..<length])
        let stored: UInt64 = get(bytes, 56)
        for i in 56..<64 { copy[i] = 0 }
        let checksum = copy.withUnsafeBytes { CBoundary.xxh3($0.baseAddress, length, seed: 0) }
        guard checksum == stored else { throw damaged("the header checksum does not match (the header is damaged)") }
        guard let configuration = try? JSONDecoder().decode(
            MinHashConfiguration.self, from: Data(bytes[64..<(64 + jsonLength)]))
        else { throw damaged("the configuration (byte 64) does not decode") }
        let bands = Int(get(bytes, 32) as UInt32), rows = Int(get(bytes, 36) as UInt32)
        guard bands >= 1, rows >= 1, bands <= configuration.permutations, rows <= configuration.permutations,
            bands * rows <= configuration.permutations
        else {
            throw damaged("bands × rows (\(bands) × \(rows)) exceed k = \(configuration.permutations)")
        }
        // Values, not only the checksum: a header edited and resealed must not load as an
        // index that answers nothing (issue 17).
        let threshold = Double(bitPattern: get(bytes, 40))
        guard threshold.isFinite, threshold > 0, threshold <= 1 else {
            throw damaged("the threshold (byte 40) is \(threshold), not a similarity in (0, 1]")
        }
        let flags: UInt32 = get(bytes, 48)
        guard flags & ~1 == 0 else { throw damaged("unknown flags \(flags) (byte 48)") }
        var header = IndexFileHeader(
            configuration: configuration, lsh: LSHParameters(bands: bands, rows: rows),
            threshold: threshold, storesFingerprints: flags & 1 == 1)
        header.committedLength = get(bytes, 16)
        header.recordCount = get(bytes, 24)
        guard header.committedLength >= UInt64(length) else { throw damaged("the committed length is shorter than the header") }
        return header
    }

    /// Throws ``NearDupError/Code/incompatibleSignatures`` when `expected` is given and differs
    /// from the file's configuration.
    func checkConfiguration(_ expected: MinHashConfiguration?, path: String) throws {
        guard let expected, expected != configuration else { return }
        throw NearDupError(
            .incompatibleSignatures,
            "\(path) was written with another configuration: [\(configuration)], not [\(expected)]; "
                + "use the same shingling, permutations, seed, scheme and normalisation")
    }

    static func put<T: FixedWidthInteger>(_ value: T, at offset: Int, in bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<(offset + MemoryLayout<T>.size), with: $0) }
    }

    static func get<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
