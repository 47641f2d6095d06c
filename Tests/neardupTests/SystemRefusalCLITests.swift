import Foundation
import Testing

/// Issue 17: what the tool does when the system refuses it something: a thread (`ulimit -u`,
/// item 11), disk space (item 15, a write failure injected with `ulimit -f`), a folder to write
/// in (item 18). Each runs the executable under the limit through a bash wrapper; as root, the
/// limits that root escapes are applied to user `nobody` (setpriv).
@Suite(.serialized) struct SystemRefusalCLITests {
    /// `bash` line that runs `"$@"` (the executable and its arguments) as an ordinary user,
    /// after `limits`; nil (the test is skipped) when that cannot be done here.
    static func wrapper(_ limits: String) -> String? {
        // The limit applies inside `timeout`, so that `timeout` can still start its child.
        guard getuid() == 0 else { return "exec timeout 60 bash -c '\(limits); exec \"$@\"' limited \"$@\"" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        return "\(limits); exec timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups \"$@\""
    }

    /// A folder any user can write in, with the corpus `c.jsonl`.
    static func openFolder() throws -> (folder: URL, corpus: String) {
        let (folder, corpus) = try OutputRuleCLITests.fixture()
        #expect(chmod(folder.path, 0o777) == 0)
        return (folder, corpus)
    }

    /// Item 11: with fewer threads allowed than `--threads`, `dedup` and `index create` hung
    /// for ever with no message (Foundation's Thread ignores a failure to create it).
    @Test func aThreadThatCannotBeCreatedIsAClearErrorNotAHang() throws {
        guard let wrapper = Self.wrapper("ulimit -u 20") else {
            print("skipped: needs setpriv to drop root's exemption from ulimit -u")
            return
        }
        let (folder, corpus) = try Self.openFolder()
        let index = folder.appendingPathComponent("i.ndx").path
        try "old index\n".write(toFile: index, atomically: true, encoding: .utf8)
        #expect(chmod(index, 0o666) == 0)
        for arguments in [
            ["dedup", corpus, "--threads", "200", "-q"], ["index", "create", index, corpus, "--threads", "200", "-q"],
        ] {
            let start = Date()
            let run = try CLITests.run(arguments, stdinData: Data(), directory: folder, wrapper: wrapper)
            #expect(run.status == 2, "\(arguments[0]): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("cannot start sketching thread"), "\(run.stderr)")
            #expect(run.stderr.contains("ulimit -u"), "\(run.stderr)")
            #expect(Date().timeIntervalSince(start) < 30, "\(arguments[0]) took too long")
        }
        #expect(try String(contentsOfFile: index, encoding: .utf8) == "old index\n")
        #expect(try OutputRuleCLITests.listing(folder) == ["c.jsonl", "i.ndx"])
    }

    /// Item 15: an `index add` whose writes fail part way (a full disk; here the write limit of
    /// `ulimit -f`, which fails a write with EFBIG exactly as ENOSPC would) kept its partial
    /// append: 32 KB became 100 KB of records nobody reads, and a full disk stayed full. The
    /// file is now cut back to its last committed record, byte for byte as it was.
    @Test func aFailedAppendLeavesTheIndexAsItWas() throws {
        let (folder, _) = try OutputRuleCLITests.fixture()
        let corpus = folder.appendingPathComponent("big.jsonl")
        let lines = (0..<400).map { #"{"id":"d\#($0)","text":"story \#($0) about the council budget and the roads of district \#($0 * 7), \#($0 * 13) more"}"# }
        try (lines.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let small = folder.appendingPathComponent("small.jsonl")
        try (lines.prefix(50).joined(separator: "\n") + "\n").write(to: small, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("i.ndx")
        #expect(try CLITests.run(["index", "create", "-q", index.path, small.path]).status == 0)
        let before = try Data(contentsOf: index)
        #expect(before.count < 100 * 1024)
        // At most 100 KiB a file: the append (about 290 KB in all) fails part way.
        let limited = "ulimit -f 100; trap '' XFSZ; exec \"$@\""
        let run = try CLITests.run(["index", "add", "-q", index.path, corpus.path], stdinData: Data(), directory: folder, wrapper: limited)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("cannot write \(index.path): File too large"), "\(run.stderr)")
        let after = try Data(contentsOf: index)
        #expect(after == before, "the index must be as it was: \(after.count) bytes, not \(before.count)")
        // And it still takes the same append when there is room.
        #expect(try CLITests.run(["index", "add", "-q", index.path, corpus.path]).status == 0)
        let query = try CLITests.run(["index", "query", "-q", index.path, "-"], stdin: lines[399])
        #expect(query.stdout.contains(#"{"id":"d399","estimate":1.0"#), "\(query.stdout)")
    }

    /// Item 18: a writable output file in a folder the user cannot write gave "Permission
    /// denied" without saying why (the temporary file is made in the folder). The message now
    /// says so, and the file is as it was.
    @Test func aWritableFileInAReadOnlyFolderIsRefusedWithTheReason() throws {
        guard let wrapper = Self.wrapper("true") else {
            print("skipped: needs setpriv to run as a user that folder permissions apply to")
            return
        }
        let (folder, corpus) = try Self.openFolder()
        #expect(chmod(corpus, 0o644) == 0)
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let output = locked.appendingPathComponent("out.jsonl").path
        try "old\n".write(toFile: output, atomically: true, encoding: .utf8)
        #expect(chmod(output, 0o666) == 0 && chmod(locked.path, 0o555) == 0)
        defer { chmod(locked.path, 0o755) }
        let run = try CLITests.run(["sign", corpus, "-q", "-o", output], stdinData: Data(), directory: folder, wrapper: wrapper)
        #expect(run.status == 2, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("cannot write \(output): cannot create a file in the folder \(locked.path) (Permission denied)"), "\(run.stderr)")
        #expect(run.stderr.contains("so the folder must be writable"), "\(run.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path) == ["out.jsonl"])
    }
}
