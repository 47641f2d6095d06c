import Foundation
import Testing

/// End-to-end tests of `neardup sketch`, the per-document record the Spark job is built on: its
/// band keys, signature and fingerprints must give the candidates and similarities of
/// `neardup dedup`, and a slice of a file on standard input must be named as in the file.
@Suite(.serialized) struct SketchCLITests {
    struct Sketch {
        var id: String
        var line: Int?
        var setSize: Int
        var bands: [UInt64]
        var signature: [UInt32]
        var fingerprints: [UInt64]
    }

    static func values<T: FixedWidthInteger>(_ base64: String, as: T.Type) throws -> [T] {
        let data = try #require(Data(base64Encoded: base64))
        #expect(data.count % MemoryLayout<T>.size == 0)
        return stride(from: 0, to: data.count, by: MemoryLayout<T>.size).map { offset in
            data[offset..<(offset + MemoryLayout<T>.size)].enumerated().reduce(T.zero) { $0 | T($1.element) << (8 * $1.offset) }
        }
    }

    /// The document lines of a sketch output (problem lines left out), and the problem lines.
    static func parse(_ output: String) throws -> (sketches: [Sketch], problems: [[String: Any]]) {
        var sketches: [Sketch] = [], problems: [[String: Any]] = []
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let id = object["id"] as? String else {
                problems.append(object)
                continue
            }
            sketches.append(Sketch(
                id: id, line: object["line"] as? Int, setSize: try #require(object["set_size"] as? Int),
                bands: try values(try #require(object["bands"] as? String), as: UInt64.self),
                signature: try values(try #require(object["signature"] as? String), as: UInt32.self),
                fingerprints: try values(try #require(object["fingerprints"] as? String), as: UInt64.self)))
        }
        return (sketches, problems)
    }

    @Test func sketchesGiveDedupsCandidatesAndSimilarities() throws {
        let folder = try DedupCLITests.corpus()
        let input = folder.appendingPathComponent("news.jsonl").path
        let pairsFile = folder.appendingPathComponent("pairs.jsonl")
        let dedup = try CLITests.run(["dedup", input, "--shingle", "words:3", "--pairs", pairsFile.path, "--quiet"])
        #expect(dedup.status == 1, "the corpus has a malformed line")
        let run = try CLITests.run(["sketch", input, "--shingle", "words:3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("news.jsonl:5"))
        let (sketches, problems) = try Self.parse(run.stdout)
        #expect(sketches.map(\.id) == ["a", "b", "c", "d"])
        #expect(sketches.map(\.line) == [1, 2, 3, 4])
        #expect(problems.count == 1)
        #expect((problems.first?["skipped"] as? String)?.hasPrefix("\(input):5:") == true)
        #expect(problems.first?["line"] as? Int == 5)
        for sketch in sketches {
            #expect(sketch.bands.count == 18, "18 × 6 at threshold 0.8 and k = 128")
            #expect(sketch.signature.count == 128)
            #expect(sketch.fingerprints.count == sketch.setSize)
            #expect(sketch.fingerprints == sketch.fingerprints.sorted() && Set(sketch.fingerprints).count == sketch.setSize)
        }
        // Every pair dedup reports shares a band, and has the Jaccard and estimate of the sketches.
        let byID = Dictionary(uniqueKeysWithValues: sketches.map { ($0.id, $0) })
        let pairs = try DedupCLITests.jsonLines(pairsFile)
        #expect(pairs.count == 3)
        for pair in pairs {
            let a = try #require(byID[pair["a"] as! String]), b = try #require(byID[pair["b"] as! String])
            #expect(zip(a.bands, b.bands).contains { $0 == $1 })
            let shared = Set(a.fingerprints).intersection(b.fingerprints).count
            let jaccard = Double(shared) / Double(a.setSize + b.setSize - shared)
            let estimate = Double(zip(a.signature, b.signature).filter { $0 == $1 }.count) / 128
            #expect(abs(jaccard - (pair["jaccard"] as! Double)) < 1e-6)
            #expect(abs(estimate - (pair["estimate"] as! Double)) < 1e-6)
        }
        // The unrelated story shares no band with the others.
        let d = try #require(byID["d"])
        for other in sketches where other.id != "d" { #expect(!zip(d.bands, other.bands).contains { $0 == $1 }) }
    }

    @Test func aSliceOnStandardInputIsNamedAndNumberedAsInItsFile() throws {
        let input = #"""
            {"text": "a record without an id has the file and line as its id"}
            {"id": "x", "text": unquoted}

            {"id": "y", "text": ""}
            """#
        let run = try CLITests.run(["sketch", "-", "--stdin-name", "corpus.jsonl", "--first-line", "41", "--verify", "estimate"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("corpus.jsonl:42:"))
        let (sketches, problems) = try Self.parse(run.stdout)
        #expect(sketches.map(\.id) == ["corpus.jsonl:41", "y"])
        #expect(sketches.map(\.line) == [41, 44])
        #expect(sketches.last?.setSize == 0, "an empty text has no shingles and is never a candidate")
        #expect(sketches.allSatisfy { $0.fingerprints.isEmpty }, "--verify estimate needs no fingerprints")
        #expect(problems.map { $0["line"] as? Int } == [42])
    }

    @Test func sketchRefusesBadBanding() throws {
        let run = try CLITests.run(["sketch", "-", "--bands", "20"], stdin: "")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--bands and --rows together"))
        let wide = try CLITests.run(["sketch", "-", "--bands", "20", "--rows", "7"], stdin: "")
        #expect(wide.status != 0)
        #expect(wide.stderr.contains("--permutations (128)"))
    }
}
