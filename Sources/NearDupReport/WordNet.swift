import NearDupCore
import Foundation

/// English synonyms from the WordNet 3.0 database (Princeton; Debian's `wordnet-base`, read from
/// its data files directly, no C library and no global state).
///
/// A word's synonyms are the other single-word lemmas of the synsets of its most frequent senses
/// (``senses`` per part of speech, in WordNet's frequency order), after reducing the word to its
/// base forms with WordNet's exception lists and detachment rules (`morphy`): *sustained* →
/// *sustain* → {suffer, have, get, …}, *admitted* → *admit* → {acknowledge, …}.
///
/// The files are memory-mapped once; a lookup is a binary search in the sorted index files,
/// remembered for the next lookup of the same word (up to ``rememberedWords`` words: an archive's
/// stories use the same words again and again). A value is thread-safe.
public final class WordNet: Sendable {
    /// Where Debian puts the database.
    public static let defaultDirectory = "/usr/share/wordnet"

    /// The database in ``defaultDirectory``, opened on first use; `nil` when it is not installed.
    public static let installed: WordNet? = WordNet()

    /// Senses per part of speech whose synonyms are used.
    public let senses: Int

    private struct Part: Sendable {
        let index: Data
        let data: Data
        let exceptions: [String: [String]]
        let suffixes: [(String, String)]
    }

    private let parts: [Part]
    private let remembered = RememberedSynonyms()

    /// The most words whose synonyms a database remembers; later words are looked up each time.
    public static let rememberedWords = 200_000

    /// Opens the database in `directory`; `nil` when its files are not there.
    ///
    /// - Parameters:
    ///   - directory: the folder of WordNet's `index.*`, `data.*` and `*.exc` files.
    ///   - senses: how many of a word's most frequent senses per part of speech give synonyms.
    /// - Complexity: O(e) to read the exception lists (about 6,000 lines); the index and data
    ///   files are mapped, not read.
    public init?(directory: String = WordNet.defaultDirectory, senses: Int = 2) {
        let names: [(String, String, [(String, String)])] = [
            ("noun", "noun", [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]),
            ("verb", "verb", [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]),
            ("adj", "adj", [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]),
            ("adv", "adv", []),
        ]
        var parts: [Part] = []
        for (file, exc, suffixes) in names {
            let base = URL(fileURLWithPath: directory)
            guard let index = try? Data(contentsOf: base.appendingPathComponent("index.\(file)"), options: .alwaysMapped),
                let data = try? Data(contentsOf: base.appendingPathComponent("data.\(file)"), options: .alwaysMapped)
            else { return nil }
            var exceptions: [String: [String]] = [:]
            if let text = try? String(contentsOf: base.appendingPathComponent("\(exc).exc"), encoding: .utf8) {
                for line in text.split(separator: "\n") {
                    let fields = line.split(separator: " ").map(String.init)
                    if fields.count >= 2 { exceptions[fields[0], default: []].append(contentsOf: fields.dropFirst()) }
                }
            }
            parts.append(Part(index: index, data: data, exceptions: exceptions, suffixes: suffixes))
        }
        self.parts = parts
        self.senses = senses
    }

    /// The synonyms of `word` (lower-case), not including the word itself.
    ///
    /// - Parameter word: a lower-case word, in any inflected form.
    /// - Returns: the single-word lemmas of the synsets of its first ``senses`` senses, for every
    ///   part of speech; empty for a word WordNet does not know.
    /// - Complexity: O(log n) binary search per base form and part of speech, plus the synsets read.
    public func synonyms(of word: String) -> Set<String> {
        if let known = remembered.synonyms(of: word) { return known }
        let found = lookUp(word)
        remembered.remember(found, for: word, limit: Self.rememberedWords)
        return found
    }

    private func lookUp(_ word: String) -> Set<String> {
        var result = Set<String>()
        for part in parts {
            for form in baseForms(word, part) {
                for offset in synsetOffsets(form, part.index).prefix(senses) {
                    for lemma in lemmas(at: offset, part.data) where lemma != form && lemma != word { result.insert(lemma) }
                }
            }
        }
        return result
    }

    private func baseForms(_ word: String, _ part: Part) -> [String] {
        var forms = [word]
        forms += part.exceptions[word] ?? []
        for (suffix, ending) in part.suffixes where word.hasSuffix(suffix) && word.count > suffix.count + 1 {
            forms.append(String(word.dropLast(suffix.count)) + ending)
        }
        return forms
    }

    /// Synset offsets of `lemma` in an index file, most frequent sense first; binary search over
    /// the sorted lines.
    private func synsetOffsets(_ lemma: String, _ index: Data) -> [Int] {
        let key = Array(lemma.utf8)
        return index.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var low = 0, high = bytes.count
            // Find the first line whose lemma is >= key.
            func lineStart(_ i: Int) -> Int {
                var j = i
                while j > 0, bytes[j - 1] != 0x0A { j -= 1 }
                return j
            }
            func compare(_ start: Int) -> Int {
                var k = 0
                while true {
                    let b = start + k < bytes.count ? bytes[start + k] : 0x20
                    let endOfLemma = b == 0x20
                    if k == key.count { return endOfLemma ? 0 : 1 }
                    if endOfLemma { return -1 }
                    if b != key[k] { return b < key[k] ? -1 : 1 }
                    k += 1
                }
            }
            while low < high {
                let mid = (low + high) / 2
                let start = lineStart(mid)
                // License lines start with two spaces and sort first.
                if bytes[start] == 0x20 || compare(start) < 0 {
                    var next = mid
                    while next < bytes.count, bytes[next] != 0x0A { next += 1 }
                    low = next + 1
                } else {
                    high = start
                }
            }
            guard low < bytes.count, compare(low) == 0 else { return [] }
            var end = low
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<end]), as: UTF8.self).split(separator: " ")
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            guard fields.count > 4, let synsets = Int(fields[2]), let pointers = Int(fields[3]) else { return [] }
            let first = 4 + pointers + 2
            guard fields.count >= first + synsets else { return [] }
            return fields[first..<(first + synsets)].compactMap { Int($0) }
        }
    }

    /// The single-word lemmas of the synset at `offset` of a data file.
    private func lemmas(at offset: Int, _ data: Data) -> [String] {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard offset < bytes.count else { return [] }
            var end = offset
            while end < bytes.count, bytes[end] != 0x0A, end - offset < 4096 { end += 1 }
            let fields = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self).split(separator: " ")
            // synset_offset lex_filenum ss_type w_cnt (hex) word lex_id ...
            guard fields.count > 4, let count = Int(fields[3], radix: 16) else { return [] }
            var words: [String] = []
            for k in 0..<count where 4 + 2 * k < fields.count {
                var w = fields[4 + 2 * k].lowercased()
                if let paren = w.firstIndex(of: "(") { w = String(w[..<paren]) }  // adjective markers: "big(a)"
                if !w.contains("_"), !w.contains("-") { words.append(w) }
            }
            return words
        }
    }
}

/// The synonyms ``WordNet`` has looked up, by word, behind a lock.
private final class RememberedSynonyms: @unchecked Sendable {
    private var table: [String: Set<String>] = [:]
    private let lock = NSLock()

    func synonyms(of word: String) -> Set<String>? { lock.withLock { table[word] } }

    func remember(_ synonyms: Set<String>, for word: String, limit: Int) {
        lock.withLock {
            if table.count < limit { table[word] = synonyms }
        }
    }
}
