// The JSONL corpus reader: any bytes are read without a crash, and the documents and problems
// reported do not depend on the line reader's chunk size (1 byte up to the default 1 MiB), with
// the default document limit and with a limit some lines exceed.
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
    scratch.write(UnsafeRawBufferPointer(fuzzInput(data, size)))
    for limit in [64 << 20, size / 3 + 1] {
        let reader = CorpusReader(maximumDocumentBytes: limit)
        let expected = events(reader, chunkSize: 1 << 20)
        for chunkSize in chunkSizes.dropLast() {
            let got = events(reader, chunkSize: chunkSize)
            invariant(got == expected, "chunk size \(chunkSize), limit \(limit): \(got) != \(expected)")
        }
    }
    return 0
}
