// The JSONL corpus reader: any bytes are read without a crash, and the documents and problems
// reported do not depend on the line reader's chunk size (1 byte up to the default 1 MiB), with
// the default document limit and with a limit some lines exceed. A line Foundation's
// JSONSerialization reads as an object with a string text field gives a document with that text
// (and id), unless the line is one where the two may rightly differ (below).
import Foundation
import FuzzSupport
@_spi(Fuzzing) import NearDup

/// Everything the reader reported, in order, in a comparable form.
enum Event: Equatable {
    case document(id: String, text: String, encoding: TextEncoding, location: SourceLocation, record: [UInt8]?, others: String?)
    case problem(String)
}

let scratch = ScratchFile(suffix: ".jsonl")
let chunkSizes = [1, 2, 3, 7, 64, 1 << 20]

func events(_ reader: CorpusReader, chunkSize: Int) -> [Event] {
    scratch.rewind()
    var events: [Event] = []
    try! reader.readJSONLines(
        descriptor: scratch.descriptor, path: "input.jsonl", chunkSize: chunkSize,
        document: { d in
            invariant(d.text.utf8.count <= 4 * (d.record?.count ?? 0) + 4, "text longer than its record")
            // Issue 17: an id or passed-through field never gets a U+FFFD the line did not
            // have (as its bytes or as an escape): invalid UTF-8 and unpaired surrogates are refused.
            if let record = d.record, !hasReplacementCharacter(record) {
                invariant(!d.id.contains("\u{FFFD}") && !(d.otherFieldsJSON ?? "").contains("\u{FFFD}"),
                          "U+FFFD made up in id \(d.id.debugDescription) or other fields \(d.otherFieldsJSON ?? "")")
            }
            events.append(.document(
                id: d.id, text: d.text, encoding: d.encoding, location: d.location, record: d.record,
                others: d.otherFieldsJSON))
        },
        problem: { events.append(.problem($0.description)) })
    return events
}

@main enum FuzzJSONL {
    static func main() { runFuzzer(fuzzOne) }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    scratch.write(UnsafeRawBufferPointer(bytes))
    for limit in [64 << 20, size / 3 + 1] {
        let reader = CorpusReader(maximumDocumentBytes: limit)
        let expected = events(reader, chunkSize: 1 << 20)
        for chunkSize in chunkSizes.dropLast() {
            let got = events(reader, chunkSize: chunkSize)
            invariant(got == expected, "chunk size \(chunkSize), limit \(limit): \(got) != \(expected)")
        }
        guard limit == 64 << 20 else { continue }
        if TextDecoder.wideByteOrderMark(bytes) != nil {
            // A UTF-16 or UTF-32 byte order mark: the stream is refused whole, in one problem
            // (with the default limit, so that the first line is never too long to look at).
            var refused = false
            if expected.count == 1, case .problem(let message) = expected[0] { refused = message.contains("byte order mark") }
            invariant(refused, "a stream starting with a UTF-16/32 byte order mark gave \(expected)")
        } else {
            compareWithFoundation(bytes, expected)
        }
    }
    return 0
}

/// Whether a line holds U+FFFD itself: its UTF-8 bytes or a `\\ufffd` escape (any case).
func hasReplacementCharacter(_ line: [UInt8]) -> Bool {
    let lower = line.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }[...]
    return count("\u{FFFD}", in: lower) + count("\\ufffd", in: lower) > 0
}

/// Occurrences of `needle` in `line`.
func count(_ needle: String, in line: ArraySlice<UInt8>) -> Int {
    let n = Array(needle.utf8)
    guard line.count >= n.count else { return 0 }
    return (line.startIndex...(line.endIndex - n.count)).filter { line[$0..<($0 + n.count)].elementsEqual(n) }.count
}

/// Whether `line` has a comma followed (after blanks) by `}` or `]` anywhere, inside strings too
/// (a conservative test: such lines are only left out of the comparison).
func hasTrailingComma(_ line: ArraySlice<UInt8>) -> Bool {
    var sawComma = false
    for byte in line {
        switch byte {
        case UInt8(ascii: ","): sawComma = true
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
        case UInt8(ascii: "}"), UInt8(ascii: "]"): if sawComma { return true }
        default: sawComma = false
        }
    }
    return false
}

/// Differential check of the hand-written JSON scanning against JSONSerialization, on lines
/// where they must agree: valid UTF-8, the `"text"` and `"id"` keys written once and plainly
/// (duplicates resolve differently; the reader refuses a repeated id or text field), no escaped
/// surrogate (the reader refuses a lone one; Foundation may keep it as U+FFFD),
/// no trailing comma (`{"text": "x",}`: invalid JSON, RFC 8259, which the reader refuses and
/// Foundation's JSONSerialization on Linux accepts).
func compareWithFoundation(_ bytes: UnsafeBufferPointer<UInt8>, _ events: [Event]) {
    let documents = Dictionary(events.compactMap { event -> (Int, (String, String))? in
        guard case .document(let id, let text, _, let location, _, _) = event else { return nil }
        return (location.line!, (id, text))
    }, uniquingKeysWith: { a, _ in a })
    for (number, line) in Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
        guard String(validating: line, as: UTF8.self) != nil, count("\"text\"", in: line) == 1,
            count("\"id\"", in: line) <= 1, count("\\ud", in: line) + count("\\uD", in: line) == 0,
            !hasTrailingComma(line),
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = object["text"] as? String
        else { continue }
        guard let (id, got) = documents[number + 1] else {
            invariant(false, "line \(number + 1) is a JSON object with a text field, but no document was read")
            continue
        }
        invariant(got == text, "line \(number + 1): text \(got.debugDescription), JSONSerialization \(text.debugDescription)")
        // The id rule: a non-empty string is the id as written; an empty one becomes FILE:LINE.
        if let expectedID = object["id"] as? String {
            if expectedID.isEmpty {
                invariant(id.hasSuffix(":\(number + 1)"), "line \(number + 1): empty id read as \(id.debugDescription), not FILE:LINE")
            } else {
                invariant(id == expectedID, "line \(number + 1): id \(id.debugDescription), JSONSerialization \(expectedID.debugDescription)")
            }
        }
    }
}
