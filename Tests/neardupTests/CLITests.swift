import Foundation
import Testing

/// End-to-end tests of the `neardup` executable (built beside the test bundle).
@Suite(.serialized) struct CLITests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let seeds = packageRoot.appendingPathComponent("seeds")

    static var executable: URL {
        // The test runner lives in the build products folder, beside the neardup binary.
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("neardup")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/neardup")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the executable with standard output and error going to temporary files (pipes
    /// read one after the other would deadlock once the second filled its buffer).
    static func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        try run(arguments, stdinData: Data((stdin ?? "").utf8))
    }

    /// ``run(_:stdin:)`` with bytes on standard input, in `directory` (default: the package
    /// root); `wrapper`, a bash line ending in `"$@"`, runs the executable under other limits
    /// or another user (`"$1"` is the executable).
    static func run(_ arguments: [String], stdinData: Data, directory: URL? = nil, wrapper: String? = nil) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        let inURL = folder.appendingPathComponent("stdin")
        try stdinData.write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        if let wrapper {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", wrapper, "neardup", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? packageRoot
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    @Test func compareJSONHasTheContractFields() throws {
        let a = Self.seeds.appendingPathComponent("000_ae173d8b20e40bc0.txt").path
        let b = Self.seeds.appendingPathComponent("002_b0680b2d050e38bf.txt").path
        let run = try Self.run(["compare", a, b, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let jaccard = try #require(object?["jaccard"] as? Double)
        let estimate = try #require(object?["estimate"] as? Double)
        let containment = try #require(object?["containment"] as? [String: Double])
        #expect((0...1).contains(jaccard))
        #expect(abs(estimate - jaccard) < 0.15)
        #expect(containment["a_in_b"] != nil && containment["b_in_a"] != nil)
    }

    @Test func compareOfAFileWithItselfIsOne() throws {
        let a = Self.seeds.appendingPathComponent("001_adf1a9dcc95edd58.txt").path
        let run = try Self.run(["compare", a, a, "--json", "--shingle", "chars:5", "--scheme", "classic"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["jaccard"] as? Double == 1)
        #expect(object?["estimate"] as? Double == 1)
    }

    @Test func missingPathIsAnErrorNamingIt() throws {
        let run = try Self.run(["compare", "seeds/000_ae173d8b20e40bc0.txt", "no-such-file.txt"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no-such-file.txt"))
        let sign = try Self.run(["sign", "missing-folder/"])
        #expect(sign.status != 0)
        #expect(sign.stderr.contains("missing-folder"))
    }

    @Test func badOptionsAreRefused() throws {
        let run = try Self.run(["compare", "a", "b", "--shingle", "bytes:3"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--shingle"))
    }

    @Test func signReadsStdinPassesFieldsThroughAndReportsBadLines() throws {
        let input = """
            {"id": "one", "text": "The council approved the budget on Monday after a long debate.", "source": "x"}
            {"id": "two", "text": broken}
            {"id": "three", "text": "On Monday, after lengthy debate, council members passed the budget."}

            """
        let run = try Self.run(["sign", "-", "--permutations", "16"], stdin: input)
        #expect(run.status == 1)
        #expect(run.stderr.contains("<stdin>:2:"))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["id"] as? String == "one")
        #expect(first?["source"] as? String == "x")
        #expect(first?["text"] == nil)
        let signature = try #require(first?["signature"] as? [String: Any])
        #expect(signature["permutations"] as? Int == 16)
        #expect((signature["hashvalues"] as? String).flatMap { Data(base64Encoded: $0) }?.count == 128)
    }

    @Test func signWritesItsOutputAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let output = folder.appendingPathComponent("signatures.jsonl")
        let run = try Self.run(["sign", Self.seeds.path, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let written = try String(contentsOf: output, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["signatures.jsonl"])
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["compare", "sign"] {
            let run = try Self.run([command, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.contains("USAGE"))
        }
    }
}
