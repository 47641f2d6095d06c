import Foundation
import Testing

/// Issue 17, the input side ("never lose an input, never confuse two stories"): each test is a
/// command the issue's probe ran, with the files before and after and the exit status. Each
/// failed on main at 1f77e11.
@Suite(.serialized) struct InputIntegrityCLITests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func objects(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The keys of a JSON object as written, in order (JSONSerialization keeps one of two equal keys).
    static func topLevelKeys(_ line: Substring) -> [String] {
        var keys: [String] = [], depth = 0, inString = false, escaped = false, current = "", afterOpen = false
        for character in line {
            if inString {
                if escaped { escaped = false; current.append(character); continue }
                if character == "\\" { escaped = true; current.append(character); continue }
                if character == "\"" { inString = false; if depth == 1 && afterOpen { keys.append(current) }; afterOpen = false; continue }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; afterOpen = depth == 1
            case "}", "]": depth -= 1
            case ",": afterOpen = depth == 1
            default: break
            }
        }
        return keys
    }

    // MARK: Item 4: sign never writes a key twice

    @Test func signWithAnotherIDFieldAndAStaleSignatureWritesEachKeyOnce() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("c.jsonl")
        let stale = #"{"format":2,"scheme":"one-permutation","permutations":4,"seed":1,"shingling":"words:5","fold_diacritics":false,"set_size":3,"hashvalues":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}"#
        try Self.write(
            #"{"doc_id":"B","id":"A","text":"the council approved the budget on monday","url":"u1","signature":\#(stale)}"# + "\n"
                + #"{"doc_id":"C","id":"A","text":"heavy rain flooded the streets of the old town","signature":\#(stale)}"# + "\n",
            to: corpus)
        let run = try CLITests.run(["sign", corpus.path, "--id-field", "doc_id", "--permutations", "4", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.map(Self.topLevelKeys) == [["id", "url", "signature"], ["id", "signature"]], "\(run.stdout)")
        let objects = try Self.objects(run.stdout)
        #expect(objects.map { $0["id"] as? String } == ["B", "C"])
        // The signatures are the new ones: the two stories differ, the stale values were equal.
        let values = objects.map { ($0["signature"] as? [String: Any])?["hashvalues"] as? String }
        #expect(values[0] != values[1])
        #expect(!values.contains("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
    }

    /// Re-signing sign's own output (the records carry a signature) gives the same lines.
    @Test func reSigningASignedCorpusReplacesTheSignature() throws {
        let input = #"{"id":"A","text":"the council approved the budget on monday","lang":"en"}"# + "\n"
        let first = try CLITests.run(["sign", "-", "--permutations", "8", "-q"], stdin: input)
        #expect(first.status == 0)
        // A record with text and the signature sign wrote, signed again with another seed.
        let record = first.stdout.replacingOccurrences(of: #""lang":"en""#, with: #""lang":"en","text":"the council approved the budget on monday""#)
        let again = try CLITests.run(["sign", "-", "--permutations", "8", "--seed", "2", "-q"], stdin: record)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.split(separator: "\n").map(Self.topLevelKeys) == [["id", "lang", "signature"]], "\(again.stdout)")
        let signature = try Self.objects(again.stdout).first?["signature"] as? [String: Any]
        #expect(signature?["seed"] as? Int == 2)
    }

    /// Records whose `id` or `text` field is given twice are refused: readers disagree on which counts.
    @Test func aRepeatedIDOrTextFieldIsRefusedWithItsLine() throws {
        let input = #"{"id":"A","id":"B","text":"one two three four five six"}"# + "\n"
            + #"{"id":"C","text":"one two","text":"three four"}"# + "\n"
            + #"{"id":"D","text":"seven eight nine ten eleven"}"# + "\n"
        let run = try CLITests.run(["sign", "-", "--permutations", "4", "-q"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains(#"<stdin>:1:11: skipped: malformed JSON: field "id" given twice"#), "\(run.stderr)")
        #expect(run.stderr.contains(#"<stdin>:2:28: skipped: malformed JSON: field "text" given twice"#), "\(run.stderr)")
        #expect(try Self.objects(run.stdout).map { $0["id"] as? String } == ["D"])
    }

    // MARK: Item 5: ids of text files are unique across arguments

    @Test func textFilesInTwoFoldersKeepTheirOwnIDs() throws {
        let folder = try Self.folder()
        try Self.write("the mayor opened the new bridge over the river on monday morning", to: folder.appendingPathComponent("2023/story.txt"))
        try Self.write("a fire destroyed the old mill by the canal late on friday night", to: folder.appendingPathComponent("2024/story.txt"))
        let a = folder.appendingPathComponent("2023").path, b = folder.appendingPathComponent("2024").path + "/"
        let index = folder.appendingPathComponent("i.ndx").path
        let create = try CLITests.run(["index", "create", index, a, b])
        #expect(create.status == 0, "\(create.stderr)")
        let query = try CLITests.run(["index", "query", index, a, b, "-q"])
        #expect(query.status == 0, "\(query.stderr)")
        let answers = try Self.objects(query.stdout)
        #expect(answers.map { $0["id"] as? String } == [a + "/story.txt", b + "story.txt"])
        #expect(answers.map { (($0["matches"] as? [[String: Any]])?.map { $0["id"] as? String }) ?? [] }
            == [[a + "/story.txt"], [b + "story.txt"]])
        let dedup = try CLITests.run(["dedup", a, b, "--clusters", "-", "-q"])
        #expect(dedup.status == 0, "\(dedup.stderr)")
        #expect(!dedup.stderr.contains("duplicate id"), "\(dedup.stderr)")
        let sign = try CLITests.run(["sign", a, b, "--permutations", "4", "-q"])
        #expect(try Self.objects(sign.stdout).map { $0["id"] as? String } == [a + "/story.txt", b + "story.txt"])
    }

    @Test func aFileNamedTwiceIsReadOnceAndNeverAClusterWithItself() throws {
        let folder = try Self.folder()
        let d = folder.appendingPathComponent("d")
        try Self.write("the council approved the budget on monday after a long debate about schools", to: d.appendingPathComponent("x.txt"))
        try Self.write("heavy rain flooded the streets of the old town and closed the bridge", to: d.appendingPathComponent("y.txt"))
        let run = try CLITests.run(["dedup", d.path, d.appendingPathComponent("x.txt").path, d.path + "/./x.txt", "--clusters", "-", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "a file reported as a cluster with itself: \(run.stdout)")
        #expect(run.stderr.contains("the same file as \(d.path)/x.txt, read earlier: read once"), "\(run.stderr)")
        let sign = try CLITests.run(["sign", d.path, d.appendingPathComponent("x.txt").path, "--permutations", "4", "-q"])
        #expect(try Self.objects(sign.stdout).map { $0["id"] as? String } == [d.path + "/x.txt", d.path + "/y.txt"])
    }

    /// `report` names candidates by the same rule: two `story.txt` are two names.
    @Test func reportNamesCandidatesByPath() throws {
        let folder = try Self.folder()
        let reference = folder.appendingPathComponent("ref.txt")
        let story = "The council approved the budget on Monday after a long debate about the schools of the district. "
        try Self.write(story + story, to: reference)
        try Self.write(story, to: folder.appendingPathComponent("2023/story.txt"))
        try Self.write(story + " The mayor said more.", to: folder.appendingPathComponent("2024/story.txt"))
        let run = try CLITests.run([
            "report", "--reference", reference.path, folder.appendingPathComponent("2023").path,
            folder.appendingPathComponent("2024").path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let ids = ((report?["candidates"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
        #expect(Set(ids) == [folder.path + "/2023/story.txt", folder.path + "/2024/story.txt"], "\(ids)")
    }

    // MARK: Item 6: links followed, unreadable folders named

    @Test func symbolicLinksToFoldersAndInsideFoldersAreFollowedWithoutLooping() throws {
        let folder = try Self.folder()
        let real = folder.appendingPathComponent("real")
        try Self.write("the council approved the budget on monday after a long debate", to: real.appendingPathComponent("a.txt"))
        try Self.write("heavy rain flooded the streets of the old town on tuesday", to: folder.appendingPathComponent("elsewhere/b.txt"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: folder.appendingPathComponent("linked").path, withDestinationPath: "real")
        try fm.createSymbolicLink(atPath: real.appendingPathComponent("more").path, withDestinationPath: "../elsewhere")
        try fm.createSymbolicLink(atPath: real.appendingPathComponent("loop").path, withDestinationPath: ".")
        let linked = folder.appendingPathComponent("linked").path
        let run = try CLITests.run(["sign", linked, "--permutations", "4", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Self.objects(run.stdout).map { $0["id"] as? String } == [linked + "/a.txt", linked + "/more/b.txt"])
        #expect(run.stderr.contains("\(linked)/loop: warning: a symbolic link to a folder it is inside"), "\(run.stderr)")
    }

    @Test func anUnreadableSubfolderOrABrokenLinkIsAnErrorNamingIt() throws {
        let folder = try Self.folder()
        let d = folder.appendingPathComponent("d")
        try Self.write("the council approved the budget on monday after a long debate", to: d.appendingPathComponent("a.txt"))
        try Self.write("heavy rain flooded the streets of the old town on tuesday", to: d.appendingPathComponent("locked/b.txt"))
        try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent("gone.txt").path, withDestinationPath: "missing.txt")
        let locked = d.appendingPathComponent("locked").path
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        // Root reads any folder: run as nobody when the tests run as root.
        var arguments = [CLITests.executable.path, "sign", d.path, "--permutations", "4", "-q"]
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
                Issue.record("running as root without setpriv: cannot make a folder unreadable")
                return
            }
            arguments = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + arguments
        }
        let run = try Self.runRaw(arguments)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("\(locked): skipped: cannot read the folder: Permission denied"), "\(run.stderr)")
        #expect(run.stderr.contains("\(d.path)/gone.txt: skipped: a symbolic link to nothing (missing.txt)"), "\(run.stderr)")
        #expect(try Self.objects(run.stdout).map { $0["id"] as? String } == [d.path + "/a.txt"])
    }

    static func runRaw(_ arguments: [String]) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    // MARK: Item 8: damaged gzip fails the run, nothing committed

    /// 300 records, gzip-compressed (gzip -n: no name, no time), and the uncompressed size.
    static func gzipCorpus(in folder: URL) throws -> URL {
        let words = ["council", "budget", "river", "bridge", "mayor", "school", "fire", "mill", "rain", "street", "town", "night"]
        var lines: [String] = []
        for i in 0..<300 {
            let text = (0..<30).map { words[(i * 7 + $0 * $0 + $0 * i) % words.count] }.joined(separator: " ")
            lines.append(#"{"id":"d\#(i)","text":"\#(text) \#(i)"}"#)
        }
        let plain = folder.appendingPathComponent("c.jsonl")
        try Self.write(lines.joined(separator: "\n") + "\n", to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -n -c '\(plain.path)' > '\(plain.path).gz'"]
        try process.run()
        process.waitUntilExit()
        try FileManager.default.removeItem(at: plain)
        return URL(fileURLWithPath: plain.path + ".gz")
    }

    @Test(arguments: ["trailer", "middle"])
    func aDamagedGzipMemberFailsTheRunAndReplacesNoOutput(_ damage: String) throws {
        let folder = try Self.folder()
        let gz = try Self.gzipCorpus(in: folder)
        var bytes = [UInt8](try Data(contentsOf: gz))
        let offset = damage == "trailer" ? bytes.count - 6 : bytes.count / 2  // the CRC, or the deflate data
        bytes[offset] ^= damage == "trailer" ? 0xFF : 0x01
        try Data(bytes).write(to: gz)
        let keep = folder.appendingPathComponent("keep.jsonl"), signed = folder.appendingPathComponent("s.jsonl")
        let before = #"{"id":"old","text":"what the previous run kept"}"# + "\n"
        try Self.write(before, to: keep)
        try Self.write(before, to: signed)
        for arguments in [["dedup", gz.path, "--keep", keep.path], ["sign", gz.path, "-o", signed.path, "--permutations", "4"]] {
            let run = try CLITests.run(arguments + ["-q"])
            #expect(run.status == 2, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("\(gz.path): corrupt gzip data at compressed byte"), "\(run.stderr)")
            #expect(run.stderr.contains("the run fails"), "\(run.stderr)")
        }
        #expect(try String(contentsOf: keep, encoding: .utf8) == before)
        #expect(try String(contentsOf: signed, encoding: .utf8) == before)
        let index = folder.appendingPathComponent("i.ndx").path
        let create = try CLITests.run(["index", "create", index, gz.path, "-q"])
        #expect(create.status == 2)
        #expect(!FileManager.default.fileExists(atPath: index))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["c.jsonl.gz", "keep.jsonl", "s.jsonl"], "no temporary file left: \(files)")
    }

    // MARK: Item 9: ids and passed-through fields never become U+FFFD

    @Test func loneSurrogatesAndInvalidUTF8AreRefusedNotCollapsed() throws {
        var input = Data()
        input += Data(#"{"id":"x\ud800","text":"the council approved the budget on monday"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"x\udbff","text":"heavy rain flooded the streets of the old town"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"x"#.utf8) + Data([0xFF]) + Data(#"","text":"a fire destroyed the old mill by the canal"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"m","text":"the mayor opened the bridge","note":"a\udc00"}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"n","text":"the school reopened","note":"b"#.utf8) + Data([0xC3]) + Data(#""}"#.utf8) + Data([0x0A])
        input += Data(#"{"id":"ok\ud83d\ude00","text":"a clean record with a pair"}"#.utf8) + Data([0x0A])
        let folder = try Self.folder()
        let keep = folder.appendingPathComponent("k.jsonl")
        for arguments in [["sign", "-", "--permutations", "4", "-q"], ["dedup", "-", "--keep", keep.path, "-q"]] {
            let run = try CLITests.run(arguments, stdinData: input)
            #expect(run.status == 1, "\(arguments[0]): \(run.stderr)")
            #expect(run.stderr.contains("<stdin>:1:9: skipped: malformed JSON: unpaired surrogate escape"), "\(run.stderr)")
            #expect(run.stderr.contains("<stdin>:2:9: skipped: malformed JSON: unpaired surrogate escape"), "\(run.stderr)")
            #expect(run.stderr.contains("<stdin>:3:7: skipped: malformed JSON: the id is not valid UTF-8"), "\(run.stderr)")
            #expect(run.stderr.contains("<stdin>:4:"), "\(run.stderr)")
            #expect(run.stderr.contains(#"<stdin>:5:"#) && run.stderr.contains(#"field "note" is not valid UTF-8"#), "\(run.stderr)")
            #expect(!run.stderr.contains("duplicate id"), "\(run.stderr)")
            let written = arguments[0] == "sign" ? run.stdout : try String(contentsOf: keep, encoding: .utf8)
            #expect(!written.contains("\u{FFFD}") && !written.lowercased().contains("\\ud800"), "\(written)")
            #expect(try Self.objects(written).map { $0["id"] as? String } == ["ok😀"])
        }
    }

    // MARK: Item 16: UTF-16 and UTF-32 text, a UTF-8 byte order mark

    @Test func wideTextIsDecodedAndAByteOrderMarkStartsAJSONLFileHarmlessly() throws {
        let folder = try Self.folder()
        let text = "The council approved the budget on Monday — after a long debate about the schools."
        let encodings: [(String, String.Encoding, [UInt8])] = [
            ("u8.txt", .utf8, []), ("u16.txt", .utf16LittleEndian, [0xFF, 0xFE]), ("u16be.txt", .utf16BigEndian, [0xFE, 0xFF]),
            ("u16nobom.txt", .utf16LittleEndian, []), ("u32.txt", .utf32LittleEndian, [0xFF, 0xFE, 0, 0]),
            ("u32be.txt", .utf32BigEndian, [0, 0, 0xFE, 0xFF]),
        ]
        for (name, encoding, mark) in encodings {
            try (Data(mark) + text.data(using: encoding)!).write(to: folder.appendingPathComponent(name))
        }
        let run = try CLITests.run(["dedup", folder.path, "--clusters", "-", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("binary"), "\(run.stderr)")
        let clusters = try Self.objects(run.stdout)
        #expect(clusters.count == 1)
        #expect(clusters.first?["size"] as? Int == encodings.count, "\(run.stdout)")

        let jsonl = folder.appendingPathComponent("bom.jsonl")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id":"first","text":"one two three"}"#.utf8) + Data([0x0A])).write(to: jsonl)
        let sign = try CLITests.run(["sign", jsonl.path, "--permutations", "4", "-q"])
        #expect(sign.status == 0, "\(sign.stderr)")
        #expect(try Self.objects(sign.stdout).map { $0["id"] as? String } == ["first"])
    }

    // MARK: Item 17: out-of-range numbers in a signature record name the field

    @Test func outOfRangeNumbersInASignatureRecordNameTheFieldFileAndLine() throws {
        let signed = try CLITests.run(["sign", "-", "--permutations", "4", "-q"], stdin: #"{"id":"A","text":"one two three four five six"}"# + "\n")
        let line = signed.stdout.trimmingCharacters(in: .newlines)
        let cases: [(String, String)] = [
            ("set_size", "-1"), ("set_size", "1.5"), ("set_size", "18446744073709551616"), ("seed", "-1"), ("format", "2.5"),
            ("permutations", "1e400"),
        ]
        var lines: [String] = []
        for (field, value) in cases {
            let pattern = try NSRegularExpression(pattern: "\"\(field)\":[^,}]*")
            lines.append(pattern.stringByReplacingMatches(
                in: line, range: NSRange(line.startIndex..., in: line), withTemplate: "\"\(field)\":\(value)"))
        }
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("s.jsonl")
        try Self.write(lines.joined(separator: "\n") + "\n", to: file)
        let run = try CLITests.run(["dedup", "--signatures", file.path, "--permutations", "4", "-q"])
        #expect(run.status == 1)
        for (number, (field, _)) in cases.enumerated() {
            #expect(run.stderr.contains("\(file.path):\(number + 1): skipped: not a signature record: field \"signature.\(field)\": not a whole number"), "\(run.stderr)")
        }
        #expect(!run.stderr.contains("not valid JSON"), "\(run.stderr)")
    }
}
