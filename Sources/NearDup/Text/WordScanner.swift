/// The tokenizer's inner loop: finds the words of UTF-8 text and their normalised forms.
///
/// A word is a maximal run of letters, combining marks and digits (Unicode general categories
/// L*, M*, N*), joined across apostrophes (`'`, `’`, `ʼ`) that stand between two word
/// characters and across invisible format characters (ZWJ, ZWNJ, soft hyphen, bidi marks).
/// Han, Hiragana and Katakana characters, written without spaces, are one word each. Everything
/// else (spaces, punctuation, symbols, emoji, controls, NUL) separates words.
///
/// ASCII words are lower-cased byte by byte (the fast path); a word with any non-ASCII byte is
/// NFKC-normalised and case-folded by utf8proc.
final class WordScanner {
    let normalization: Normalization
    private var word: GrowableBuffer<UInt8>
    private var folded: UnsafeMutableBufferPointer<Int32>

    init(normalization: Normalization) {
        self.normalization = normalization
        word = GrowableBuffer(capacity: 256)
        folded = .allocate(capacity: 256)
    }

    deinit {
        word.free()
        folded.deallocate()
    }

    /// Calls `body(start, end, normalized, normalizedCount)` for each word of `text`, in order.
    /// `normalized` is valid only during the call.
    ///
    /// - Precondition: `text` is valid UTF-8.
    /// - Complexity: O(n) in the length of `text`; allocation-free after warm-up.
    @inline(__always)
    func scan(
        _ text: UnsafeBufferPointer<UInt8>,
        _ body: (_ start: Int, _ end: Int, _ normalized: UnsafePointer<UInt8>, _ count: Int) -> Void
    ) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        var i = 0
        var start = -1
        var end = 0
        var length = 0
        var nonASCII = false
        // Locals, not the stored properties, in the loop: no exclusivity checks per byte.
        var word = self.word
        var folded = self.folded
        defer {
            self.word = word
            self.folded = folded
        }

        // `flush` gets the word's storage as an argument rather than capturing `word`: a local
        // variable captured by a local function is checked for exclusive access at run time on
        // every `word.reserve` in the loop below, which cost about 40% of signing time.
        @inline(__always) func flush(_ wordBase: UnsafeMutablePointer<UInt8>) {
            guard start >= 0 else { return }
            if nonASCII {
                let count = CBoundary.foldNFKC(
                    wordBase, length, stripMarks: normalization.foldsDiacritics, into: &folded)
                let bytes = UnsafeRawPointer(folded.baseAddress!).assumingMemoryBound(to: UInt8.self)
                if count > 0 { body(start, end, bytes, count) }
            } else {
                body(start, end, wordBase, length)
            }
            start = -1
            length = 0
            nonASCII = false
        }

        while i < n {
            let b = p[i]
            if b < 0x80 {
                if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                    if start < 0 { start = i }
                    word.reserve(length + 1, keeping: length)
                    word.base[length] = b
                    length += 1
                    i += 1
                    end = i
                } else if b >= 0x41 && b <= 0x5A {
                    if start < 0 { start = i }
                    word.reserve(length + 1, keeping: length)
                    word.base[length] = b | 0x20
                    length += 1
                    i += 1
                    end = i
                } else if b == 0x27 && start >= 0 && Self.isWordCharacter(p, n, at: i + 1) {
                    i += 1  // intra-word apostrophe: skipped, the word goes on
                } else {
                    flush(word.base)
                    i += 1
                }
                continue
            }
            let (scalar, width) = Self.decodeScalar(p, n, at: i)
            if (scalar == 0x2019 || scalar == 0x02BC) && start >= 0 && Self.isWordCharacter(p, n, at: i + width) {
                i += width
                continue
            }
            switch CBoundary.scalarClass(scalar) {
            case .word:
                if start < 0 { start = i }
                word.reserve(length + width, keeping: length)
                (word.base + length).update(from: p + i, count: width)
                length += width
                nonASCII = true
                i += width
                end = i
            case .ideograph:
                flush(word.base)
                start = i
                word.reserve(width, keeping: 0)
                word.base.update(from: p + i, count: width)
                length = width
                nonASCII = true
                i += width
                end = i
                flush(word.base)
            case .format:
                i += width
            case .separator:
                flush(word.base)
                i += width
            }
        }
        flush(word.base)
    }

    /// Whether a word character (letter, mark or digit, not an ideograph) starts at `i`.
    @inline(__always)
    static func isWordCharacter(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Bool {
        guard i < n else { return false }
        let b = p[i]
        if b < 0x80 {
            return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        }
        return CBoundary.scalarClass(decodeScalar(p, n, at: i).scalar) == .word
    }

    /// Decodes the scalar starting at `i` of valid UTF-8.
    @inline(__always)
    static func decodeScalar(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> (scalar: UInt32, width: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0xE0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
        }
        if i + 3 < n {
            return (
                ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
                    | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F), 4
            )
        }
        return (0xFFFD, 1)  // truncated sequence: cannot happen on validated input
    }
}
