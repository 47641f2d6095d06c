import NearDupCore


/// A read-only memory mapping of an index file's committed bytes, alive as long as an index
/// uses it.
final class IndexFileMapping: @unchecked Sendable {
    let base: UnsafeRawPointer
    let length: Int

    init(descriptor: Int32, path: String, length: Int) throws {
        base = try Syscalls.mapReadOnly(descriptor, length: length, context: "\(path): cannot map")
        self.length = length
    }

    deinit { Syscalls.unmap(base, length: length) }
}

/// Reading index files (format in ``IndexFileHeader``).
enum IndexFile {
    /// Bytes of a record with `fingerprints` fingerprints and an id of `idLength` bytes (a
    /// multiple of 8, so that every record and its fingerprints are 8-byte aligned).
    static func recordLength(k: Int, fingerprints: Int, idLength: Int) -> Int {
        16 + CompactSignature.storedBytes(k: k) + 8 * fingerprints + paddedIDLength(idLength) + 4
    }

    /// The id's bytes with the zero padding after them: the record's checksum then ends on a
    /// multiple of 8.
    static func paddedIDLength(_ idLength: Int) -> Int { ((idLength + 4 + 7) & ~7) - 4 }

    /// Reads the header of the open index file `path`.
    ///
    /// - Throws: ``NearDupError/Code/damagedIndex`` or ``NearDupError/Code/unsupportedFormat``.
    static func header(of descriptor: Int32, path: String) throws -> IndexFileHeader {
        var first = [UInt8](repeating: 0, count: 4096)
        let got = try first.withUnsafeMutableBytes {
            try Syscalls.read(descriptor, into: $0.baseAddress!, count: $0.count, at: 0, context: "\(path): cannot read")
        }
        return try first.withUnsafeBytes { try IndexFileHeader.decode(UnsafeRawBufferPointer(rebasing: $0[0..<got]), path: path) }
    }

    /// Maps the committed bytes of the open index file `path`.
    ///
    /// - Throws: ``NearDupError/Code/damagedIndex`` when the file is shorter than its header says.
    static func map(descriptor: Int32, path: String, header: IndexFileHeader) throws -> IndexFileMapping {
        let size = try Syscalls.status(of: descriptor, context: "\(path): cannot read its status").size
        guard size >= header.committedLength else {
            throw NearDupError(.damagedIndex, "\(path): damaged index: the file has \(size) bytes, its header promises \(header.committedLength)")
        }
        return try IndexFileMapping(descriptor: descriptor, path: path, length: Int(header.committedLength))
    }

    /// Checks every record of a mapped index file (lengths, checksum, count) and calls `body`
    /// with each. Every command that reads or appends to a file calls this first, so a damaged
    /// file is refused, never extended.
    ///
    /// - Throws: ``NearDupError/Code/damagedIndex`` naming the file and, for a damaged record,
    ///   its number and byte offset.
    /// - Complexity: O(committed bytes).
    static func checkRecords(
        in mapping: IndexFileMapping, path: String, header: IndexFileHeader,
        _ body: (_ id: String, _ setSize: Int, _ fingerprints: Int, _ wordOffset: Int) -> Void = { _, _, _, _ in }
    ) throws {
        let k = header.configuration.permutations
        let bytes = UnsafeRawBufferPointer(start: mapping.base, count: mapping.length)
        var offset = Int(IndexFileHeader.get(bytes, 12) as UInt32)  // the header length, checked by decode
        var number = 0
        while offset < mapping.length {
            number += 1
            func damaged(_ why: String) -> NearDupError {
                NearDupError(.damagedIndex, "\(path): damaged index: record \(number) at byte \(offset): \(why)")
            }
            guard offset + 20 <= mapping.length else { throw damaged("truncated") }
            let length = Int(IndexFileHeader.get(bytes, offset) as UInt32)
            let setSize = Int(IndexFileHeader.get(bytes, offset + 4) as UInt32)
            let fingerprints = Int(IndexFileHeader.get(bytes, offset + 8) as UInt32)
            let idLength = Int(IndexFileHeader.get(bytes, offset + 12) as UInt32)
            guard fingerprints <= length, idLength <= length,
                length == recordLength(k: k, fingerprints: fingerprints, idLength: idLength),
                offset + length <= mapping.length
            else { throw damaged("its length fields are inconsistent") }
            guard header.storesFingerprints || fingerprints == 0 else { throw damaged("fingerprints in an index without them") }
            let stored = IndexFileHeader.get(bytes, offset + length - 4) as UInt32
            let checksum = UInt32(truncatingIfNeeded: CBoundary.xxh3(mapping.base + offset, length - 4, seed: 0))
            guard stored == checksum else { throw damaged("its checksum does not match") }
            // Values, not only the checksum (issue 17): what the writer never writes is refused.
            // An exact index keeps every distinct shingle hash: as many as the set size.
            guard !header.storesFingerprints || setSize == UInt32.max || fingerprints == setSize else {
                throw damaged("\(fingerprints) fingerprints for a set of \(setSize) shingles in an index with exact verification")
            }
            let fingerprintStart = offset + 16 + CompactSignature.storedBytes(k: k)
            var previous: UInt64?
            for i in 0..<fingerprints {
                let value = IndexFileHeader.get(bytes, fingerprintStart + 8 * i) as UInt64
                if let previous, previous >= value {
                    throw damaged("its fingerprints are not ascending and unique (byte \(fingerprintStart + 8 * i))")
                }
                previous = value
            }
            let idStart = fingerprintStart + 8 * fingerprints
            guard let id = String(
                validating: UnsafeRawBufferPointer(rebasing: bytes[idStart..<(idStart + idLength)]), as: UTF8.self)
            else { throw damaged("its id (byte \(idStart)) is not valid UTF-8") }
            body(id, setSize, fingerprints, (offset + 16) / 4)
            offset += length
        }
        guard UInt64(number) == header.recordCount else {
            throw NearDupError(.damagedIndex, "\(path): damaged index: \(number) records, the header promises \(header.recordCount)")
        }
    }

    /// Maps `path` and indexes every record in it. Records are checked (length, checksum); the
    /// data stays in the mapping, so loading copies only ids and builds the band tables.
    ///
    /// - Parameter expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError`` naming the file and, for a damaged record, its number and byte offset.
    /// - Complexity: O(file size) to check, plus O(n·b) to index.
    static func load(_ path: String, expecting expected: MinHashConfiguration? = nil) throws -> (IndexFileHeader, IndexFileMapping, LSHIndex) {
        let descriptor = try Syscalls.open(path, .readOnly)
        defer { Syscalls.close(descriptor) }
        let header = try Self.header(of: descriptor, path: path)
        try header.checkConfiguration(expected, path: path)
        let mapping = try map(descriptor: descriptor, path: path, header: header)
        var index = LSHIndex(
            configuration: header.configuration, lsh: header.lsh, storesFingerprints: header.storesFingerprints,
            mapped: mapping.base.assumingMemoryBound(to: UInt32.self))
        try checkRecords(in: mapping, path: path, header: header) { id, setSize, fingerprints, wordOffset in
            index.insertMapped(id: id, setSize: setSize, fingerprintCount: fingerprints, wordOffset: wordOffset)
        }
        return (header, mapping, index)
    }
}

/// Recomputes the checksums of a possibly damaged index file's bytes (the header's, and each
/// record's as far as the record length fields chain), so the fuzz target's mutations (Fuzz/)
/// reach the record parsing instead of stopping at a checksum.
@_spi(Fuzzing)
public enum IndexFileChecksums {
    /// Reseals `bytes` in place; bytes that do not start like an index file are left alone.
    ///
    /// - Parameter bytes: the bytes of an index file, possibly damaged.
    public static func reseal(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { b in
            guard b.count >= IndexFileHeader.fixedLength, Array(b[0..<8]) == IndexFileHeader.magic else { return }
            let headerLength = Int(IndexFileHeader.get(UnsafeRawBufferPointer(b), 12) as UInt32)
            var offset = headerLength
            while offset >= IndexFileHeader.fixedLength, offset + 20 <= b.count {
                let length = Int(IndexFileHeader.get(UnsafeRawBufferPointer(b), offset) as UInt32)
                guard length >= 20, offset + length <= b.count else { break }
                let checksum = UInt32(truncatingIfNeeded: CBoundary.xxh3(b.baseAddress! + offset, length - 4, seed: 0))
                b.storeBytes(of: checksum.littleEndian, toByteOffset: offset + length - 4, as: UInt32.self)
                offset += length
            }
            guard headerLength >= IndexFileHeader.fixedLength, headerLength <= b.count else { return }
            b.storeBytes(of: 0, toByteOffset: 56, as: UInt64.self)
            let checksum = CBoundary.xxh3(b.baseAddress, headerLength, seed: 0)
            b.storeBytes(of: checksum.littleEndian, toByteOffset: 56, as: UInt64.self)
        }
    }
}
