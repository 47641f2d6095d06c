/// The Porter (1980) stemming algorithm for English, on already lower-cased words.
///
/// Conflates inflected and derived forms so that rewritten sentences still match:
/// *connected*, *connecting* and *connection* → `connect`; *ponies* → `poni`; *approving* →
/// `approv`. Words with anything other than ASCII letters (digits,
/// accented or non-Latin letters) and words of one or two letters are returned unchanged.
///
/// This is M. F. Porter's original algorithm ("An algorithm for suffix stripping", *Program*
/// 14(3), 1980), steps 1a–5b, without the later Snowball revisions.
public struct PorterStemmer: Sendable {
    /// Makes a stemmer. It holds no state, so one can be shared by any number of threads.
    public init() {}

    /// The stem of `word`.
    ///
    /// - Complexity: O(n) in the length of `word`.
    public func stem(_ word: String) -> String {
        var b = Array(word.utf8)
        guard b.count > 2, b.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var w = _Word(b: b)
        w.step1ab()
        if w.k > 0 {
            w.step1c()
            w.step2()
            w.step3()
            w.step4()
            w.step5()
        }
        b = Array(w.b[0...w.k])
        return String(decoding: b, as: UTF8.self)
    }
}

/// The working state of one word: `b[0...k]` is the current word, `j` the end of the stem
/// before a matched suffix.
private struct _Word {
    var b: [UInt8]
    var k: Int
    var j = 0

    init(b: [UInt8]) {
        self.b = b
        self.k = b.count - 1
    }

    func isConsonant(_ i: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(i - 1)
        default: return true
        }
    }

    /// The number of vowel-consonant sequences in `b[0...j]`.
    func measure() -> Int {
        var n = 0
        var i = 0
        while true {
            if i > j { return n }
            if !isConsonant(i) { break }
            i += 1
        }
        i += 1
        while true {
            while true {
                if i > j { return n }
                if isConsonant(i) { break }
                i += 1
            }
            i += 1
            n += 1
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
        }
    }

    func vowelInStem() -> Bool { (0...max(0, j)).contains { j >= 0 && !isConsonant($0) } }

    func doubleConsonant(_ i: Int) -> Bool { i >= 1 && b[i] == b[i - 1] && isConsonant(i) }

    /// Consonant-vowel-consonant ending at `i`, the last consonant not w, x or y.
    func cvc(_ i: Int) -> Bool {
        guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
        let c = b[i]
        return c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "y")
    }

    mutating func ends(_ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        guard s.count <= k + 1 else { return false }
        for (offset, byte) in s.enumerated() where b[k - s.count + 1 + offset] != byte { return false }
        j = k - s.count
        return true
    }

    mutating func setTo(_ replacement: String) {
        let r = Array(replacement.utf8)
        b.replaceSubrange((j + 1)..<(k + 1), with: r)
        k = j + r.count
    }

    mutating func replaceIfMeasured(_ replacement: String) {
        if measure() > 0 { setTo(replacement) }
    }

    mutating func step1ab() {
        if b[k] == UInt8(ascii: "s") {
            if ends("sses") { k -= 2 } else if ends("ies") { setTo("i") } else if k >= 1, b[k - 1] != UInt8(ascii: "s") { k -= 1 }
        }
        if ends("eed") {
            if measure() > 0 { k -= 1 }
        } else if (ends("ed") || ends("ing")) && vowelInStem() {
            k = j
            if ends("at") { setTo("ate") } else if ends("bl") { setTo("ble") } else if ends("iz") { setTo("ize") }
            else if doubleConsonant(k) {
                let c = b[k]
                if c != UInt8(ascii: "l") && c != UInt8(ascii: "s") && c != UInt8(ascii: "z") { k -= 1 }
            } else {
                j = k
                if measure() == 1 && cvc(k) { j = k; setTo("e") }
            }
        }
    }

    mutating func step1c() {
        if ends("y") && vowelInStem() { b[k] = UInt8(ascii: "i") }
    }

    private static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
    ]

    mutating func step2() {
        for (suffix, replacement) in Self.step2Rules where ends(suffix) {
            replaceIfMeasured(replacement)
            return
        }
    }

    private static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    mutating func step3() {
        for (suffix, replacement) in Self.step3Rules where ends(suffix) {
            replaceIfMeasured(replacement)
            return
        }
    }

    /// Longest first, as the original's switch on the penultimate letter tries them.
    private static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
        "iti", "ous", "ive", "ize",
    ].sorted { $0.utf8.count > $1.utf8.count }

    mutating func step4() {
        var matched = false
        for suffix in Self.step4Suffixes where ends(suffix) {
            if suffix == "ion" {
                guard j >= 0, b[j] == UInt8(ascii: "s") || b[j] == UInt8(ascii: "t") else { continue }
            }
            matched = true
            break
        }
        if matched && measure() > 1 { k = j }
    }

    mutating func step5() {
        j = k
        if b[k] == UInt8(ascii: "e") {
            j = k - 1
            let m = measure()
            if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
        }
        j = k
        if b[k] == UInt8(ascii: "l") && doubleConsonant(k) && measure() > 1 { k -= 1 }
    }
}
