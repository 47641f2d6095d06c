import Foundation
import NearDup

/// The JSONL files the `neardup discover` stages pass each other: read whole (a file or `-`),
/// one JSON object a line, blank lines ignored; a line that does not decode is reported with
/// its file and line number and skipped.
enum StageLines {
    /// Decodes every line of `path` as `T`; `skipped` counts the lines that did not decode.
    static func read<T: Decodable>(_ type: T.Type, from path: String, skipped: inout Int) throws -> [T] {
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        var values: [T] = []
        var number = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            do {
                values.append(try decoder.decode(T.self, from: Data(line)))
            } catch {
                skipped += 1
                StandardError.write("neardup: \(SourceLocation(path: path, line: number).description): skipped: not a \(T.self) line: \(Self.reason(error))")
            }
        }
        return values
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no \"\(key.stringValue)\" field"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "malformed JSON"
        default: "\(error)"
        }
    }
}

/// A line of `neardup discover candidates`: a story, one of its candidate sources, the weight.
struct CandidateLine: Codable {
    var story: String
    var source: String
    var weight: Double
    var sharedTerms: Int

    enum CodingKeys: String, CodingKey {
        case story, source, weight
        case sharedTerms = "shared_terms"
    }

    func rendered() -> String {
        var line = JSONLine()
        line.append("story", story)
        line.append("source", source)
        line.append("weight", weight)
        line.append("shared_terms", sharedTerms)
        return line.text
    }
}

extension RewriteSketch {
    /// The sketch's line in `neardup discover sketch` output.
    func renderedLine() -> String {
        var line = JSONLine()
        line.append("id", id)
        if let date { line.append("date", date) }
        if let outlet { line.append("outlet", outlet) }
        line.append("terms", json: "[" + terms.map(String.init).joined(separator: ",") + "]")
        return line.text
    }
}
