import Foundation
import Testing

/// Keeps the Swift code of README.md and of the DocC articles compiling. Each ```swift block of a
/// document must be one of the regions that the files of this folder mark for that document with
/// `// Snippet begin: <document path>` … `// Snippet end` (which `swift test` compiles), and each
/// region must be in its document, so neither can change without the other. Manifest excerpts
/// (Package.swift) are plain ``` fences and are not checked.
///
/// The runnable snippets (those that touch no files) run below; the figures their documents
/// state are checked by `#expect`s after each region.
@Suite struct SnippetTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let snippetFolder = "Tests/NearDupTests/Snippets"
    static let catalog = "Sources/NearDup/NearDup.docc"

    /// README.md and every article of the DocC catalog, as paths from the package root.
    static let documents: [String] = {
        let articles = (try? FileManager.default.contentsOfDirectory(
            atPath: packageRoot.appendingPathComponent(catalog).path)) ?? []
        return ["README.md"] + articles.filter { $0.hasSuffix(".md") }.sorted().map { "\(catalog)/\($0)" }
    }()

    /// A marked region of a snippets file.
    struct Region: Equatable {
        /// The document it comes from, as written after `// Snippet begin:`.
        var document: String
        /// The code, normalised like a Markdown block.
        var code: String
    }

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

    /// The regions between `// Snippet begin: <document>` and `// Snippet end` of a Swift file,
    /// and the markers that do not pair up (a begin inside a region, an end outside one, a region
    /// left open at the end of the file).
    static func snippetRegions(inSource source: String) -> (regions: [Region], problems: [String]) {
        let begin = "// Snippet begin:"
        var regions: [Region] = []
        var problems: [String] = []
        var current: (document: String, lines: [Substring])?
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(begin) {
                if current != nil { problems.append("line \(number + 1): a region begins inside another") }
                current = (trimmed.dropFirst(begin.count).trimmingCharacters(in: .whitespaces), [])
            } else if trimmed == "// Snippet end" {
                if let region = current {
                    regions.append(Region(document: region.document, code: normalized(region.lines)))
                } else {
                    problems.append("line \(number + 1): a region ends that did not begin")
                }
                current = nil
            } else {
                current?.lines.append(line)
            }
        }
        if let current { problems.append("the region of \(current.document) is not ended") }
        return (regions, problems)
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

    /// The regions of every Swift file of the snippets folder.
    static func allRegions() throws -> [Region] {
        let folder = packageRoot.appendingPathComponent(snippetFolder)
        var regions: [Region] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let parsed = snippetRegions(inSource: source)
            #expect(parsed.problems.isEmpty, "\(snippetFolder)/\(file): \(parsed.problems.joined(separator: "; "))")
            regions += parsed.regions
        }
        return regions
    }

    @Test func theDocumentsAreReadmeAndEveryArticle() {
        #expect(Self.documents.first == "README.md")
        #expect(Self.documents.contains("\(Self.catalog)/GettingStarted.md"))
        #expect(Self.documents.count >= 7)
    }

    @Test(arguments: documents)
    func everySwiftBlockIsACompiledSnippetAndEverySnippetIsInItsDocument(document: String) throws {
        let markdown = try String(contentsOf: Self.packageRoot.appendingPathComponent(document), encoding: .utf8)
        let blocks = Self.swiftBlocks(inMarkdown: markdown)
        let regions = try Self.allRegions().filter { $0.document == document }.map(\.code)
        for block in blocks where !regions.contains(block) {
            Issue.record("""
                \(document): a ```swift block is not a snippet of \(Self.snippetFolder) (or differs from it):
                \(block)
                """)
        }
        for region in regions where !blocks.contains(region) {
            Issue.record("""
                \(document): a snippet of \(Self.snippetFolder) is not in the document (or differs from it):
                \(region)
                """)
        }
    }

    @Test func everySnippetNamesADocument() throws {
        let regions = try Self.allRegions()
        #expect(regions.count >= 20)
        for region in regions {
            #expect(Self.documents.contains(region.document), "a snippet names \(region.document), not README.md or an article")
        }
    }

    @Test func theExtractorSeesADifference() {
        let markdown = "text\n```swift\nimport NearDup\n\nlet x = 1\n```\n"
        let source = "    // Snippet begin: README.md\n    let x = 2\n    // Snippet end\n"
        #expect(Self.swiftBlocks(inMarkdown: markdown) == ["let x = 1"])
        #expect(Self.snippetRegions(inSource: source).regions == [Region(document: "README.md", code: "let x = 2")])
        let unpaired = "// Snippet begin: README.md\n// Snippet begin: README.md\n// Snippet end\n// Snippet end\n"
        #expect(Self.snippetRegions(inSource: unpaired).problems.count == 2)
    }

    // The snippets that touch no files, run. The others (reading a corpus, writing an index) are
    // compiled only.

    @Test func theReadmeSnippetsRun() throws {
        try ReadmeSnippets.library()
    }

    @Test func theLandingPageSnippetRuns() throws {
        try NearDupSnippets.overview()
    }

    @Test func theGettingStartedSnippetsRun() throws {
        GettingStartedSnippets.compareExactly()
        try GettingStartedSnippets.compareBySignature()
        GettingStartedSnippets.hotLoop()
        GettingStartedSnippets.keepOnlyNewStories()
        GettingStartedSnippets.judgeARewrite()
    }

    @Test func theRewriteReportSnippetsRun() throws {
        RewriteReportSnippets.overview()
        try RewriteReportSnippets.reportFields()
    }

    @Test func thePersistentIndexSnippetRuns() {
        PersistentIndexSnippets.inMemory()
    }

    @Test func theSignaturesAndEncodingsSnippetsRun() throws {
        SignaturesAndEncodingsSnippets.overview()
        try SignaturesAndEncodingsSnippets.jsonForm()
        SignaturesAndEncodingsSnippets.bandKeys()
    }
}
