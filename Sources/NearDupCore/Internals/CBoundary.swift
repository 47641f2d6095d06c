// The calls into C go through this file (the swift-system pattern): xxHash for hashing,
// utf8proc for Unicode properties and normalisation, libstemmer for Snowball stemming. The one
// other C boundary is zlib, in Corpus/GzipStream.swift, which owns its stream state. XXH3 of
// words up to 16 bytes is also computed in Swift (Internals/ShortXXH3.swift, tested equal to
// the library's) so that it inlines into the signing loop. Nothing here is public.
internal import CStemmer
internal import CUTF8Proc
internal import CXXHash

@usableFromInline
package enum CBoundary {
    /// XXH3-64 of a byte range with a seed.
    @inline(__always)
    package static func xxh3(_ bytes: UnsafeRawPointer?, _ count: Int, seed: UInt64) -> UInt64 {
        neardup_xxh3_64(bytes, count, seed)
    }

    /// XXH64 of a byte range with a seed (tests only: published test vectors).
    static func xxh64(_ bytes: UnsafeRawPointer?, _ count: Int, seed: UInt64) -> UInt64 {
        neardup_xxh64(bytes, count, seed)
    }

    static var xxhashVersion: UInt32 { UInt32(neardup_xxh_version()) }

    /// General category classes NearDup cares about.
    enum ScalarClass {
        /// Letters, marks and numbers: part of a word.
        case word
        /// Han, Hiragana, Katakana: scripts written without spaces; each scalar is a word.
        case ideograph
        /// Format characters (ZWJ, ZWNJ, bidi marks, soft hyphen): invisible, never split a word.
        case format
        /// Everything else: spaces, punctuation, symbols, controls, emoji.
        case separator
    }

    @inline(__always)
    static func scalarClass(_ scalar: UInt32) -> ScalarClass {
        if scalar == 0x200B { return .separator }  // zero-width space: a word break, though Cf
        if (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
            || (0x3040...0x30FF).contains(scalar) || (0x20000...0x2FA1F).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar)
        {
            return .ideograph
        }
        switch utf8proc_category(Int32(bitPattern: scalar)) {
        case UTF8PROC_CATEGORY_LU, UTF8PROC_CATEGORY_LL, UTF8PROC_CATEGORY_LT,
            UTF8PROC_CATEGORY_LM, UTF8PROC_CATEGORY_LO, UTF8PROC_CATEGORY_MN,
            UTF8PROC_CATEGORY_MC, UTF8PROC_CATEGORY_ME, UTF8PROC_CATEGORY_ND,
            UTF8PROC_CATEGORY_NL, UTF8PROC_CATEGORY_NO:
            return .word
        case UTF8PROC_CATEGORY_CF:
            return .format
        default:
            return .separator
        }
    }

    /// NFKC + case folding (+ optional removal of combining marks) of `count` UTF-8 bytes,
    /// written as UTF-8 into `scratch`, which grows as needed. Default-ignorable characters
    /// (ZWJ, soft hyphen, bidi marks) are dropped. Returns the length of the output in bytes.
    /// Allocation-free once `scratch` is large enough.
    static func foldNFKC(
        _ bytes: UnsafePointer<UInt8>, _ count: Int, stripMarks: Bool,
        into scratch: inout UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var options = UTF8PROC_STABLE.rawValue | UTF8PROC_COMPAT.rawValue
            | UTF8PROC_CASEFOLD.rawValue | UTF8PROC_IGNORE.rawValue | UTF8PROC_COMPOSE.rawValue
        if stripMarks { options |= UTF8PROC_STRIPMARK.rawValue }
        let opts = utf8proc_option_t(rawValue: options)
        while true {
            let n = utf8proc_decompose(bytes, count, scratch.baseAddress, scratch.count, opts)
            if n < 0 { return 0 }  // invalid UTF-8 cannot reach here: input was validated
            if n >= scratch.count {  // reencode needs one spare slot for its terminator
                scratch.deallocate()
                scratch = .allocate(capacity: n * 2 + 16)
                continue
            }
            // Composes and re-encodes in place: UTF-8 never needs more than 4 bytes a scalar.
            let length = utf8proc_reencode(scratch.baseAddress, n, opts)
            return length < 0 ? 0 : length
        }
    }

    /// Full-text NFKC + case folding of a String (slow path for whole-text normalisation).
    static func foldNFKC(_ text: String, stripMarks: Bool) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String in
            guard let base = utf8.baseAddress, utf8.count > 0 else { return "" }
            var scratch = UnsafeMutableBufferPointer<Int32>.allocate(capacity: utf8.count + 16)
            defer { scratch.deallocate() }
            let n = foldNFKC(base, utf8.count, stripMarks: stripMarks, into: &scratch)
            let raw = UnsafeRawPointer(scratch.baseAddress!).assumingMemoryBound(to: UInt8.self)
            return String(decoding: UnsafeBufferPointer(start: raw, count: n), as: UTF8.self)
        }
    }
}

// MARK: - Snowball stemmers (libstemmer)

extension CBoundary {
    /// The algorithm names libstemmer was built with (`english`, `french`, `porter`, …).
    package static func stemmerLanguages() -> [String] {
        var names: [String] = []
        guard var list = sb_stemmer_list() else { return names }
        while let name = list.pointee {
            names.append(String(cString: name))
            list += 1
        }
        return names
    }

    /// A new UTF-8 stemmer for `language`, or `nil` when libstemmer has no such algorithm.
    package static func stemmerNew(_ language: String) -> OpaquePointer? {
        sb_stemmer_new(language, "UTF_8")
    }

    package static func stemmerDelete(_ stemmer: OpaquePointer) {
        sb_stemmer_delete(stemmer)
    }

    /// The XXH3-64 (with `seed`) of the stem of a UTF-8 word, hashed where libstemmer wrote it
    /// (no String is made); `nil` when libstemmer runs out of memory.
    package static func stemHash(_ stemmer: OpaquePointer, _ word: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64? {
        guard let base = word.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(word.count)) else { return nil }
        return neardup_xxh3_64(result, Int(sb_stemmer_length(stemmer)), seed)
    }

    /// The stem of a UTF-8 word; `nil` when libstemmer runs out of memory.
    package static func stem(_ stemmer: OpaquePointer, _ word: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = word.baseAddress, let result = sb_stemmer_stem(stemmer, base, Int32(word.count)) else { return nil }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
    }
}

