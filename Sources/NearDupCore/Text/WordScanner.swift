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
    /// `normalized` is valid only during the call. Off the hot path; see ``scan(_:into:)``.
    func scan(
        _ text: UnsafeBufferPointer<UInt8>,
        _ body: (_ start: Int, _ end: Int, _ normalized: UnsafePointer<UInt8>, _ count: Int) -> Void
    ) {
        withoutActuallyEscaping(body) { body in
            var sink = ClosureWordSink(body: body)
            scan(text, into: &sink)
        }
    }

    /// Hands each word of `text`, in order, to `sink`.
    ///
    /// The scan state lives in local variables and is passed `inout` to static helpers, never
    /// captured by a closure or local function: captured variables are boxed and checked for
    /// exclusive access at run time on every access, which once cost half of the signing time.
    ///
    /// - Precondition: `text` is valid UTF-8.
    /// - Complexity: O(n) in the length of `text`; allocation-free after warm-up.
    @inline(__always)
    func scan<Sink: WordSink>(_ text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        guard let p = text.baseAddress else { return }
        let n = text.count
        let stripMarks = normalization.foldsDiacritics
        var word = self.word
        var folded = self.folded
        defer {
            self.word = word
            self.folded = folded
        }
        // A word's bytes are bytes of `text` (lower-cased ASCII, or copied as they are), so a
        // buffer of n bytes holds any word: reserved once here, not once a word.
        word.reserve(n, keeping: 0)
        var start = -1
        var end = 0
        var length = 0
        var nonASCII = false
        let fold = Self.asciiFoldTable
        var i = 0
        while i < n {
            let b = p[i]
            if b < 0x80 {
                if fold[Int(b)] != 0 {
                    // A run of ASCII letters and digits, lower-cased into the word buffer.
                    if start < 0 { start = i }
                    let destination = word.base
                    var j = i
                    while j < n {
                        let folded = fold[Int(p[j])]
                        if folded == 0 { break }
                        destination[length] = folded
                        length &+= 1
                        j &+= 1
                    }
                    end = j
                    i = j
                } else if b == 0x27 && start >= 0 && Self.isWordCharacter(p, n, at: i &+ 1) {
                    i &+= 1  // intra-word apostrophe: skipped, the word goes on
                } else {
                    Self.flush(&start, end, &length, &nonASCII, word.base, &folded, stripMarks, &sink)
                    i &+= 1
                }
                continue
            }
            let (scalar, width) = Self.decodeScalar(p, n, at: i)
            if (scalar == 0x2019 || scalar == 0x02BC) && start >= 0 && Self.isWordCharacter(p, n, at: i &+ width) {
                i &+= width
                continue
            }
            switch CBoundary.scalarClass(scalar) {
            case .word:
                Self.append(p + i, width, at: i, &start, &end, &length, &nonASCII, &word)
            case .ideograph:
                Self.flush(&start, end, &length, &nonASCII, word.base, &folded, stripMarks, &sink)
                Self.append(p + i, width, at: i, &start, &end, &length, &nonASCII, &word)
                Self.flush(&start, end, &length, &nonASCII, word.base, &folded, stripMarks, &sink)
            case .format:
                break
            case .separator:
                Self.flush(&start, end, &length, &nonASCII, word.base, &folded, stripMarks, &sink)
            }
            i &+= width
        }
        Self.flush(&start, end, &length, &nonASCII, word.base, &folded, stripMarks, &sink)
    }

    /// For each byte, the lower-case form of an ASCII letter or digit, 0 for any other byte
    /// (non-ASCII bytes included). Allocated once, never freed.
    nonisolated(unsafe) static let asciiFoldTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            switch UInt8(b) {
            case 0x61...0x7A, 0x30...0x39: table[b] = UInt8(b)
            case 0x41...0x5A: table[b] = UInt8(b) | 0x20
            default: table[b] = 0
            }
        }
        return UnsafePointer(table)
    }()

    /// Appends the bytes of one non-ASCII word scalar to the word being collected.
    @inline(__always)
    static func append(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, at i: Int, _ start: inout Int, _ end: inout Int,
        _ length: inout Int, _ nonASCII: inout Bool, _ word: inout GrowableBuffer<UInt8>
    ) {
        if start < 0 { start = i }
        word.reserve(length &+ count, keeping: length)
        (word.base + length).update(from: bytes, count: count)
        length &+= count
        nonASCII = true
        end = i &+ count
    }

    /// Ends the word being collected, if any: normalises it (non-ASCII words) and hands it on.
    @inline(__always)
    static func flush<Sink: WordSink>(
        _ start: inout Int, _ end: Int, _ length: inout Int, _ nonASCII: inout Bool,
        _ word: UnsafeMutablePointer<UInt8>, _ folded: inout UnsafeMutableBufferPointer<Int32>,
        _ stripMarks: Bool, _ sink: inout Sink
    ) {
        guard start >= 0 else { return }
        if nonASCII {
            let count = CBoundary.foldNFKC(word, length, stripMarks: stripMarks, into: &folded)
            let bytes = UnsafeRawPointer(folded.baseAddress!).assumingMemoryBound(to: UInt8.self)
            if count > 0 { sink.word(start: start, end: end, normalized: bytes, count: count) }
        } else {
            sink.word(start: start, end: end, normalized: word, count: length)
        }
        start = -1
        length = 0
        nonASCII = false
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
