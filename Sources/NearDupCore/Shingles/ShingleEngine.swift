/// Produces the 64-bit shingle hashes of a text without building a string per shingle.
///
/// - Word n-grams: each word is hashed once (XXH3 of its normalised UTF-8, with the seed); the
///   n word hashes of a shingle are combined by ``WordShingleHash`` (a polynomial updated in
///   O(1) per word, then a 64-bit finaliser). The last n word hashes are kept in a ring for the
///   word that leaves the window.
/// - Character n-grams: the normalised words are joined by one space; a shingle is the XXH3 of
///   the UTF-8 bytes of n consecutive scalars.
///
/// A text with fewer than n units (but at least one) has one shingle: all of its units. An
/// empty text has none.
///
/// One engine per thread: it owns reusable buffers and is not thread-safe.
final class ShingleEngine {
    let shingling: Shingling
    let seed: UInt64
    private let scanner: WordScanner
    private var ring: GrowableBuffer<UInt64>
    private var joined: GrowableBuffer<UInt8>
    private var scalarStarts: GrowableBuffer<Int>
    /// A fresh rolling state (Bⁿ computed once per engine).
    private let rolling: RollingWordShingleHash
    /// XXH3 of each word with the seed, inlined for words of up to 16 bytes.
    private let wordHash: ShortXXH3

    init(shingling: Shingling, seed: UInt64, normalization: Normalization) {
        self.shingling = shingling
        self.seed = seed
        scanner = WordScanner(normalization: normalization)
        ring = GrowableBuffer(capacity: shingling.size)
        rolling = RollingWordShingleHash(size: shingling.size)
        wordHash = ShortXXH3(seed: seed)
        joined = GrowableBuffer(capacity: 4096)
        scalarStarts = GrowableBuffer(capacity: 1024)
    }

    deinit {
        ring.free()
        joined.free()
        scalarStarts.free()
    }

    /// Calls `body` with each shingle hash of `text`, in text order (repeats included).
    /// Off the hot path; see ``forEachShingle(in:into:)``.
    func forEachShingle(in text: UnsafeBufferPointer<UInt8>, _ body: (UInt64) -> Void) {
        withoutActuallyEscaping(body) { body in
            var sink = ClosureShingleSink(body: body)
            forEachShingle(in: text, into: &sink)
        }
    }

    /// Hands each shingle hash of `text` to `sink`, in text order (repeats included).
    ///
    /// - Complexity: O(n) in the length of `text`; allocation-free after warm-up.
    @inline(__always)
    func forEachShingle<Sink: ShingleSink>(in text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        switch shingling.unit {
        case .words: forEachWordShingle(in: text, into: &sink)
        case .characters: forEachCharacterShingle(in: text, into: &sink)
        }
    }

    /// Hashes words and combines the last n word hashes into a shingle hash.
    struct WordShingler<Sink: ShingleSink>: WordSink {
        let ring: UnsafeMutablePointer<UInt64>
        let n: Int
        let seed: UInt64
        let wordHash: ShortXXH3
        var rolling: RollingWordShingleHash
        var words = 0
        var slot = 0
        var sink: Sink

        @inline(__always)
        mutating func word(start: Int, end: Int, normalized: UnsafePointer<UInt8>, count: Int) {
            let hash = wordHash.hash(normalized, count)
            let leaving = ring[slot]  // 0 while fewer than n words came before
            ring[slot] = hash
            rolling.append(hash, leaving: leaving)
            words &+= 1
            slot &+= 1
            if slot == n { slot = 0 }
            if words >= n { sink.shingle(WordShingleHash.finish(rolling.polynomial, seed: seed)) }
        }
    }

    @inline(__always)
    private func forEachWordShingle<Sink: ShingleSink>(in text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        ring.base.initialize(repeating: 0, count: shingling.size)
        var shingler = WordShingler(
            ring: ring.base, n: shingling.size, seed: seed, wordHash: wordHash, rolling: rolling, sink: sink)
        scanner.scan(text, into: &shingler)
        sink = shingler.sink
        if shingler.words > 0 && shingler.words < shingling.size {
            // A short text: one shingle of all its words (the polynomial has never dropped one).
            sink.shingle(WordShingleHash.finish(shingler.rolling.polynomial, seed: seed))
        }
    }

    /// Joins normalised words with one space.
    struct WordJoiner: WordSink {
        var joined: GrowableBuffer<UInt8>
        var length = 0

        mutating func word(start: Int, end: Int, normalized: UnsafePointer<UInt8>, count: Int) {
            let separator = length > 0 ? 1 : 0
            joined.reserve(length + count + separator, keeping: length)
            if separator == 1 { joined.base[length] = 0x20 }
            (joined.base + length + separator).update(from: normalized, count: count)
            length += count + separator
        }
    }

    private func forEachCharacterShingle<Sink: ShingleSink>(in text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var joiner = WordJoiner(joined: joined)
        scanner.scan(text, into: &joiner)
        joined = joiner.joined
        let length = joiner.length
        guard length > 0 else { return }
        // Offsets of scalar starts, plus the end.
        var scalars = 0
        scalarStarts.reserve(length + 1, keeping: 0)
        for i in 0..<length where joined.base[i] & 0xC0 != 0x80 {
            scalarStarts.base[scalars] = i
            scalars += 1
        }
        scalarStarts.base[scalars] = length
        let n = shingling.size
        if scalars < n {
            sink.shingle(CBoundary.xxh3(joined.base, length, seed: seed))
            return
        }
        for first in 0...(scalars - n) {
            let start = scalarStarts.base[first]
            let end = scalarStarts.base[first + n]
            sink.shingle(CBoundary.xxh3(joined.base + start, end - start, seed: seed))
        }
    }
}
