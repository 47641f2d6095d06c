import Foundation
import NearDupCore

/// A cheap test that can prove a (story, source) pair gives the story no derived sentence, so
/// that the report's alignment is not run on it: most of a story's candidates are about
/// something else.
///
/// The report marks a story's word derived in two ways only, and the test bounds both from
/// above with what each text holds, read once per text (``Reference``, ``Story``):
/// 1. **An aligned sentence pair** (`SentenceAligner`). The bound sums the aligner's own stem
///    weights (its fixed point: exact sums), so it finds the source sentence the aligner starts
///    from (the one sharing most weight with the story sentence; every tied one is tried). The stems the
///    aligner then covers reach that sentence or one it merges, a sentence within its merge
///    window sharing at least two stems and `mergeGain` of the weight with the story sentence:
///    the count and weight of the stems reaching those are upper bounds of what the pair
///    shares (weights are positive). A pair needs `minimumSharedStems`
///    and `supportedSimilarity` of the story sentence's weight; below `alignedSimilarity`, also
///    a neighbouring possible pair in the same order.
/// 2. **A verbatim run** (shared runs of identical words, at least `quotationMinimumWords`
///    long). A story word it marks derived is a narrative content word inside a shared run of at
///    least `verbatimMinimumWords` (a passage) or `standaloneVerbatimWords` (a long run), so
///    inside a shared word n-gram of the fewer of the two (5 by default); or inside a whole,
///    shorter story sentence copied word for word, so inside a shared n-gram of
///    `quotationMinimumWords` (3).
///
/// Stems are found in the source through 32 bits of their `StemID` and checked against the id
/// itself, so exactly as the aligner matches them. N-grams are compared by 32-bit hashes of the
/// words' ids (`AnalyzedText.wordIDs`, which shared runs compare): two equal ones always meet,
/// two different ones may collide and meet too, which only lets a pair through that the test
/// could have stopped. A pair the test lets
/// through is judged in full, so the links are those of judging every pair.
package struct DerivationBound: Sendable {
    /// The report's aligner, whose acceptance the bound reads.
    var aligner: SentenceAligner

    /// Makes the bound of an analyzer's alignment.
    ///
    /// - Parameter configuration: the report's configuration.
    /// The fewest words of a shared run in which a story word is marked derived without being a
    /// whole story sentence: a verbatim passage's, or a long run's if shorter.
    var passageWords: Int
    /// The fewest words of a shared run (a tile).
    var tileWords: Int

    package init(_ configuration: RewriteAnalyzer.Configuration) {
        aligner = configuration.aligner
        passageWords = max(1, min(configuration.verbatimMinimumWords, configuration.standaloneVerbatimWords))
        tileWords = max(1, configuration.quotationMinimumWords)
    }

    /// What the bound reads of a source: the stems reaching its sentences (with where), and the
    /// hashes of its word n-grams of ``passageWords`` and of ``tileWords`` words.
    package struct Reference: Sendable {
        /// The aligner's index of the stems reaching the source's sentences.
        let stems: SentenceStems
        /// The stems of ``stems``' index, by hash: a position in ``keys`` and ``entries``.
        let table: HashedTerms
        let keys: [StemID]
        let entries: [SentenceStems.ReferenceStem]
        let tileGrams: HashedTerms
        let passageGrams: HashedTerms

        /// - Parameters:
        ///   - text: a text read as a reference.
        ///   - bound: the bound it is read for.
        /// - Complexity: O(n + r) for n words and r stems reaching its sentences.
        package init(_ text: AnalyzedText, for bound: DerivationBound) {
            let stems = text.sentenceStems(asReference: true)
            self.stems = stems
            var table = HashedTerms(capacity: stems.referenceIndex.count)
            var keys: [StemID] = []
            var entries: [SentenceStems.ReferenceStem] = []
            keys.reserveCapacity(stems.referenceIndex.count)
            entries.reserveCapacity(stems.referenceIndex.count)
            for (stem, entry) in stems.referenceIndex {
                table.insert(shortHash(stem.value), value: Int32(keys.count))
                keys.append(stem)
                entries.append(entry)
            }
            (self.table, self.keys, self.entries) = (table, keys, entries)
            let hashes = text.wordIDs.map(shortHash)
            var tileGrams = HashedTerms(capacity: hashes.count, values: false)
            var passageGrams = HashedTerms(capacity: hashes.count, values: false)
            for i in hashes.indices {
                if i + bound.tileWords <= hashes.count { tileGrams.insert(gramHash(hashes[i..<(i + bound.tileWords)]), value: 0) }
                if i + bound.passageWords <= hashes.count {
                    passageGrams.insert(gramHash(hashes[i..<(i + bound.passageWords)]), value: 0)
                }
            }
            self.tileGrams = tileGrams
            self.passageGrams = passageGrams
        }

        /// The index entry of a stem, exactly (a hash found is checked against the stem).
        func entry(of stem: StemID, hash: UInt32) -> SentenceStems.ReferenceStem? {
            var found: SentenceStems.ReferenceStem?
            table.forEachValue(of: hash) { k in
                guard keys[Int(k)] == stem else { return false }
                found = entries[Int(k)]
                return true
            }
            return found
        }
    }

    /// What the bound reads of a story: each narrative sentence's stems with the number of
    /// sentences holding them, and the word n-grams a verbatim run would share.
    package struct Story: Sendable {
        /// Each sentence the aligner reads (a set of stems): its index, and its stems with their
        /// hashes and the number of the story's sentences holding them, in the aligner's order.
        let sentences: [(index: Int, stems: [(stem: StemID, hash: UInt32, frequency: Int32)])]
        /// The sentences with at least one stem.
        let sentenceCount: Int
        /// The n-grams of ``DerivationBound/passageWords`` words holding a narrative content word.
        let passageGrams: [UInt32]
        /// The n-grams of ``DerivationBound/tileWords`` words holding a narrative content word of a
        /// sentence shorter than ``DerivationBound/passageWords``.
        let tileGrams: [UInt32]

        /// - Parameters:
        ///   - text: a text read as a candidate.
        ///   - bound: the bound it is read for.
        /// - Complexity: O(n) for n words.
        package init(_ text: AnalyzedText, for bound: DerivationBound) {
            let stems = text.sentenceStems(asReference: false)
            sentences = stems.asCandidateSorted.indices.compactMap { j in
                let sorted = stems.asCandidateSorted[j]
                guard !sorted.isEmpty else { return nil }
                return (j, sorted.indices.map { (sorted[$0], shortHash(sorted[$0].value), Int32(stems.asCandidateSortedFrequency[j][$0])) })
            }
            sentenceCount = stems.candidateSentences
            let hashes = text.wordIDs.map(shortHash)
            let n = hashes.count
            // Narrative content words so far, to know whether a window holds one.
            var content = [Int](repeating: 0, count: n + 1)
            for i in 0..<n { content[i + 1] = content[i] + (text.isNarrativeContent(i) ? 1 : 0) }
            let (passage, tile) = (bound.passageWords, bound.tileWords)
            var passageGrams: [UInt32] = []
            if n >= passage {
                for i in 0...(n - passage) where content[i + passage] > content[i] {
                    passageGrams.append(gramHash(hashes[i..<(i + passage)]))
                }
            }
            var tileGrams: [UInt32] = []
            if n >= tile {
                var window = Set<Int>()
                for words in text.sentenceWords where words.count < passage {
                    for p in words where text.isNarrativeContent(p) {
                        for start in max(0, p - tile + 1)...min(p, n - tile) { window.insert(start) }
                    }
                }
                tileGrams = window.sorted().map { gramHash(hashes[$0..<($0 + tile)]) }
            }
            self.passageGrams = passageGrams
            self.tileGrams = tileGrams
        }
    }

    /// Whether the report on the pair could find a derived sentence in the story: `false` only
    /// when it provably cannot.
    ///
    /// - Parameters:
    ///   - story: the story as a candidate.
    ///   - source: the source as a reference.
    /// - Complexity: O(n + p): a table probe per story n-gram and stem, plus the sentences the
    ///   story's stems reach in the source.
    package func mayDerive(_ story: Story, from source: Reference) -> Bool {
        for gram in story.passageGrams where source.passageGrams.contains(gram) { return true }
        for gram in story.tileGrams where source.tileGrams.contains(gram) { return true }
        return mayAlign(story, source)
    }

    /// Whether the aligner could accept a sentence pair.
    func mayAlign(_ story: Story, _ source: Reference) -> Bool {
        // The aligner's weight of a stem held by f of the two texts' sentences, in its fixed point:
        // every sum below is exact, as the aligner's are.
        let total = source.stems.referenceSentences + story.sentenceCount
        let weights = SentenceAligner.weights(sentences: total)
        func weight(_ frequency: Int32) -> Int64 { weights[min(Int(frequency), total + 1)] }
        // A margin on the aligner's thresholds (its shares are divisions of those sums).
        let least = aligner.supportedSimilarity - 1e-9, alone = aligner.alignedSimilarity - 1e-9
        func atLeast(_ share: Double, _ part: Int64, of whole: Int64) -> Bool { Double(part) >= share * Double(whole) }
        let rCount = source.stems.asReferenceSorted.count
        var shared = [Int64](repeating: 0, count: rCount)
        var count = [Int](repeating: 0, count: rCount)
        var reached: [Int] = []
        // The story sentences that may be aligned, each with the source sentences it may be
        // aligned to (the aligner's "first").
        var possible: [(sentence: Int, first: Int)] = []
        var hits: [(weight: Int64, entry: SentenceStems.ReferenceStem)] = []
        for (j, sentence) in story.sentences {
            for i in reached { (shared[i], count[i]) = (0, 0) }
            reached.removeAll(keepingCapacity: true)
            hits.removeAll(keepingCapacity: true)
            var all: Int64 = 0, anywhere: Int64 = 0
            for stem in sentence {
                guard let entry = source.entry(of: stem.stem, hash: stem.hash) else {
                    all += weight(stem.frequency)
                    continue
                }
                let w = weight(stem.frequency + entry.frequency)
                all += w
                anywhere += w
                hits.append((w, entry))
            }
            // Too little in the whole source: no sentence of it can do (decided before the
            // sentences are visited; most story sentences stop here).
            guard hits.count >= aligner.minimumSharedStems, atLeast(least, anywhere, of: all) else { continue }
            // The aligner's weights, summed per source sentence reached.
            for hit in hits {
                for slot in Int(hit.entry.start)..<Int(hit.entry.start + hit.entry.count) {
                    let i = Int(source.stems.reachedSentences[slot])
                    if count[i] == 0 { reached.append(i) }
                    shared[i] += hit.weight
                    count[i] += 1
                }
            }
            // The aligner's first source sentence shares the most weight (ties broken otherwise:
            // every tied one is tried). It covers the stems reaching it, and more only from other
            // sentences within its merge window each adding `mergeGain` of the weight: at most
            // the stems reaching one of those that could.
            let most = reached.reduce(Int64(0)) { max($0, shared[$1]) }
            for first in reached where shared[first] == most {
                // A sentence the aligner merges adds at least two stems and `mergeGain` of the
                // weight that it alone reaches: it shares at least that much.
                let merged = (max(0, first - aligner.mergeWindow)...min(rCount - 1, first + aligner.mergeWindow)).filter {
                    $0 != first && count[$0] >= 2 && atLeast(aligner.mergeGain - 1e-9, shared[$0], of: all)
                }
                var covered = count[first], weight = shared[first]
                if !merged.isEmpty {
                    (covered, weight) = (0, 0)
                    for hit in hits where reachesAny(source.stems.reachedSentences, hit.entry, [first] + merged) {
                        weight += hit.weight
                        covered += 1
                    }
                }
                guard covered >= aligner.minimumSharedStems, atLeast(least, weight, of: all) else { continue }
                // Aligned on its own.
                if atLeast(alone, weight, of: all) { return true }
                possible.append((j, first))
            }
        }
        // Below `alignedSimilarity`, a pair needs a neighbouring pair in the same order.
        for p in possible {
            for q in possible {
                let dc = q.sentence - p.sentence, dr = q.first - p.first
                if (1...aligner.candidateWindow).contains(abs(dc)), (0...aligner.referenceWindow).contains(abs(dr)),
                    dr == 0 || (dc > 0) == (dr > 0)
                {
                    return true
                }
            }
        }
        return false
    }
}

/// Whether a stem's entry reaches one of `targets` (its sentences ascending).
private func reachesAny(_ sentences: [Int32], _ entry: SentenceStems.ReferenceStem, _ targets: [Int]) -> Bool {
    sentences[Int(entry.start)..<Int(entry.start + entry.count)].contains { targets.contains(Int($0)) }
}

/// 32 bits of a 64-bit id (a stem's, a word's): equal ids get equal short hashes.
func shortHash(_ id: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: id ^ (id >> 32)) }

/// The hash of a word n-gram from its words' hashes.
func gramHash(_ words: ArraySlice<UInt32>) -> UInt32 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
    for w in words { h = (h ^ UInt64(w)) &* 0x100_0000_01B3 &+ 0x2545_F491_4F6C_DD1D }
    h ^= h >> 29
    return UInt32(truncatingIfNeeded: h ^ (h >> 32))
}

/// An open-addressing table of 32-bit hashes, each with a value; a hash may be inserted
/// several times (different terms colliding), and a look-up visits each of its values.
struct HashedTerms: Sendable {
    private var keys: [UInt32]
    private var values: [Int32]
    private let mask: Int

    /// An empty table for up to `capacity` insertions; `values: false` keeps the hashes only
    /// (every value is then 0).
    init(capacity: Int, values: Bool = true) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        keys = [UInt32](repeating: 0, count: size)
        self.values = values ? [Int32](repeating: 0, count: size) : []
        mask = size - 1
    }

    private static func key(_ hash: UInt32) -> UInt32 { hash == 0 ? 1 : hash }
    private func home(_ key: UInt32) -> Int { Int(key &* 0x9E37_79B1) & mask }

    /// Inserts a hash with a value (a hash already there with the same value is not repeated).
    mutating func insert(_ hash: UInt32, value: Int32) {
        let key = Self.key(hash)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key, values.isEmpty || values[slot] == value { return }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        if !values.isEmpty { values[slot] = value }
    }

    /// Calls `body` on each value inserted with `hash` until it returns `true`.
    func forEachValue(of hash: UInt32, _ body: (Int32) -> Bool) {
        let key = Self.key(hash)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key, body(values.isEmpty ? 0 : values[slot]) { return }
            slot = (slot + 1) & mask
        }
    }

    /// Whether a hash was inserted.
    func contains(_ hash: UInt32) -> Bool {
        let key = Self.key(hash)
        var slot = home(key)
        while keys[slot] != 0 {
            if keys[slot] == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}
