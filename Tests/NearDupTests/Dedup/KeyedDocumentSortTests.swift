import NearDup
@testable import NearDupIndex
import Testing

@Suite("Keyed document sort")
struct KeyedDocumentSortTests {
    /// Uniform keys, many equal keys (a bucket of near-copies), and keys that share their top
    /// 40 bits (the insertion sort gives up, the comparison sort finishes): the same order as
    /// the standard sort by (key, document).
    @Test("orders by key, then document, as a comparison sort does", arguments: [0, 1, 63, 64, 1000, 20_000])
    func matchesComparisonSort(count: Int) {
        var rng = SplitMix64(seed: UInt64(count) &+ 5)
        let uniform = (0..<count).map { _ in rng.next() }
        let fewKeys = (0..<count).map { _ in rng.next() % 7 &* 0x9E37_79B9_7F4A_7C15 }
        let clustered = (0..<count).map { _ in 0xABCD_EF12_3400_0000 | (rng.next() & 0xFF_FFFF) }
        for keys in [uniform, fewKeys, clustered] {
            var entries = keys.enumerated().map { KeyedDocument(key: $0.element, document: UInt32($0.offset)) }
            let expected = entries.sorted { $0.key != $1.key ? $0.key < $1.key : $0.document < $1.document }
            KeyedDocumentSort.sort(&entries)
            #expect(entries.map(\.key) == expected.map(\.key))
            #expect(entries.map(\.document) == expected.map(\.document))
        }
    }
}
