/// The set of a document's shingle hashes, sorted and without repeats: the exact object that
/// MinHash approximates.
///
/// ```swift
/// let a = ShingleSet(text: "the council approved the budget on monday", shingling: .words(3))
/// let b = ShingleSet(text: "the council approved the budget on friday", shingling: .words(3))
/// a.jaccard(b)          // 4 shared of 6 distinct: 0.666…
/// a.containment(in: b)  // |A ∩ B| / |A| = 0.8
/// ```
public struct ShingleSet: Sendable, Hashable {
    /// The shingle hashes in ascending order, each once.
    public private(set) var hashes: [UInt64]

    /// The number of distinct shingles.
    public var count: Int { hashes.count }
    /// Whether the set has no shingle (an empty text).
    public var isEmpty: Bool { hashes.isEmpty }

    /// The set of arbitrary hashes (sorted and de-duplicated here).
    ///
    /// - Parameter hashes: shingle hashes in any order, repeats allowed.
    /// - Complexity: O(n log n) in the number of hashes.
    public init<S: Sequence>(hashes: S) where S.Element == UInt64 {
        var sorted = Array(hashes)
        sorted.sortAndRemoveRepeats()
        self.hashes = sorted
    }

    /// The shingle set of `text`.
    ///
    /// The hashes are those ``MinHasher`` feeds into a signature for the same shingling, seed and
    /// normalisation, so ``jaccard(_:)`` is the figure a ``Signature`` estimates.
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - shingling: word or character n-grams; word 5-grams by default.
    ///   - seed: the seed of the word and shingle hashes.
    ///   - normalization: how words are normalised.
    /// - Complexity: O(b + n log n) for b bytes of text and n shingles.
    public init(
        text: String, shingling: Shingling = .default, seed: UInt64 = Tokenizer.defaultSeed,
        normalization: Normalization = .standard
    ) {
        let engine = ShingleEngine(shingling: shingling, seed: seed, normalization: normalization)
        var all: [UInt64] = []
        withUTF8(of: text) { utf8 in engine.forEachShingle(in: utf8) { all.append($0) } }
        self.init(hashes: all)
    }

    /// The number of shingles in both sets.
    ///
    /// - Parameter other: another shingle set.
    /// - Returns: |A ∩ B|.
    /// - Complexity: O(|A| + |B|), a merge of two sorted arrays.
    public func intersectionCount(_ other: ShingleSet) -> Int {
        hashes.withUnsafeBufferPointer { a in
            other.hashes.withUnsafeBufferPointer { b in
                var i = 0, j = 0, shared = 0
                while i < a.count && j < b.count {
                    let x = a[i], y = b[j]
                    if x == y { shared += 1; i += 1; j += 1 } else if x < y { i += 1 } else { j += 1 }
                }
                return shared
            }
        }
    }

    /// Exact Jaccard similarity |A ∩ B| / |A ∪ B|. Defined as 0 when either set is empty: an empty
    /// document shares nothing, not even with another empty one.
    ///
    /// - Parameter other: another shingle set.
    /// - Returns: the Jaccard similarity, from 0 to 1.
    /// - Complexity: O(|A| + |B|).
    public func jaccard(_ other: ShingleSet) -> Double {
        guard !isEmpty && !other.isEmpty else { return 0 }
        let shared = intersectionCount(other)
        return Double(shared) / Double(count + other.count - shared)
    }

    /// Exact containment of this set in `other`: |A ∩ B| / |A|, the share of this document's
    /// shingles found in the other. 0 when this set is empty.
    ///
    /// - Parameter other: the set that may contain this one.
    /// - Returns: the containment, from 0 to 1.
    /// - Complexity: O(|A| + |B|).
    public func containment(in other: ShingleSet) -> Double {
        guard !isEmpty else { return 0 }
        return Double(intersectionCount(other)) / Double(count)
    }
}
