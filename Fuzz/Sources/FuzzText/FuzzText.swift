// The text decoder and the tokenizer on any bytes: decoding agrees with the standard library's
// UTF-8 validation, Windows-1252 gives one scalar per byte, and tokens are non-empty, ordered,
// inside the text, and hash to their normalised words.
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
