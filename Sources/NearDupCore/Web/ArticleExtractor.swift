/// Finds the article body of a parsed page, readability-style: boilerplate elements are dropped
/// by tag, role, visibility and class or id (navigation, scripts, styles, forms, headers, footers,
/// asides, share bars, related links, comments, ads); the remaining text is cut into blocks at
/// block-level elements; every paragraph of 25 characters or more scores its container (1 + its
/// commas + one per 100 characters, at most 3) and half of that to the container's parent; a
/// container's score starts from its tag and class (`article`, `content`, `entry`, `post`,
/// `story` +25; `comment`, `meta`, `related`, `share`, `sidebar` … −25) and is scaled by the
/// share of its text outside links. The best container wins; when three of the strong
/// containers (three quarters of the best score) share an ancestor, as the entries of a live
/// blog do, that ancestor wins instead; its siblings join when they score a fifth of it or hold
/// a prose paragraph. A block is in the article when its text lies inside the winner; blocks
/// that are mostly link text are left out.
struct ArticleExtractor {
    /// A run of text inside one block-level element.
    struct Block {
        /// The block-level element the text belongs to.
        var owner: Int
        /// The first text node of the block: the block is in the article when this node is
        /// (its block element can be outside, as when a `<font>` wraps the story's paragraphs).
        var firstText: Int
        var text: String
        /// Characters of `text` inside links.
        var linkCharacters: Int
        var isHeading: Bool
    }

    /// A scored container.
    struct Candidate {
        var index: Int
        var score: Double
    }

    let tree: HTMLTree

    static let droppedTags: Set<String> = [
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "form", "button", "input",
        "select", "textarea", "label", "nav", "header", "footer", "aside", "menu", "dialog", "object", "embed",
        "canvas", "video", "audio", "picture", "figure", "figcaption", "img",
    ]
    /// AMP elements kept (the rest are ads, analytics, share bars, sidebars and embeds).
    static let keptAMPTags: Set<String> = ["amp-live-list", "amp-accordion", "amp-fit-text"]
    static let blockTags: Set<String> = [
        "#document", "html", "body", "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th",
        "hr", "address", "center", "amp-live-list",
    ]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let droppedRoles: Set<String> = [
        "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alertdialog", "search",
    ]
    /// Class or id words that mark boilerplate wherever they appear in the attribute.
    static let boilerplateWords = [
        "share", "social", "related", "recommend", "comment", "newsletter", "subscribe", "signup", "promo",
        "outbrain", "taboola", "advert", "sponsor", "cookie", "consent", "breadcrumb", "sidebar", "footer",
        "masthead", "byline", "paywall", "popup", "modal", "widget", "trending", "most-read", "mostread",
        "read-more", "readmore", "more-stories", "tag-list", "taglist",
    ]
    /// Class or id words that mark boilerplate only as a whole word (`nav`, not `canvas`).
    static let boilerplateTokens: Set<String> = [
        "nav", "navbar", "menu", "ad", "ads", "advert", "banner", "tags", "meta", "toolbar", "tools", "skip", "pagination", "pager", "author", "dateline", "timestamp", "caption", "credit",
    ]
    static let positiveWords = ["article", "content", "entry", "post", "story", "body", "main", "text", "blog"]
    static let negativeWords = [
        "comment", "meta", "related", "share", "sidebar", "footer", "promo", "sponsor", "widget", "tags", "shop",
        "combx", "contact", "masthead", "media", "scroll", "outbrain", "skyscraper",
    ]

    /// The body's blocks, in page order.
    func paragraphs() -> [String] {
        let removed = removedNodes()
        let blocks = self.blocks(removed: removed)
        guard !blocks.isEmpty else { return [] }
        let n = tree.nodes.count
        // Text and link characters per subtree, and paragraph scores per container.
        var textLength = [Int](repeating: 0, count: n)
        var linkLength = [Int](repeating: 0, count: n)
        var score = [Double](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        for block in blocks {
            textLength[block.owner] += block.text.count
            linkLength[block.owner] += block.linkCharacters
        }
        for i in stride(from: n - 1, through: 1, by: -1) where tree.nodes[i].parent >= 0 {
            textLength[tree.nodes[i].parent] += textLength[i]
            linkLength[tree.nodes[i].parent] += linkLength[i]
        }
        for block in blocks where !block.isHeading && block.text.count >= 25 {
            let commas = block.text.reduce(0) { $0 + ($1 == "," || $1 == "，" ? 1 : 0) }
            let points = 1 + Double(commas) + min(Double(block.text.count / 100), 3)
            // The block's element is the paragraph; its container and the container's parent score.
            var target = tree.nodes[block.owner].parent
            for share in [1.0, 0.5] where target > 0 {
                if !scored[target] {
                    scored[target] = true
                    score[target] = initialScore(target)
                }
                score[target] += points * share
                target = tree.nodes[target].parent
            }
        }
        func linkDensity(_ i: Int) -> Double { textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i]) }
        var candidates: [Candidate] = []
        for i in 0 ..< n where scored[i] {
            candidates.append(Candidate(index: i, score: score[i] * (1 - linkDensity(i))))
        }
        candidates.sort { (a: Candidate, b: Candidate) -> Bool in
            a.score > b.score || (a.score == b.score && a.index < b.index)
        }
        guard let best = candidates.first, best.score > 0 else {
            return blocks.map(\.text)
        }
        var top = best.index
        // Entries of a live blog (or a story split into sections) score apart: when three strong
        // candidates share an ancestor of the best one, take that ancestor.
        let strong = candidates.dropFirst().prefix(5).filter { $0.score >= 0.75 * best.score }.map { $0.index }
        if strong.count >= 2 {
            var ancestor = tree.nodes[top].parent
            while ancestor > 0 {
                let inside = strong.filter { tree.subtree(ancestor).contains($0) }.count + 1
                if inside >= 3 {
                    top = ancestor
                    break
                }
                ancestor = tree.nodes[ancestor].parent
            }
        }
        // A lone child holds no more than its parent: climb while the parent has no other text.
        while tree.nodes[top].parent > 0, textLength[tree.nodes[top].parent] == textLength[top],
            !["body", "html"].contains(tree.nodes[tree.nodes[top].parent].tag)
        {
            top = tree.nodes[top].parent
        }
        let topScore = max(score[top], best.score)

        var included: [Range<Int>] = []
        let parent = tree.nodes[top].parent
        let siblings = parent >= 0 ? tree.children(of: parent) : [top]
        for sibling in siblings where !removed[sibling] && textLength[sibling] > 0 {
            if sibling == top {
                included.append(tree.subtree(sibling))
                continue
            }
            var threshold = max(10, topScore * 0.2)
            if let cls = tree.nodes[top].attribute("class"), !cls.isEmpty, tree.nodes[sibling].attribute("class") == cls {
                threshold -= topScore * 0.2
            }
            let siblingScore = scored[sibling] ? score[sibling] * (1 - linkDensity(sibling)) : 0
            let prose = tree.nodes[sibling].tag == "p"
                && (textLength[sibling] > 80 ? linkDensity(sibling) < 0.25 : linkDensity(sibling) == 0 && endsSentence(sibling))
            if siblingScore >= threshold || prose { included.append(tree.subtree(sibling)) }
        }
        return blocks.filter { block in
            included.contains { $0.contains(block.firstText) }
                && Double(block.linkCharacters) <= 0.5 * Double(block.text.count)
        }.map(\.text)
    }

    func endsSentence(_ index: Int) -> Bool {
        let text = tree.rawText(index).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return text.hasSuffix(".") || text.contains(". ")
    }

    /// A container's score before its paragraphs: by tag, then by class and id.
    func initialScore(_ index: Int) -> Double {
        let node = tree.nodes[index]
        var value: Double
        switch node.tag {
        case "div", "article", "main": value = 5
        case "pre", "td", "blockquote": value = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li": value = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": value = -5
        default: value = 0
        }
        let marks = classAndID(node)
        if !marks.isEmpty {
            if Self.negativeWords.contains(where: { marks.contains($0) }) { value -= 25 }
            if Self.positiveWords.contains(where: { marks.contains($0) }) { value += 25 }
        }
        return value
    }

    func classAndID(_ node: HTMLTree.Node) -> String {
        ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
    }

    /// True for each node inside a dropped element.
    func removedNodes() -> [Bool] {
        var removed = [Bool](repeating: false, count: tree.nodes.count)
        for i in tree.nodes.indices {
            let node = tree.nodes[i]
            if node.parent >= 0 && removed[node.parent] {
                removed[i] = true
            } else if node.kind == .comment {
                removed[i] = true
            } else if node.kind == .element {
                removed[i] = isBoilerplate(node)
            }
        }
        return removed
    }

    func isBoilerplate(_ node: HTMLTree.Node) -> Bool {
        let tag = node.tag
        if Self.droppedTags.contains(tag) { return true }
        if tag.hasPrefix("amp-") && !Self.keptAMPTags.contains(tag) { return true }
        if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        if let role = node.attribute("role")?.lowercased(), Self.droppedRoles.contains(role) { return true }
        if ["#document", "html", "body", "article", "main"].contains(tag) { return false }
        let marks = classAndID(node)
        guard !marks.isEmpty else { return false }
        if Self.boilerplateWords.contains(where: { marks.contains($0) }) { return true }
        let tokens = marks.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return tokens.contains { Self.boilerplateTokens.contains(String($0)) }
    }

    /// The page's text cut at block-level elements and `<br>`, whitespace collapsed.
    func blocks(removed: [Bool]) -> [Block] {
        let n = tree.nodes.count
        var owner = [Int](repeating: 0, count: n)
        var inLink = [Bool](repeating: false, count: n)
        var blocks: [Block] = []
        var current: (owner: Int, firstText: Int, text: String, links: Int)?
        func flush() {
            guard let block = current else { return }
            current = nil
            let text = block.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return }
            let links = min(block.links, text.count)
            blocks.append(Block(
                owner: block.owner, firstText: block.firstText, text: text, linkCharacters: links,
                isHeading: Self.headingTags.contains(tree.nodes[block.owner].tag)))
        }
        for i in 0 ..< n {
            let node = tree.nodes[i]
            let parent = node.parent
            if node.kind == .element {
                owner[i] = Self.blockTags.contains(node.tag) || parent < 0 ? i : owner[parent]
                inLink[i] = node.tag == "a" || (parent >= 0 && inLink[parent])
                if !removed[i] && (owner[i] == i || node.tag == "br") { flush() }
                continue
            }
            guard node.kind == .text, !removed[i], parent >= 0 else { continue }
            let blockOwner = owner[parent]
            if current?.owner != blockOwner { flush() }
            if current == nil { current = (blockOwner, i, "", 0) }
            current!.text += node.text
            if inLink[parent] {
                current!.links += node.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").count
            }
        }
        flush()
        return blocks
    }
}
