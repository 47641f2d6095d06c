import Foundation
import Testing

/// Keeps README.md's Swift snippets compiling: each ```swift block of the README must be one of the
/// regions of `ReadmeSnippets.swift` (which `swift test` compiles), and each region must be in
/// the README, so neither can change without the other.
@Suite struct ReadmeSnippetTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ```swift blocks of a Markdown text, without their `import` lines, de-indented and
    /// trimmed of blank lines at both ends.
    static func swiftBlocks(inMarkdown markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil {
                if line.trimmingCharacters(in: .whitespaces) == "```swift" { current = [] }
            } else if line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(normalized(current!.filter { !$0.hasPrefix("import ") }))
                current = nil
            } else {
                current!.append(line)
            }
        }
        return blocks
    }

    /// The regions between `// README snippet begin` and `// README snippet end` of a Swift file.
    static func snippetRegions(inSource source: String) -> [String] {
        var regions: [String] = []
        var current: [Substring]?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "// README snippet begin" {
                current = []
            } else if trimmed == "// README snippet end", let lines = current {
                regions.append(normalized(lines))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return regions
    }

    static func normalized(_ lines: [Substring]) -> String {
        var lines = lines
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        let indent = lines.filter { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return lines.map { $0.allSatisfy(\.isWhitespace) ? "" : String($0.dropFirst(indent)) }
            .joined(separator: "\n")
    }

    @Test func everyReadmeSnippetIsCompiledAndEveryCompiledSnippetIsInTheReadme() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(
            contentsOf: Self.packageRoot.appendingPathComponent("Tests/NearDupTests/README/ReadmeSnippets.swift"),
            encoding: .utf8)
        let blocks = Self.swiftBlocks(inMarkdown: readme)
        let regions = Self.snippetRegions(inSource: source)
        #expect(!blocks.isEmpty)
        #expect(regions.count == 3)
        for block in blocks {
            #expect(regions.contains(block), "a README snippet is not in ReadmeSnippets.swift (or differs):\n\(block)")
        }
        for region in regions {
            #expect(blocks.contains(region), "a snippet of ReadmeSnippets.swift is not in the README (or differs):\n\(region)")
        }
    }

    @Test func theExtractorSeesADifference() {
        let markdown = "text\n```swift\nimport NearDup\n\nlet x = 1\n```\n"
        let source = "    // README snippet begin\n    let x = 2\n    // README snippet end\n"
        #expect(Self.swiftBlocks(inMarkdown: markdown) == ["let x = 1"])
        #expect(Self.snippetRegions(inSource: source) == ["let x = 2"])
    }

    @Test func theLibrarySnippetRuns() throws {
        try ReadmeSnippets.library()
    }
}
