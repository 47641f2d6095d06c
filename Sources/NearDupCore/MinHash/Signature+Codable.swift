import Foundation

/// The JSON form of a signature:
///
/// ```json
/// {"format": 2, "scheme": "one-permutation", "permutations": 128, "seed": 1, "shingling": "words:5",
///  "fold_diacritics": false, "set_size": 412, "hashvalues": "<base64>"}
/// ```
///
/// `format` is the binary form's format version (see ``Signature/init(binaryEncoded:)``): it
/// names the shingle hash. A signature without it was written before version 2 (format 1) and
/// is refused, as is any other version, with an error saying to sign the documents again.
/// `hashvalues` is the base64 of the k values as little-endian 64-bit integers (the same bytes
/// as the binary form after its header). Decoding checks every field and that the values are
/// exactly k, and that the set size is in range (``Signature/maximumSetSize``).
extension Signature: Codable {
    enum CodingKeys: String, CodingKey {
        case format, scheme, permutations, seed, shingling
        case foldDiacritics = "fold_diacritics"
        case setSize = "set_size"
        case hashValues = "hashvalues"
    }

    /// Decodes the JSON form.
    ///
    /// - Parameter decoder: a decoder holding the keys above (`fold_diacritics` may be absent:
    ///   false).
    /// - Throws: `DecodingError` when a key is missing or invalid, k is out of range,
    ///   `hashvalues` is not base64 of exactly 8·k bytes, or the set size cannot belong to the
    ///   values (over ``Signature/maximumSetSize``, or 0 with values other than `UInt64.max`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let format = c.contains(.format) ? try Self.integer(Int.self, .format, in: c) : 1
        guard format == Int(Self.formatVersion) else {
            let error = Self.unsupportedVersion(format, at: c.contains(.format) ? "field \"format\"" : "no field \"format\"")
            throw DecodingError.dataCorruptedError(forKey: .format, in: c, debugDescription: error.message)
        }
        let k = try Self.integer(Int.self, .permutations, in: c)
        guard (1...MinHashConfiguration.maximumPermutations).contains(k) else {
            throw DecodingError.dataCorruptedError(forKey: .permutations, in: c, debugDescription: "k out of range")
        }
        let configuration = MinHashConfiguration(
            scheme: try c.decode(MinHashScheme.self, forKey: .scheme), permutations: k,
            seed: try Self.integer(UInt64.self, .seed, in: c),
            shingling: try c.decode(Shingling.self, forKey: .shingling),
            normalization: Normalization(foldsDiacritics: try c.decodeIfPresent(Bool.self, forKey: .foldDiacritics) ?? false))
        let setSize = try Self.integer(UInt64.self, .setSize, in: c)
        let encoded = try c.decode(String.self, forKey: .hashValues)
        guard let data = Data(base64Encoded: encoded), data.count == 8 * k else {
            throw DecodingError.dataCorruptedError(
                forKey: .hashValues, in: c, debugDescription: "hashvalues must be base64 of exactly \(8 * k) bytes")
        }
        let bytes = [UInt8](data)
        let values = (0..<k).map { Self.readLittleEndian(bytes, at: 8 * $0, as: UInt64.self) }
        if let problem = Self.setSizeProblem(setSize, values: values) {
            throw DecodingError.dataCorruptedError(forKey: .setSize, in: c, debugDescription: problem)
        }
        self.init(configuration: configuration, values: values, setSize: Int(setSize))
    }

    /// Decodes the integer at `key`. JSONDecoder reports a negative, fractional or too large
    /// number ("set_size": -1, 1.5, 2^64) as "The given data was not valid JSON." with no
    /// field: this names the field and the range instead. A missing key stays `keyNotFound`.
    private static func integer<T: FixedWidthInteger & Decodable>(
        _ type: T.Type, _ key: CodingKeys, in c: KeyedDecodingContainer<CodingKeys>
    ) throws -> T {
        do {
            return try c.decode(T.self, forKey: key)
        } catch DecodingError.keyNotFound(let missing, let context) {
            throw DecodingError.keyNotFound(missing, context)
        } catch {
            let range = T.min == 0 ? "a whole number from 0 to \(T.max)" : "a whole number from \(T.min) to \(T.max)"
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "not \(range)")
        }
    }

    /// Encodes the JSON form.
    ///
    /// - Parameter encoder: the encoder to write the keys above to.
    /// - Throws: what the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Int(Self.formatVersion), forKey: .format)
        try c.encode(configuration.scheme, forKey: .scheme)
        try c.encode(configuration.permutations, forKey: .permutations)
        try c.encode(configuration.seed, forKey: .seed)
        try c.encode(configuration.shingling, forKey: .shingling)
        try c.encode(configuration.normalization.foldsDiacritics, forKey: .foldDiacritics)
        try c.encode(setSize, forKey: .setSize)
        try c.encode(hashValuesBase64, forKey: .hashValues)
    }

    /// The k values as base64 of little-endian 64-bit integers.
    public var hashValuesBase64: String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 * values.count)
        for value in values { Self.appendLittleEndian(value, to: &bytes) }
        return Data(bytes).base64EncodedString()
    }
}
