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
}
