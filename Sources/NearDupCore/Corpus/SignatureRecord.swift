import Foundation

/// One line of the JSONL that `neardup sign` writes: a document known only by its MinHash
/// signature, `{"id": …, <other fields>, "signature": {…}}`.
public struct SignatureRecord: Sendable {
    /// The document id (the reader's id field).
    public var id: String
    /// The signature (``Signature`` in its JSON form).
    public var signature: Signature
    /// Where the line came from.
    public var location: SourceLocation
    /// The line itself (without its newline), for outputs that pass records through.
    public var record: [UInt8]
}

extension CorpusReader {
    /// Reads JSONL files of signature records (the output of `neardup sign`; `-` is standard
    /// input; gzip is decompressed as ``read(_:document:problem:)`` does), calling `signature`
    /// for each record and `problem` for each line or file that cannot be used (malformed JSON,
    /// a missing or invalid `signature` object): those are skipped and named with file and line,
    /// the rest is read. Ids follow the rule of ``CorpusReader``: a number keeps its literal
    /// text, and a missing or empty id becomes `FILE:LINE`.
    ///
    /// Errors thrown by `signature` stop the reading and are rethrown.
    ///
    /// - Parameters:
    ///   - paths: JSONL files of signature records, or `-`, read in this order.
    ///   - signature: called with each record, in input order.
    ///   - problem: called with each line or file that cannot be used; the reading goes on.
    /// A file named twice (the same device and inode) is read once, with a warning.
    ///
    /// - Throws: what `signature` throws; and after every input is read, when a gzip member
    ///   failed its check or was cut short, ``NearDupError/Code/invalidInput`` as
    ///   ``read(_:document:problem:)`` does: records of that member may already have been
    ///   handed over unverified.
    /// - Complexity: O(total input bytes) (one JSON decoding per line); memory O(longest line).
    public func readSignatures(
        _ paths: [String], signature: (SignatureRecord) throws -> Void, problem: (CorpusProblem) -> Void
    ) throws {
        let decoder = JSONDecoder()
        // The id by the corpus rule (JSONLineParser); the signature object by JSONDecoder.
        let parser = JSONLineParser(idField: idField, textField: "\u{0}signature-record-has-no-text")
        var state = ReadState()
        for path in paths {
            let descriptor: Int32
            if path == "-" {
                descriptor = 0
            } else {
                do {
                    descriptor = try Syscalls.open(path, .readOnly, context: "cannot open")
                } catch {
                    problem(CorpusProblem(.skipped, SourceLocation(path: path), error.message))
                    continue
                }
            }
            defer { if descriptor != 0 { Syscalls.close(descriptor) } }
            if path != "-" && state.isRepeat(descriptor, path: path, problem: problem) { continue }
            let name = path == "-" ? standardInputName : path
            try forEachJSONLine(descriptor: descriptor, path: name, state: &state, problem: problem) { number, location, line in
                let bytes = Array(line)
                let decoded: SignatureLine
                do {
                    decoded = try decoder.decode(SignatureLine.self, from: Data(bytes))
                } catch {
                    problem(CorpusProblem(.skipped, location, "not a signature record: \(Self.describe(error))"))
                    return
                }
                guard let record = Self.parse(line, with: parser, path: name, number: number, problem: problem) else { return }
                try signature(SignatureRecord(
                    id: Self.documentID(record.id, path: name, line: number), signature: decoded.signature,
                    location: location, record: bytes))
            }
        }
        try state.throwIfDamaged()
    }

    /// A decoding error as a short sentence naming the field.
    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "no field \"\(path)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\": \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "field \"\(path)\": ") + context.debugDescription
        default:
            return "\(error)"
        }
    }
}

/// The decodable form of a signature line: its `signature` member (the id is read by the
/// corpus rule, by ``JSONLineParser``).
private struct SignatureLine: Decodable {
    let signature: Signature
}
