/// A document's MinHash signature: k 64-bit values, the configuration that made them, and the
/// number of distinct shingles of the document (for containment estimates).
public struct Signature: Sendable, Hashable {
    /// The configuration the values were computed with.
    public let configuration: MinHashConfiguration
    /// The k values. `UInt64.max` in every slot means the document had no shingle.
    public let values: [UInt64]
    /// Number of distinct shingles of the document (|A|).
    public let setSize: Int

    /// The largest set size a signature may carry (2⁴⁸ distinct shingles, far more than any
    /// document has): sums and products of two set sizes stay exact in a `Double` and cannot
    /// overflow an `Int`. The decoders refuse larger values.
    public static let maximumSetSize = 1 << 48

    /// A signature from its parts.
    ///
    /// - Parameters:
    ///   - configuration: the configuration the values were computed with.
    ///   - values: the k values.
    ///   - setSize: the number of distinct shingles of the document.
    ///
    /// - Precondition: `values.count == configuration.permutations` and
    ///   `0 <= setSize <= Signature.maximumSetSize`.
    public init(configuration: MinHashConfiguration, values: [UInt64], setSize: Int) {
        precondition(values.count == configuration.permutations, "a signature needs k values")
        precondition((0...Self.maximumSetSize).contains(setSize), "set size out of range")
        self.configuration = configuration
        self.values = values
        self.setSize = setSize
    }

    /// Whether the document had no shingle at all.
    public var isEmpty: Bool { setSize == 0 }

    /// The MinHash estimate of the Jaccard similarity: the share of slots with equal values.
    /// 0 when either document is empty (as ``ShingleSet/jaccard(_:)``).
    ///
    /// Unbiased for both schemes, with standard deviation about sqrt(J(1−J)/k).
    ///
    /// - Parameter other: a signature of the same configuration.
    /// - Returns: the estimate, a multiple of 1/k from 0 to 1.
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
    /// - Parameter other: a signature of the same configuration.
    /// - Returns: the estimated share of this document's shingles found in `other`; 0 when this
    ///   document is empty.
    /// - Throws: ``NearDupError/Code/incompatibleSignatures`` if the configurations differ.
    /// - Complexity: O(k).
    public func containment(in other: Signature) throws -> Double {
        let j = try jaccard(other)
        guard setSize > 0 else { return 0 }
        let intersection = j * (Double(setSize) + Double(other.setSize)) / (1 + j)
        return min(1, max(0, intersection / Double(setSize)))
    }

    /// Why a decoded set size cannot belong to these values, or nil when it can: it must be in
    /// `0...maximumSetSize`, and an empty set (0) has `UInt64.max` in every slot.
    static func setSizeProblem(_ setSize: UInt64, values: [UInt64]) -> String? {
        guard setSize <= UInt64(maximumSetSize) else {
            return "set size \(setSize) is out of range (at most \(maximumSetSize))"
        }
        if setSize == 0 && values.contains(where: { $0 != .max }) {
            return "set size 0 (an empty document) with values other than 2^64-1"
        }
        return nil
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
