import NearDupCore

/// A Snowball stem as the report compares it: the XXH3-64 of the stem's UTF-8 bytes.
///
/// Each text goes once through its stages (layout, sentences and quotations, words, stems and
/// synonyms) and leaves them as integers: sentence alignment, the passages' marks and the
/// verdict's vocabulary counts compare and hash 64-bit ids, never Strings. An id is a hash,
/// not an index into a shared table, so texts analysed on different threads (an archive) get
/// the same ids with no lock and in any order, and sums taken in id order are the same on
/// every run. Two distinct stems share an id with probability 2⁻⁶⁴: among the 10⁶ distinct
/// stems of a large archive, the chance of any collision is below 3·10⁻⁸.
package struct StemID: Hashable, Comparable, Sendable {
    /// The hash.
    package let value: UInt64

    /// The seed of stems' hashes (any fixed value: ids are never stored).
    static let seed: UInt64 = 0x5354_454D  // "STEM"

    /// The id of a stem already made (a WordNet synonym's).
    init(stem: String) {
        var stem = stem
        value = stem.withUTF8 { CBoundary.xxh3($0.baseAddress, $0.count, seed: Self.seed) }
    }

    init(value: UInt64) { self.value = value }

    package static func < (a: StemID, b: StemID) -> Bool { a.value < b.value }

    /// A table position from the id by a cheap mix, not SipHash: the id is already a uniform
    /// hash (``HashKey``). The report's dictionaries and sets of stems probe millions of times.
    @inline(__always)
    package func _rawHashValue(seed: Int) -> Int { HashKey.tableHash(value, seed: seed) }
}
