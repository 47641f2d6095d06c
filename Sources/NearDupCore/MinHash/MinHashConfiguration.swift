/// Everything that determines a signature's values. Two signatures can be compared only when
/// their configurations are equal; the configuration travels with every encoded signature.
public struct MinHashConfiguration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The scheme.
    public var scheme: MinHashScheme
    /// Number of values in a signature (k), from 1 to ``maximumPermutations``. The estimate's
    /// standard deviation is sqrt(J(1−J)/k): about 0.035 at J = 0.8 for k = 128.
    public let permutations: Int
    /// Seed of every hash: words, shingles and permutations.
    public var seed: UInt64
    /// What the shingles are.
    public var shingling: Shingling
    /// How words are normalised.
    public var normalization: Normalization

    /// Largest accepted k.
    public static let maximumPermutations = 65_536

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - scheme: how the k values are computed; one-permutation hashing by default.
    ///   - permutations: k, the number of values in a signature.
    ///   - seed: the seed of every hash (words, shingles, permutations).
    ///   - shingling: what the shingles are; word 5-grams by default.
    ///   - normalization: how words are normalised.
    /// - Precondition: `permutations` is in `1...maximumPermutations`.
    public init(
        scheme: MinHashScheme = .onePermutation, permutations: Int = 128, seed: UInt64 = Tokenizer.defaultSeed,
        shingling: Shingling = .default, normalization: Normalization = .standard
    ) {
        precondition((1...Self.maximumPermutations).contains(permutations), "permutations must be 1...65536")
        self.scheme = scheme
        self.permutations = permutations
        self.seed = seed
        self.shingling = shingling
        self.normalization = normalization
    }

    /// The defaults: one-permutation hashing, k = 128, seed 1, word 5-grams.
    public static let `default` = MinHashConfiguration()

    /// A short form for messages: `one-permutation, k=128, seed=1, words:5`.
    public var description: String {
        "\(scheme.rawValue), k=\(permutations), seed=\(seed), \(shingling)"
            + (normalization.foldsDiacritics ? ", diacritics folded" : "")
    }

    enum CodingKeys: String, CodingKey {
        case scheme, permutations, seed, shingling, normalization
    }

    /// Decodes a configuration, refusing a k out of range (a damaged or hostile file must not
    /// reach the hashing loops with k = 0).
    ///
    /// - Parameter decoder: a decoder holding the keys `scheme`, `permutations`, `seed`,
    ///   `shingling` and `normalization`.
    /// - Throws: `DecodingError` when a key is missing or invalid, or k is out of range.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let k = try c.decode(Int.self, forKey: .permutations)
        guard (1...Self.maximumPermutations).contains(k) else {
            throw DecodingError.dataCorruptedError(
                forKey: .permutations, in: c, debugDescription: "permutations must be 1...\(Self.maximumPermutations), not \(k)")
        }
        self.init(
            scheme: try c.decode(MinHashScheme.self, forKey: .scheme), permutations: k,
            seed: try c.decode(UInt64.self, forKey: .seed), shingling: try c.decode(Shingling.self, forKey: .shingling),
            normalization: try c.decode(Normalization.self, forKey: .normalization))
    }

    /// Throws ``NearDupError/Code/incompatibleSignatures`` unless `other` is equal.
    ///
    /// - Parameter other: the configuration of another signature or index.
    /// - Throws: ``NearDupError`` with code ``NearDupError/Code/incompatibleSignatures``, naming
    ///   both configurations, when they differ in any field.
    public func checkCompatible(with other: MinHashConfiguration) throws {
        guard self != other else { return }
        throw NearDupError(
            .incompatibleSignatures,
            "cannot compare signatures made with different configurations: [\(self)] and [\(other)]")
    }
}
