// The text decoder and the tokenizer on any bytes: decoding agrees with the standard library's
// UTF-8 validation, Windows-1252 gives one scalar per byte, whole-file decoding (byte order
// marks, UTF-16 and UTF-32) gives back the input when re-encoded, and tokens are non-empty,
// ordered, inside the text, and hash to their normalised words.
import FuzzSupport
import NearDup

@main enum FuzzText {
    static func main() { runFuzzer(fuzzOne) }
}

let tokenizers = [Tokenizer(), Tokenizer(seed: 7, normalization: Normalization(foldsDiacritics: true))]

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let decoded = TextDecoder.decode(buffer: bytes)
    let valid = String(validating: bytes, as: UTF8.self)
    invariant(decoded == TextDecoder.decode(Array(bytes)), "the buffer and collection decoders differ")
    if let valid {
        invariant(decoded.encoding == .utf8 && decoded.text == valid && decoded.firstInvalidByteOffset == nil,
                  "valid UTF-8 not decoded as UTF-8")
        invariant(decoded.warning == nil, "a warning for valid UTF-8")
    } else {
        invariant(decoded.encoding == .windows1252, "invalid UTF-8 decoded as \(decoded.encoding)")
        invariant(decoded.text.unicodeScalars.count == size, "Windows-1252: not one scalar per byte")
        let offset = decoded.firstInvalidByteOffset ?? -1
        invariant((0..<size).contains(offset), "first invalid byte offset \(offset) outside 0..<\(size)")
        invariant(String(validating: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self) != nil,
                  "the bytes before the first invalid byte \(offset) are not valid UTF-8")
        invariant(decoded.warning != nil, "no warning for the fallback")
    }

    checkFileDecoding(bytes, decoded)

    let text = decoded.text
    let length = text.utf8.count
    for tokenizer in tokenizers {
        let tokens = tokenizer.tokens(in: text)
        let words = tokenizer.words(in: text)
        invariant(tokens.map(\.range) == words.map(\.range), "tokens and words disagree on ranges")
        var previousEnd = 0
        for (token, word) in zip(tokens, words) {
            invariant(token.range.lowerBound >= previousEnd && token.range.upperBound <= length && !token.range.isEmpty,
                      "token range \(token.range) (previous end \(previousEnd), text \(length) bytes)")
            previousEnd = token.range.upperBound
            invariant(!word.text.isEmpty, "an empty normalised word at \(word.range)")
            invariant(tokenizer.hash(normalizedWord: word.text) == token.hash, "hash of \(word.text) differs")
        }
        invariant(tokens == tokenizer.tokens(in: text), "tokenizing twice differs")
    }
    return 0
}

/// Whole-file decoding (issue 17): UTF-16 or UTF-32 without a bad unit re-encodes, after its
/// byte order mark, to exactly the input; a UTF-8 byte order mark is left out and the rest decoded
/// as `decode(buffer:)` does; with neither, a file is decoded as `decode(buffer:)` decodes it
/// unless it has a NUL byte (then it is binary, or UTF-16 told by its zero bytes).
func checkFileDecoding(_ bytes: UnsafeBufferPointer<UInt8>, _ plain: DecodedText) {
    let file = TextDecoder.decodeFile(buffer: bytes)
    let hasNUL = bytes.prefix(8000).contains(0)
    guard let file else {
        invariant(hasNUL && TextDecoder.wideByteOrderMark(bytes) == nil, "refused as binary without a NUL byte or with a byte order mark")
        return
    }
    func units(_ width: Int, littleEndian: Bool) -> [UInt8] {
        let values: [UInt32] = width == 2 ? file.text.utf16.map(UInt32.init) : file.text.unicodeScalars.map(\.value)
        return values.flatMap { value in
            let le = (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
            return littleEndian ? le : le.reversed()
        }
    }
    switch file.encoding {
    case .utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian:
        let width = file.encoding == .utf16LittleEndian || file.encoding == .utf16BigEndian ? 2 : 4
        let little = file.encoding == .utf16LittleEndian || file.encoding == .utf32LittleEndian
        let mark = TextDecoder.wideByteOrderMark(bytes) == file.encoding ? width : 0
        invariant(mark > 0 || hasNUL, "\(file.encoding) without a byte order mark or a NUL byte")
        invariant(mark > 0 || file.firstInvalidByteOffset == nil, "UTF-16 told by zero bytes with a bad unit")
        if file.firstInvalidByteOffset == nil {
            invariant(units(width, littleEndian: little) == Array(bytes[mark...]), "\(file.encoding) does not re-encode to the input")
        } else {
            invariant(file.warning != nil, "bad \(file.encoding) units without a warning")
        }
    case .utf8, .windows1252:
        if bytes.starts(with: TextDecoder.utf8ByteOrderMark) {
            invariant(file.text == TextDecoder.decode(buffer: UnsafeBufferPointer(rebasing: bytes[3...])).text, "after a UTF-8 byte order mark")
        } else {
            invariant(!hasNUL && file == plain, "a file without a byte order mark decoded otherwise than decode(buffer:)")
        }
    }
}
