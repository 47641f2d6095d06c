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
        guard getuid() == 0 else { return "\(limits); exec timeout 60 \"$@\"" }
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
}
