import Foundation
import NearDup
import NearDupCore

/// A line of a file the `neardup discover` stages pass each other, read from its members.
protocol StageLine {
    /// The name of the line's kind in a skipped line's message.
    static var kind: String { get }
    /// Reads the line's members.
    init(_ line: JSONObjectLine) throws(JSONObjectLine.FieldError)
}

/// The JSONL files the `neardup discover` stages pass each other: read whole (a file or `-`),
/// one JSON object a line, blank lines ignored; a line that does not read is reported with its
/// file and line number (and the byte offset for malformed JSON) and skipped.
enum StageLines {
    /// Reads every line of `path` as `T`; `skipped` counts the lines that did not read.
    static func read<T: StageLine>(_ type: T.Type, from path: String, skipped: inout Int) throws -> [T] {
        let data: [UInt8]
        do {
            data = path == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
        }
        var values: [T] = []
        var number = 0
        data.withUnsafeBufferPointer { all in
            var start = 0
            while start <= all.count {
                var end = start
                while end < all.count, all[end] != 0x0A { end += 1 }
                number += 1
                let line = UnsafeBufferPointer(rebasing: all[start..<end])
                start = end + 1
                guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
                let reason: String
                do {
                    values.append(try T(JSONObjectLine(line)))
                    continue
                } catch let error as JSONLineParser.SyntaxError {
                    reason = "malformed JSON at byte \(error.offset + 1): \(error.message)"
                } catch let error as JSONObjectLine.FieldError {
                    switch error {
                    case .missing(let key): reason = "no \"\(key)\" field"
                    case .wrongType(let key): reason = "wrong type at \(key)"
                    }
                } catch {
                    reason = "\(error)"
                }
                skipped += 1
                StandardError.write("neardup: \(SourceLocation(path: path, line: number).description): skipped: not a \(T.kind) line: \(reason)")
            }
        }
        return values
    }
}

/// A line of `neardup discover candidates`: a story, one of its candidate sources, the weight.
struct CandidateLine: StageLine {
    static let kind = "candidate pair"
    var story: String
    var source: String
    var weight: Double
    var sharedTerms: Int

    init(story: String, source: String, weight: Double, sharedTerms: Int) {
        (self.story, self.source, self.weight, self.sharedTerms) = (story, source, weight, sharedTerms)
    }

    init(_ line: JSONObjectLine) throws(JSONObjectLine.FieldError) {
        self.init(story: try line.string("story"), source: try line.string("source"), weight: try line.double("weight"),
                  sharedTerms: try line.int("shared_terms"))
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

extension RewriteSketch: StageLine {
    static let kind = "sketch"

    init(_ line: JSONObjectLine) throws(JSONObjectLine.FieldError) {
        self.init(id: try line.string("id"), date: try line.optionalString("date"), outlet: try line.optionalString("outlet"),
                  terms: try line.uint32Array("terms"))
    }

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
