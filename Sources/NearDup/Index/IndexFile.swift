import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only memory mapping of an index file's committed bytes, alive as long as an index
/// uses it.
final class IndexFileMapping: @unchecked Sendable {
    let base: UnsafeRawPointer
    let length: Int

    init(path: String, length: Int) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw NearDupError(.ioError, "\(path): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw NearDupError(.ioError, "\(path): cannot map: \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(address)
        self.length = length
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), length) }
}

/// Reading index files (format in ``IndexFileHeader``).
enum IndexFile {
    /// Bytes of a record with `fingerprints` fingerprints and an id of `idLength` bytes.
    static func recordLength(k: Int, fingerprints: Int, idLength: Int) -> Int {
        16 + 4 * k + 4 * fingerprints + ((idLength + 3) & ~3) + 4
    }

    /// Reads the header of `path`.
    static func header(of path: String) throws -> IndexFileHeader {
        let handle = try FileHandleReader(path: path)
        defer { handle.close() }
        let first = try handle.read(at: 0, count: 4096)
        return try first.withUnsafeBytes { try IndexFileHeader.decode($0, path: path) }
    }

    /// Maps `path` and indexes every record in it. Records are checked (length, checksum); the
    /// data stays in the mapping, so loading copies only ids and builds the band tables.
    ///
    /// - Parameter expected: when given, a file written with another configuration is refused.
    /// - Throws: ``NearDupError`` naming the file and, for a damaged record, its number and byte offset.
    /// - Complexity: O(file size) to check, plus O(n·b) to index.
    static func load(_ path: String, expecting expected: MinHashConfiguration? = nil) throws -> (IndexFileHeader, IndexFileMapping, LSHIndex) {
        let header = try Self.header(of: path)
        try header.checkConfiguration(expected, path: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64 ?? 0
        guard size >= header.committedLength else {
            throw NearDupError(.invalidEncoding, "\(path): damaged index: the file has \(size) bytes, its header promises \(header.committedLength)")
        }
        let mapping = try IndexFileMapping(path: path, length: Int(header.committedLength))
        var index = LSHIndex(
            configuration: header.configuration, lsh: header.lsh, storesFingerprints: header.storesFingerprints,
            mapped: mapping.base.assumingMemoryBound(to: UInt32.self))
        let k = header.configuration.permutations
        let bytes = UnsafeRawBufferPointer(start: mapping.base, count: mapping.length)
        var offset = Int(IndexFileHeader.get(bytes, 12) as UInt32)  // the header length, checked by decode
        var number = 0
        while offset < mapping.length {
            number += 1
            func damaged(_ why: String) -> NearDupError {
                NearDupError(.invalidEncoding, "\(path): damaged index: record \(number) at byte \(offset): \(why)")
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
            let idStart = offset + 16 + 4 * (k + fingerprints)
            let id = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[idStart..<(idStart + idLength)]), as: UTF8.self)
            index.insertMapped(id: id, setSize: setSize, fingerprintCount: fingerprints, wordOffset: (offset + 16) / 4)
            offset += length
        }
        guard UInt64(number) == header.recordCount else {
            throw NearDupError(.invalidEncoding, "\(path): damaged index: \(number) records, the header promises \(header.recordCount)")
        }
        return (header, mapping, index)
    }
}

/// Positional reads of a file, for headers.
struct FileHandleReader {
    let descriptor: Int32
    let path: String

    init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        self.path = path
        guard descriptor >= 0 else { throw NearDupError(.ioError, "\(path): cannot open: \(String(cString: strerror(errno)))") }
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw NearDupError(.ioError, "\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            done += got
        }
        bytes.removeLast(count - done)
        return bytes
    }

    func close() { _ = Glibc.close(descriptor) }
}

/// Recomputes the checksums of a possibly damaged index file's bytes (the header's, and each
/// record's as far as the record length fields chain), so the fuzz target's mutations (Fuzz/)
/// reach the record parsing instead of stopping at a checksum.
@_spi(Fuzzing)
public enum IndexFileChecksums {
    /// Reseals `bytes` in place; bytes that do not start like an index file are left alone.
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
