/// A saved web page read as a story: its article body and its metadata.
///
/// The page is parsed with gumbo, an HTML5 parser (Debian's `libgumbo-dev`), so any input gives
/// a result as a browser's parse would. The body is found readability-style (boilerplate dropped,
/// paragraphs scored by text and comma counts, link-heavy blocks left out); the metadata comes
/// from Open Graph and `article:*` tags, JSON-LD, `<link rel="canonical">`, `<title>` and `<h1>`.
///
/// Wherever NearDup reads a text file (``TextFile``, and so `report`, `compare`, `dedup`, `sign`,
/// `sketch` and `index` on folders and files), a file that ``looksLikeHTML(path:text:)`` is read
/// through this type and its ``storyText`` is used.
///
/// ```
/// let page = WebPage(html: savedPage)
/// print(page.metadata.title ?? "untitled", page.metadata.outlet ?? "")
/// print(page.body)
/// ```
public struct WebPage: Sendable, Hashable {
    /// The page's headline, byline, date, outlet and address, as far as its markup gives them.
    public var metadata: StoryMetadata
    /// The article body: one entry a paragraph, heading or list item, whitespace collapsed.
    public var paragraphs: [String]

    /// Parses a page and finds its body and metadata.
    ///
    /// - Parameter html: the page's markup, decoded.
    /// - Complexity: O(n) in the length of `html` for parsing and metadata; the body search
    ///   is O(n) plus a walk up the tree from each strong candidate.
    public init(html: String) {
        let tree = HTMLParser.parse(html)
        metadata = PageMetadataReader(tree: tree).read()
        var paragraphs = ArticleExtractor(tree: tree).paragraphs()
        // The headline often opens the body again (an <h1> inside the article): once is enough.
        if let title = metadata.title, paragraphs.first == title { paragraphs.removeFirst() }
        self.paragraphs = paragraphs
    }

    /// The article body, paragraphs separated by a blank line.
    public var body: String { paragraphs.joined(separator: "\n\n") }

    /// The story as NearDup reads it: the headline on the first line (when known), a blank line,
    /// then ``body``; the same layout as a story saved as plain text.
    public var storyText: String {
        guard let title = metadata.title else { return body }
        return paragraphs.isEmpty ? title : title + "\n\n" + body
    }

    /// True when a file should be read as a web page: its name ends in `.html`, `.htm` or
    /// `.xhtml` (before any `.gz`), or its text starts, after a byte-order mark, white space and
    /// comments, with `<!DOCTYPE html` or `<html` in any case.
    ///
    /// - Parameters:
    ///   - path: the file's path (`-` for standard input: only the text decides).
    ///   - text: the file's decoded text; only its first few hundred characters are looked at.
    /// - Returns: whether to read the file with ``init(html:)``.
    /// - Complexity: O(1): at most 1,024 characters of `text` are examined.
    public static func looksLikeHTML(path: String, text: String) -> Bool {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return true }
        var rest = Substring(text.prefix(1024))
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            guard rest.hasPrefix("<!--"), let end = rest.range(of: "-->") else { break }
            rest = rest[end.upperBound...]
        }
        let head = rest.prefix(14).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// `decoded` unchanged, or, when it ``looksLikeHTML(path:text:)``, the page's ``storyText``
    /// with its ``metadata`` (the encoding and any decoding warning kept).
    package static func storyIfPage(_ decoded: DecodedText, path: String) -> DecodedText {
        guard looksLikeHTML(path: path, text: decoded.text) else { return decoded }
        let page = WebPage(html: decoded.text)
        var story = decoded
        story.text = page.storyText
        story.metadata = page.metadata
        return story
    }
}
