import Foundation
import Testing

/// Saved web pages wherever the CLI reads stories: the report reads a page as its article, with
/// the page's metadata in its output.
@Suite(.serialized) struct WebPageCLITests {
    static let reference = "seeds/000_ae173d8b20e40bc0.txt"
    static let candidate = "seeds/002_b0680b2d050e38bf.txt"

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// The seed story saved as a web page: its first line the headline, every other line a
    /// paragraph, wrapped in a site's navigation, share bar, related links, comments and footer.
    static func page(of story: String) -> String {
        let lines = story.split(separator: "\n").map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let title = escape(lines[0])
        let paragraphs = lines.dropFirst().map { "<p>\(escape($0))</p>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html><html><head><title>\(title) | Example Times</title>
            <meta property="og:title" content="\(title)"><meta property="og:site_name" content="Example Times">
            <meta property="article:published_time" content="2022-04-08T10:00:00Z">
            <link rel="canonical" href="https://example.test/story"><script>var tracking = "on";</script>
            <style>p { margin: 0 }</style></head><body>
            <nav class="menu"><a href="/">Home</a> <a href="/world">World news and analysis</a></nav>
            <article><h1>\(title)</h1><div class="share-bar"><a href="#">Share on social media</a></div>
            <div class="article-body">\(paragraphs)</div>
            <div class="related-stories"><h3>Related</h3><a href="/a">Ukraine war: what we know on day 44 of the invasion</a></div></article>
            <section id="comments"><p>Comment from a reader: this is an outrage and everyone should know about it.</p></section>
            <footer><p>Copyright Example Times, all rights reserved, registered in the United Kingdom.</p></footer>
            <!-- served by cache node 7 --></body></html>
            """
    }

    @Test func reportReadsAPageAsItsArticleWithItsMetadata() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("neardup-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = try String(contentsOf: CLITests.packageRoot.appendingPathComponent(Self.candidate), encoding: .utf8)
        let saved = folder.appendingPathComponent("002-saved.html")
        try Data(Self.page(of: story).utf8).write(to: saved)

        let asText = try CLITests.run(["report", "--reference", Self.reference, Self.candidate, "--format", "json"])
        let asPage = try CLITests.run(["report", "--reference", Self.reference, saved.path, "--format", "json"])
        #expect(asText.status == 0 && asPage.status == 0, "\(asText.stderr)\(asPage.stderr)")
        let text = try JSONSerialization.jsonObject(with: Data(asText.stdout.utf8)) as? [String: Any]
        let page = try JSONSerialization.jsonObject(with: Data(asPage.stdout.utf8)) as? [String: Any]
        let textCandidate = try #require((text?["candidates"] as? [[String: Any]])?.first)
        let pageCandidate = try #require((page?["candidates"] as? [[String: Any]])?.first)
        // The page scores as its text does: the markup and the site's boilerplate add nothing.
        let textScore = try #require(textCandidate["score"] as? Double)
        let pageScore = try #require(pageCandidate["score"] as? Double)
        #expect(abs(textScore - pageScore) <= 0.01, "text \(textScore), page \(pageScore)")
        #expect(pageCandidate["verdict"] as? String == textCandidate["verdict"] as? String)
        #expect(pageCandidate["title"] as? String == story.split(separator: "\n").first.map(String.init))
        let metadata = try #require(pageCandidate["metadata"] as? [String: String])
        #expect(metadata["outlet"] == "Example Times")
        #expect(metadata["date"] == "2022-04-08T10:00:00Z")
        #expect(metadata["url"] == "https://example.test/story")
        #expect(textCandidate["metadata"] == nil)

        let table = try CLITests.run(["report", "--reference", Self.reference, saved.path])
        #expect(table.stdout.contains("Example Times · 2022-04-08T10:00:00Z · https://example.test/story"))
        let html = try CLITests.run(["report", "--reference", Self.reference, saved.path, "--format", "html"])
        #expect(html.stdout.contains("Example Times · 2022-04-08T10:00:00Z · https://example.test/story"))
    }
}
