/// A document's MinHash signature: k 64-bit values, the configuration that made them, and the
/// number of distinct shingles of the document (for containment estimates).
public struct Signature: Sendable, Hashable {
    /// The configuration the values were computed with.
    public let configuration: MinHashConfiguration
    /// The k values. `UInt64.max` in every slot means the document had no shingle.
    public let values: [UInt64]
    /// Number of distinct shingles of the document (|A|).
    public let setSize: Int

    /// A signature from its parts.
    ///
    /// - Precondition: `values.count == configuration.permutations`.
    public init(configuration: MinHashConfiguration, values: [UInt64], setSize: Int) {
        precondition(values.count == configuration.permutations, "a signature needs k values")
        self.configuration = configuration
        self.values = values
        self.setSize = setSize
    }

    /// The largest set size the decoders accept: 2^53, where `Double` stops counting exactly; no
    /// document has that many shingles.
    static let maximumSetSize = 1 << 53

    /// Whether the document had no shingle at all.
    public var isEmpty: Bool { setSize == 0 }

    /// The MinHash estimate of the Jaccard similarity: the share of slots with equal values.
    /// 0 when either document is empty (as ``ShingleSet/jaccard(_:)``).
    ///
    /// - Throws: ``NearDupError/Code/incompatibleSignatures`` if the configurations differ.
    /// - Complexity: O(k).
    public func jaccard(_ other: Signature) throws -> Double {
        try configuration.checkCompatible(with: other.configuration)
        guard !isEmpty && !other.isEmpty else { return 0 }
        return Double(Self.matchingSlots(values, other.values)) / Double(values.count)
    }

    /// Estimated containment of this document in `other` (|A ∩ B| / |A|), from the Jaccard
    /// estimate and both set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J). Clamped to [0, 1].
    ///
    /// - Throws: ``NearDupError/Code/incompatibleSignatures`` if the configurations differ.
    /// - Complexity: O(k).
    public func containment(in other: Signature) throws -> Double {
        let j = try jaccard(other)
        guard setSize > 0 else { return 0 }
        let intersection = j * (Double(setSize) + Double(other.setSize)) / (1 + j)  // no Int overflow
        return min(1, max(0, intersection / Double(setSize)))
    }

    /// Number of positions where `a` and `b` hold equal values.
    @inline(__always)
    static func matchingSlots(_ a: [UInt64], _ b: [UInt64]) -> Int {
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                var equal = 0
                for i in 0..<min(x.count, y.count) where x[i] == y[i] { equal &+= 1 }
                return equal
            }
        }
    }
}
