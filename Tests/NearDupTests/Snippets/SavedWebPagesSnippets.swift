// The Swift snippet of Sources/NearDup/NearDup.docc/SavedWebPages.md, verbatim: see
// SnippetTests.swift. It runs here, and the figures the article states are checked after it.
import Foundation
import NearDup
import Testing

@Suite struct SavedWebPagesSnippets {
    @Test func readAPage() {
        // Snippet begin: Sources/NearDup/NearDup.docc/SavedWebPages.md
        let html = """
            <html><head><meta property="og:title" content="Ferry fares to rise">
            <meta property="og:site_name" content="Meridian Daily"></head>
            <body><nav><a href="/">Home</a> <a href="/travel">Travel</a></nav>
            <article><p>Ferry fares will rise by a tenth this summer, the operator said on Monday.</p>
            <div class="share-bar"><a href="#">Share</a></div></article></body></html>
            """
        let page = WebPage(html: html)
        print(page.metadata.title ?? "", "·", page.metadata.outlet ?? "")  // Ferry fares to rise · Meridian Daily
        print(page.body)        // Ferry fares will rise by a tenth this summer, the operator said on Monday.
        print(page.storyText)   // the headline, a blank line, the body: what the report reads
        // Snippet end
        #expect(page.metadata.title == "Ferry fares to rise" && page.metadata.outlet == "Meridian Daily")
        #expect(page.body == "Ferry fares will rise by a tenth this summer, the operator said on Monday.")
        #expect(page.storyText == "Ferry fares to rise\n\n" + page.body)
    }
}
