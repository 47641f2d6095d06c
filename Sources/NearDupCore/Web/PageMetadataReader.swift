import Foundation

/// Reads a page's ``StoryMetadata`` from its `<meta>` tags (Open Graph, `article:*`, `author`),
/// its JSON-LD (`NewsArticle` and kin: `headline`, `author`, `datePublished`, `publisher`, `url`),
/// `<link rel="canonical">`, `<title>`, `<time datetime>` and the first `<h1>`.
///
/// The first source that gives a field wins, in this order:
/// - title: `og:title`, JSON-LD `headline`, `twitter:title`, `<title>` (less a trailing
///   " | Outlet" or " - Outlet"), the first `<h1>`;
/// - byline: `<meta name="author">`, JSON-LD `author`, `article:author` (unless an address),
///   an element with `rel="author"` or a class or id containing `byline`;
/// - date: `article:published_time`, JSON-LD `datePublished`, `<meta name="date">` and its
///   Dublin Core and Parse.ly spellings, the first `<time datetime>`;
/// - outlet: `og:site_name`, JSON-LD `publisher.name`, `application-name`;
/// - url: `og:url`, `<link rel="canonical">`, JSON-LD `url` or `mainEntityOfPage`.
struct PageMetadataReader {
    let tree: HTMLTree

    /// The JSON-LD `@type`s taken for the story itself.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
        "LiveBlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "WebPage",
    ]

    func read() -> StoryMetadata {
        var meta: [String: String] = [:]
        for i in tree.elements("meta") {
            let node = tree.nodes[i]
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                  let value = clean(node.attribute("content")), meta[key] == nil else { continue }
            meta[key] = value
        }
        let article = jsonLDArticle()
        var result = StoryMetadata()
        let outlet = meta["og:site_name"] ?? clean(jsonName(article?["publisher"])) ?? meta["application-name"]
        result.outlet = outlet
        result.title = meta["og:title"] ?? clean(article?["headline"] as? String) ?? meta["twitter:title"]
            ?? documentTitle(outlet: outlet) ?? firstText("h1")
        let articleAuthor = meta["article:author"].flatMap { $0.contains("://") ? nil : $0 }
        result.byline = meta["author"] ?? clean(jsonName(article?["author"])) ?? articleAuthor ?? bylineElement()
        result.date = meta["article:published_time"] ?? clean(article?["datePublished"] as? String)
            ?? ["date", "pubdate", "publishdate", "dc.date", "dcterms.date", "dc.date.issued", "parsely-pub-date"]
                .lazy.compactMap { meta[$0] }.first
            ?? tree.elements("time").lazy.compactMap { clean(tree.nodes[$0].attribute("datetime")) }.first
        result.url = meta["og:url"] ?? canonicalLink() ?? clean(article?["url"] as? String)
            ?? clean(jsonID(article?["mainEntityOfPage"]))
        return result
    }

    /// Whitespace collapsed; `nil` for nothing.
    func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let collapsed = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// The `<title>`, less a trailing separator and the outlet's name.
    func documentTitle(outlet: String?) -> String? {
        guard let title = firstText("title") else { return nil }
        if let outlet {
            for separator in [" | ", " - ", " – ", " — ", " :: "] where title.hasSuffix(separator + outlet) {
                return String(title.dropLast(separator.count + outlet.count))
            }
        }
        return title
    }

    /// The collapsed text of the first element named `tag`.
    func firstText(_ tag: String) -> String? {
        tree.elements(tag).lazy.compactMap { clean(tree.rawText($0)) }.first
    }

    func canonicalLink() -> String? {
        tree.elements("link").lazy.compactMap { i -> String? in
            let node = tree.nodes[i]
            let rel = node.attribute("rel")?.lowercased().split(separator: " ") ?? []
            return rel.contains("canonical") ? clean(node.attribute("href")) : nil
        }.first
    }

    /// The text of an element marked as the byline, less a leading "By".
    func bylineElement() -> String? {
        for i in tree.nodes.indices where tree.nodes[i].kind == .element {
            let node = tree.nodes[i]
            let marks = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
            guard node.attribute("rel")?.lowercased() == "author" || marks.contains("byline") else { continue }
            guard var text = clean(tree.rawText(i)), text.count <= 120 else { continue }
            if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
            return clean(text)
        }
        return nil
    }

    /// The first JSON-LD object whose `@type` is an article type (searching arrays and `@graph`).
    func jsonLDArticle() -> [String: Any]? {
        for i in tree.elements("script") where tree.nodes[i].attribute("type")?.lowercased() == "application/ld+json" {
            let text = tree.rawText(i)
            guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
                continue
            }
            var queue: [Any] = [json]
            var fallback: [String: Any]?
            while !queue.isEmpty {
                let item = queue.removeFirst()
                if let array = item as? [Any] {
                    queue += array
                } else if let object = item as? [String: Any] {
                    let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
                    if types.contains(where: { Self.articleTypes.contains($0) && $0 != "WebPage" }) { return object }
                    if fallback == nil, types.contains("WebPage"), object["headline"] != nil { fallback = object }
                    if let graph = object["@graph"] { queue.append(graph) }
                }
            }
            if let fallback { return fallback }
        }
        return nil
    }

    /// A JSON-LD name: a string, an object's `name`, or the names of an array joined with "and".
    func jsonName(_ value: Any?) -> String? {
        if let string = value as? String { return string.contains("://") ? nil : string }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let names = array.compactMap { jsonName($0) }.compactMap { clean($0) }
            guard !names.isEmpty else { return nil }
            return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
        return nil
    }

    /// A JSON-LD identifier: a string, or an object's `@id` or `url`.
    func jsonID(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let object = value as? [String: Any] { return (object["@id"] as? String) ?? (object["url"] as? String) }
        return nil
    }
}
