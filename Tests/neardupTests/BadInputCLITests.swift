import Foundation
import Testing

/// End-to-end tests of the cases listed under "Bad input" in the README (issue 12): what the
/// tool does with hostile or damaged input and with unusual output paths.
@Suite(.serialized) struct BadInputCLITests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A passed-through field with an invalid escape used to be copied as is, so `sign` wrote
    /// invalid JSON; the line is now refused with its place, like any malformed line.
    @Test func signRefusesAnInvalidEscapeInAPassedThroughField() throws {
        let input = #"""
            {"id":"A","text":"the council approved the budget on monday","meta":"bad \q"}
            {"id":"B","text":"heavy rain flooded the streets of the old town","n":01}
            {"id":"C","text":"firefighters pumped water out of the cellars","meta":"fine \u00e9 \n"}

            """#
        let run = try CLITests.run(["sign", "-", "--permutations", "8"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("<stdin>:1:"), "\(run.stderr)")
        #expect(run.stderr.contains("invalid escape"), "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>:2:"), "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["id"] as? String == "C")
        }
    }

    /// Issue 12, defect 7: dedup paired a document with itself and listed one id nine times
    /// in a cluster. The rule: the first document with an id is kept, later ones are skipped
    /// with a message naming both lines, and the exit status is 1.
    @Test func dedupKeepsTheFirstOfARepeatedIDAndNamesBothLines() throws {
        let folder = try Self.folder()
        let input = folder.appendingPathComponent("in.jsonl")
        let story = "the council approved the budget on monday after a long debate about schools"
        var lines = [#"{"a":"x","b":"x","id":"a","text":"\#(story)"}"#]
        for _ in 0..<8 { lines.append(#"{"id":"a","text":"\#(story)"}"#) }
        lines.append(#"{"id":"b","text":"\#(story)"}"#)
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let pairs = folder.appendingPathComponent("p.jsonl"), clusters = folder.appendingPathComponent("c.jsonl")
        let keep = folder.appendingPathComponent("k.jsonl")
        let run = try CLITests.run(["dedup", input.path, "--pairs", pairs.path, "--clusters", clusters.path, "--keep", keep.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("in.jsonl:2: skipped: duplicate id \"a\", first at \(input.path):1"), "\(run.stderr)")
        #expect(run.stderr.contains("in.jsonl:9:"), "\(run.stderr)")
        #expect(try String(contentsOf: pairs, encoding: .utf8) == #"{"format":1,"a":"a","b":"b","estimate":1.0,"jaccard":1.0}"# + "\n")
        let clusterLines = try DedupCLITests.jsonLines(clusters)
        #expect(clusterLines.count == 1)
        #expect(clusterLines.first?["members"] as? [String] == ["a", "b"])
        #expect(try String(contentsOf: keep, encoding: .utf8).split(separator: "\n").count == 1)
    }

    /// Issue 12, defect 1, as the issue reproduced it: two unrelated short texts whose one
    /// shingle hashes share their low 32 bits are not a pair, and `--keep` keeps both.
    @Test func shortUnrelatedDocumentsAreNotAPair() throws {
        let input = #"""
            {"id":"A","text":"gbwz zq rbthjnc kesqlnbe"}
            {"id":"B","text":"fliud yjmlua hoaj"}

            """#
        let folder = try Self.folder()
        let keep = folder.appendingPathComponent("k.jsonl")
        let run = try CLITests.run(["dedup", "-", "--keep", keep.path, "--pairs", "-", "-q"], stdin: input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        #expect(try String(contentsOf: keep, encoding: .utf8).split(separator: "\n").count == 2)
    }

    /// Issue 12, defect 4: `index add` appended to a damaged file and exited 0.
    @Test func indexAddRefusesADamagedFile() throws {
        let folder = try Self.folder()
        let corpus = folder.appendingPathComponent("c.jsonl"), index = folder.appendingPathComponent("i.ndx")
        let lines = (0..<30).map { #"{"id":"d\#($0)","text":"story \#($0) about the council budget and the roads of district \#($0 * 7)"}"# }
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        #expect(try CLITests.run(["index", "create", index.path, corpus.path, "-q"]).status == 0)
        var bytes = try Data(contentsOf: index)
        bytes[bytes.count - 40] ^= 0x01  // inside the last record
        try bytes.write(to: index)
        let run = try CLITests.run(["index", "add", index.path, corpus.path, "-q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("damaged index: record 30"), "\(run.stderr)")
        #expect(try Data(contentsOf: index) == bytes, "the damaged file must stay as it was")
        try bytes.prefix(bytes.count - 8).write(to: index)
        #expect(try CLITests.run(["index", "add", index.path, corpus.path, "-q"]).status == 2)
    }

    /// Issue 12, defect 7: report analysed a candidate given twice twice.
    @Test func reportAnalysesACandidateGivenTwiceOnce() throws {
        let candidate = "seeds/002_b0680b2d050e38bf.txt"
        let run = try CLITests.run([
            "report", "--reference", "seeds/000_ae173d8b20e40bc0.txt", candidate, "./" + candidate, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the same file as \(candidate)"), "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((object?["candidates"] as? [Any])?.count == 1)
        let skipped = try #require(object?["skipped"] as? [[String: Any]])
        #expect(skipped.contains { ($0["reason"] as? String)?.contains("the same file as") == true })
    }
}

/// Output paths (issue 12, defects 2 and 3): only a regular file is replaced, links are
/// followed, special files are written in place, and an interrupted run leaves nothing behind.
@Suite(.serialized) struct OutputPathCLITests {
    static let corpus = """
        {"id":"A","text":"the council approved the budget on monday after a long debate"}
        {"id":"B","text":"the council approved the budget on monday after a long debate"}
        {"id":"C","text":"heavy rain flooded the streets of the old town overnight"}

        """

    /// Every command's output option, with the arguments that make it write `OUTPUT`.
    static func commands(input: String) -> [[String]] {
        [
            ["dedup", input, "--pairs", "OUTPUT"],
            ["dedup", input, "--clusters", "OUTPUT"],
            ["dedup", input, "--keep", "OUTPUT"],
            ["sign", input, "--permutations", "8", "--output", "OUTPUT"],
            ["report", "--reference", "seeds/000_ae173d8b20e40bc0.txt", "seeds/001_adf1a9dcc95edd58.txt", "--format", "json", "--output", "OUTPUT"],
            ["generate", "--documents", "3", "--output", "OUTPUT"],
        ]
    }

    static func with(_ output: String, _ arguments: [String]) -> [String] {
        arguments.map { $0 == "OUTPUT" ? output : $0 }
    }

    @Test func aSymbolicLinkIsFollowedAndStaysALink() throws {
        let folder = try BadInputCLITests.folder()
        let input = folder.appendingPathComponent("in.jsonl").path
        try Self.corpus.write(toFile: input, atomically: true, encoding: .utf8)
        for arguments in Self.commands(input: input) {
            let target = folder.appendingPathComponent("target.out"), link = folder.appendingPathComponent("link.out")
            try? FileManager.default.removeItem(at: target)
            try? FileManager.default.removeItem(at: link)
            try "old\n".write(to: target, atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.out")
            let run = try CLITests.run(Self.with(link.path, arguments))
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.out", "\(arguments[0])")
            let written = try String(contentsOf: target, encoding: .utf8)
            #expect(written != "old\n" && !written.isEmpty, "\(arguments[0]) wrote through the link")
            let hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
            #expect(hidden.isEmpty, "\(hidden)")
        }
    }

    @Test func aDeviceIsWrittenInPlace() throws {
        let folder = try BadInputCLITests.folder()
        let input = folder.appendingPathComponent("in.jsonl").path
        try Self.corpus.write(toFile: input, atomically: true, encoding: .utf8)
        for arguments in Self.commands(input: input) + [["index", "query", "INDEX", input, "--output", "OUTPUT"]] {
            var arguments = arguments
            if arguments.contains("INDEX") {
                let index = folder.appendingPathComponent("i.ndx").path
                #expect(try CLITests.run(["index", "create", index, input, "-q"]).status == 0)
                arguments = arguments.map { $0 == "INDEX" ? index : $0 }
            }
            let run = try CLITests.run(Self.with("/dev/null", arguments))
            #expect(run.status == 0, "\(arguments[0]): \(run.stderr)")
            let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
            #expect(type == .typeCharacterSpecial, "\(arguments[0]) replaced /dev/null")
        }
    }

    @Test func aFIFOIsWrittenInPlaceForItsReader() throws {
        let folder = try BadInputCLITests.folder()
        let input = folder.appendingPathComponent("in.jsonl").path
        try Self.corpus.write(toFile: input, atomically: true, encoding: .utf8)
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedData()
        let reader = Thread {
            // Opening blocks until the writer opens the FIFO; reading ends when it closes it.
            if let handle = FileHandle(forReadingAtPath: fifo) { received.set(handle.readDataToEndOfFile()) }
        }
        reader.start()
        let run = try CLITests.run(["dedup", input, "--pairs", fifo, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        for _ in 0..<100 where received.get() == nil { usleep(50_000) }
        let text = String(decoding: received.get() ?? Data(), as: UTF8.self)
        #expect(text.contains(#""a":"A","b":"B""#), "\(text)")
        let type = try FileManager.default.attributesOfItem(atPath: fifo)[.type] as? FileAttributeType
        #expect(type == .typeUnknown || type == nil || type != .typeRegular, "the FIFO was replaced")
    }

    @Test func aFolderIsAnErrorAndNothingIsDone() throws {
        let folder = try BadInputCLITests.folder()
        let input = folder.appendingPathComponent("in.jsonl").path
        try Self.corpus.write(toFile: input, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["dedup", input, "--pairs", folder.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("folder"), "\(run.stderr)")
    }

    /// SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the hidden temporary files of unfinished
    /// outputs and exit with 130, 143, 129 and 131. (Issue 17, item 14: SIGHUP left them, and
    /// SIGQUIT printed "Program crashed" and the run carried on.)
    @Test(arguments: [(Int32(2), Int32(130)), (Int32(15), Int32(143)), (Int32(1), Int32(129)), (Int32(3), Int32(131))])
    func interruptedRunsLeaveNoTemporaryFiles(_ signal: Int32, _ status: Int32) throws {
        let folder = try BadInputCLITests.folder()
        for arguments in [
            ["dedup", "-", "--pairs", folder.appendingPathComponent("p.jsonl").path,
             "--keep", folder.appendingPathComponent("k.jsonl").path],
            ["index", "create", folder.appendingPathComponent("i.ndx").path, "-"],
        ] {
            let process = Process()
            process.executableURL = CLITests.executable
            process.arguments = arguments + ["-q"]
            let input = Pipe()
            process.standardInput = input
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Standard input stays open: the run waits for more documents.
            input.fileHandleForWriting.write(Data(Self.corpus.utf8))
            var hidden: [String] = []
            for _ in 0..<200 {
                hidden = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
                if !hidden.isEmpty { break }
                usleep(20_000)
            }
            #expect(!hidden.isEmpty, "\(arguments[0]) should have started its outputs")
            kill(process.processIdentifier, signal)
            // A run that ignores the signal waits for more input for ever: end it after 20 s.
            for _ in 0..<1000 where process.isRunning { usleep(20_000) }
            if process.isRunning {
                Issue.record("\(arguments[0]) carried on after signal \(signal)")
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == status, "\(arguments[0])")
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(left.isEmpty, "\(arguments[0]) left \(left)")
        }
    }
}

/// Data handed from one thread to another.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data? { lock.withLock { data } }
}
