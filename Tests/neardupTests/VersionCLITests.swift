import Foundation
import NearDup
import Testing

/// The package's version is written once (``NearDupPackage/version``): the CLI prints it and the
/// changelog has a section for it.
@Suite struct VersionCLITests {
    @Test func versionFlagPrintsTheLibraryVersion() throws {
        let run = try CLITests.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == NearDupPackage.version + "\n")
    }

    @Test func versionIsSemanticAndInTheChangelog() throws {
        let parts = NearDupPackage.version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) })
        let changelog = try String(
            contentsOf: CLITests.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("## [\(NearDupPackage.version)] - "))
    }
}
