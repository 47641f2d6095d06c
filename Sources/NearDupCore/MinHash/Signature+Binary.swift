/// The stable binary form of a signature (format version 2), all integers little-endian:
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 4 | magic `NDMH` |
/// | 4 | 1 | format version (2) |
/// | 5 | 1 | scheme: 1 one-permutation, 2 classic |
/// | 6 | 1 | shingle unit: 1 words, 2 characters |
/// | 7 | 1 | shingle size n |
/// | 8 | 1 | normalisation flags: bit 0 diacritics folded |
/// | 9 | 3 | reserved, zero |
/// | 12 | 4 | k |
/// | 16 | 8 | seed |
/// | 24 | 8 | number of distinct shingles |
/// | 32 | 8·k | the k values |
///
/// The format version names the shingle hash too: version 2 combines the word hashes of a
/// word shingle into a polynomial modulo 2⁶⁴ finished by a 64-bit mixer, version 1 with a
/// second XXH3 call. Values of the two
/// cannot be compared, so version 1 is refused with ``NearDupError/Code/unsupportedFormat``,
/// asking for the documents to be signed again.
extension Signature {
    /// Bytes before the values.
    public static let binaryHeaderSize = 32
    static let magic: [UInt8] = Array("NDMH".utf8)
    /// The format version this build writes and reads (binary byte 4, JSON field `format`).
    public static let formatVersion: UInt8 = 2

    /// The error for a signature of another format version, `where` naming the field or offset.
    static func unsupportedVersion(_ version: Int, at location: String) -> NearDupError {
        if version < Int(formatVersion) {
            return NearDupError(
                .unsupportedFormat,
                "signature format version \(version) (\(location)) was made with an older shingle hash; this build makes and reads version \(formatVersion) only: sign the documents again (neardup sign)")
        }
        return NearDupError(
            .unsupportedFormat,
            "signature format version \(version) (\(location)) is newer than this build reads (version \(formatVersion)): use a newer NearDup")
    }

    /// The binary encoding.
    ///
    /// - Returns: 32 + 8·k bytes in format version 1 (see the table above).
    /// - Complexity: O(k).
    public func binaryEncoded() -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(Self.binaryHeaderSize + 8 * values.count)
        bytes += Self.magic
        bytes.append(Self.formatVersion)
        bytes.append(configuration.scheme == .onePermutation ? 1 : 2)
        bytes.append(configuration.shingling.unit == .words ? 1 : 2)
        bytes.append(UInt8(configuration.shingling.size))
        bytes.append(configuration.normalization.foldsDiacritics ? 1 : 0)
        bytes += [0, 0, 0]
        Self.appendLittleEndian(UInt32(values.count), to: &bytes)
        Self.appendLittleEndian(configuration.seed, to: &bytes)
        Self.appendLittleEndian(UInt64(setSize), to: &bytes)
        for value in values { Self.appendLittleEndian(value, to: &bytes) }
        return bytes
    }

    /// Decodes the binary form.
    ///
    /// - Parameter bytes: exactly the bytes ``binaryEncoded()`` wrote.
    /// - Throws: ``NearDupError/Code/invalidEncoding`` naming the offending field and offset;
    ///   ``NearDupError/Code/unsupportedFormat`` for another format version.
    /// - Complexity: O(k).
    public init<Bytes: Collection>(binaryEncoded bytes: Bytes) throws where Bytes.Element == UInt8 {
        let b = Array(bytes)
        func fail(_ what: String) -> NearDupError { NearDupError(.invalidEncoding, "signature: \(what)") }
        guard b.count >= Self.binaryHeaderSize else {
            throw fail("\(b.count) bytes, shorter than the \(Self.binaryHeaderSize)-byte header")
        }
        guard Array(b[0..<4]) == Self.magic else { throw fail("bad magic at offset 0 (expected NDMH)") }
        guard b[4] == Self.formatVersion else { throw Self.unsupportedVersion(Int(b[4]), at: "offset 4") }
        let scheme: MinHashScheme
        switch b[5] {
        case 1: scheme = .onePermutation
        case 2: scheme = .classic
        default: throw fail("unknown scheme \(b[5]) at offset 5")
        }
        let unit: Shingling.Unit
        switch b[6] {
        case 1: unit = .words
        case 2: unit = .characters
        default: throw fail("unknown shingle unit \(b[6]) at offset 6")
        }
        let size = Int(b[7])
        guard (1...Shingling.maximumSize).contains(size) else { throw fail("shingle size \(size) at offset 7") }
        guard b[8] <= 1 else { throw fail("unknown normalisation flags \(b[8]) at offset 8") }
        for offset in 9..<12 where b[offset] != 0 {
            throw fail("reserved byte at offset \(offset) is \(b[offset]), not 0")
        }
        let k = Int(Self.readLittleEndian(b, at: 12, as: UInt32.self))
        guard (1...MinHashConfiguration.maximumPermutations).contains(k) else {
            throw fail("k = \(k) at offset 12 is out of range")
        }
        guard b.count == Self.binaryHeaderSize + 8 * k else {
            throw fail("\(b.count) bytes, but k = \(k) needs \(Self.binaryHeaderSize + 8 * k)")
        }
        let seed = Self.readLittleEndian(b, at: 16, as: UInt64.self)
        let setSize = Self.readLittleEndian(b, at: 24, as: UInt64.self)
        let values = (0..<k).map { Self.readLittleEndian(b, at: Self.binaryHeaderSize + 8 * $0, as: UInt64.self) }
        if let problem = Self.setSizeProblem(setSize, values: values) { throw fail("\(problem) at offset 24") }
        self.init(
            configuration: MinHashConfiguration(
                scheme: scheme, permutations: k, seed: seed, shingling: Shingling(unit: unit, size: size),
                normalization: Normalization(foldsDiacritics: b[8] == 1)),
            values: values, setSize: Int(setSize))
    }

    static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes += $0 }
    }

    static func readLittleEndian<T: FixedWidthInteger>(_ bytes: [UInt8], at offset: Int, as: T.Type) -> T {
        var value: T = 0
        for i in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + i]) << (8 * i) }
        return value
    }
}
