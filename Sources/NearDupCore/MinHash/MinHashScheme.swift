/// How a MinHash signature's k values are computed from a document's shingle hashes.
public enum MinHashScheme: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava
    /// 2017). Each shingle hash picks one of k bins by its high bits and competes for that bin's
    /// minimum; bins left empty borrow the value of a bin chosen by a fixed per-bin probe
    /// sequence. O(shingles + k) per document: the default, and what the benchmarks measure.
    case onePermutation = "one-permutation"
    /// The classic scheme: k independent hash functions (a 64-bit finaliser of the shingle hash
    /// XOR a per-function seed), each keeping its minimum. O(shingles × k). The reference that
    /// tests and benchmarks compare the fast scheme against.
    case classic
}
