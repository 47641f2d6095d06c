import Foundation
import Testing

/// Issue 9, must-have 4: `neardup dedup` and `neardup index` read the JSONL `neardup sign`
/// writes; exact verification of signatures is refused, estimates say so by having no "jaccard".
@Suite(.serialized) struct SignatureInputCLITests {
    /// The CLI corpus, signed (4 documents; the malformed line is skipped by `sign`).
    static func signed() throws -> (folder: URL, texts: String, signatures: String) {
        let folder = try DedupCLITests.corpus()
        let texts = folder.appendingPathComponent("news.jsonl").path
        let signatures = folder.appendingPathComponent("signatures.jsonl").path
        let run = try CLITests.run(["sign", texts, "--shingle", "words:3", "--output", signatures])
        #expect(run.status == 1, "the malformed line is skipped")
        return (folder, texts, signatures)
    }

    @Test func dedupOfSignaturesMatchesDedupOfTextsByEstimate() throws {
        let (folder, texts, signatures) = try Self.signed()
        let fromTexts = folder.appendingPathComponent("t.jsonl"), fromSignatures = folder.appendingPathComponent("s.jsonl")
        let keep = folder.appendingPathComponent("keep.jsonl")
        _ = try CLITests.run(["dedup", texts, "--shingle", "words:3", "--verify", "estimate", "--pairs", fromTexts.path, "-q"])
        let run = try CLITests.run([
            "dedup", signatures, "--signatures", "--shingle", "words:3", "--pairs", fromSignatures.path, "--keep", keep.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 identical signatures"), "\(run.stderr)")
        let pairs = try DedupCLITests.jsonLines(fromSignatures)
        #expect(pairs.map { "\($0["a"]!)\($0["b"]!)" } == ["ab", "ac", "bc"])
        #expect(pairs.allSatisfy { $0["jaccard"] == nil && $0["estimate"] is Double }, "estimates only")
        #expect(try String(contentsOf: fromTexts, encoding: .utf8) == String(contentsOf: fromSignatures, encoding: .utf8))
        // --keep passes the signature records through.
        let kept = try DedupCLITests.jsonLines(keep)
        #expect(kept.map { $0["id"] as! String } == ["a", "d"])
        #expect(kept.allSatisfy { $0["signature"] is [String: Any] })
    }

    @Test func exactVerificationOfSignaturesIsRefused() throws {
        let (folder, _, signatures) = try Self.signed()
        let run = try CLITests.run(["dedup", signatures, "--signatures", "--shingle", "words:3", "--verify", "exact"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("signatures carry no shingles"))
        let index = folder.appendingPathComponent("exact.ndx").path
        _ = try CLITests.run(["index", "create", index, folder.appendingPathComponent("news.jsonl").path, "--shingle", "words:3", "-q"])
        let add = try CLITests.run(["index", "add", index, signatures, "--signatures", "--shingle", "words:3"])
        #expect(add.status == 2)
        #expect(add.stderr.contains("keeps shingle fingerprints"))
    }

    @Test func signaturesOfAnotherConfigurationOrBrokenLinesAreSkippedByLine() throws {
        let (folder, _, signatures) = try Self.signed()
        let bad = folder.appendingPathComponent("bad.jsonl")
        try "{\"id\": \"x\", \"signature\": {\"scheme\": \"one-permutation\"}}\nnot json\n".write(to: bad, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["dedup", bad.path, signatures, "--signatures", "--pairs", "/dev/null"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.jsonl:1: skipped: not a signature record"))
        #expect(run.stderr.contains("bad.jsonl:2: skipped"))
        #expect(run.stderr.contains("signatures.jsonl:1: skipped: the signature of \"a\" was made with"), "words:3 signatures, words:5 run")
    }

    /// Signatures of format 1 (written before the word-shingle hash changed: no "format"
    /// field) are refused line by line, naming the file and line and saying what to do.
    @Test func signaturesOfTheOldFormatAreRefusedByLine() throws {
        let (folder, _, signatures) = try Self.signed()
        let current = try String(contentsOfFile: signatures, encoding: .utf8)
        #expect(current.contains("\"signature\":{\"format\":2,"))
        let old = folder.appendingPathComponent("old.jsonl")
        try current.replacingOccurrences(of: "\"format\":2,", with: "").write(to: old, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["dedup", old.path, "--signatures", "--shingle", "words:3", "--pairs", "/dev/null"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("old.jsonl:1:"), "\(run.stderr)")
        #expect(run.stderr.contains("signature format version 1"), "\(run.stderr)")
        #expect(run.stderr.contains("sign the documents again"), "\(run.stderr)")
    }

    @Test func indexFromSignaturesAnswersSignatureQueriesWithEstimates() throws {
        let (folder, _, signatures) = try Self.signed()
        let index = folder.appendingPathComponent("sig.ndx").path
        let create = try CLITests.run(["index", "create", index, signatures, "--signatures", "--shingle", "words:3", "-q"])
        #expect(create.status == 0, "\(create.stderr)")
        let query = try CLITests.run(["index", "query", index, signatures, "--signatures", "--shingle", "words:3", "--matches-only", "-q"])
        #expect(query.status == 0)
        let lines = query.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let a = try #require(lines.first { $0["id"] as? String == "a" })
        let matches = try #require(a["matches"] as? [[String: Any]])
        #expect(Set(matches.map { $0["id"] as! String }) == ["a", "b", "c"])
        #expect(matches.allSatisfy { $0["jaccard"] == nil })
    }
}
