// The one C boundary of Web/: gumbo (Google's HTML5 parser, Debian's libgumbo-dev) parses the
// page, and its tree is copied into an HTMLTree before gumbo's memory is freed. Nothing of
// gumbo leaves this file.
internal import CGumbo

/// Parses HTML with gumbo into an ``HTMLTree``.
enum HTMLParser {
    /// Parses `html` (an HTML5 parse: any input gives a tree, as a browser's does).
    ///
    /// - Complexity: O(n) in the bytes of `html`; the tree holds a copy of every text.
    static func parse(_ html: String) -> HTMLTree {
        var source = html.isEmpty ? " " : html  // a non-empty buffer always has an address
        return source.withUTF8 { bytes in
            let output = bytes.withMemoryRebound(to: CChar.self) { neardup_gumbo_parse($0.baseAddress, $0.count) }
            guard let output else {
                return HTMLTree(nodes: [HTMLTree.Node(kind: .element, tag: "#document", parent: -1, depth: 0)])
            }
            defer { neardup_gumbo_destroy(output) }
            return copy(output.pointee.document)
        }
    }

    /// Copies gumbo's tree into a flat pre-order array with an explicit stack.
    private static func copy(_ document: UnsafeMutablePointer<GumboNode>) -> HTMLTree {
        var nodes: [HTMLTree.Node] = []
        // (gumbo node, parent index); pushed in reverse so children come out in order.
        var stack: [(UnsafePointer<GumboNode>, Int)] = [(UnsafePointer(document), -1)]
        while let (node, parent) = stack.popLast() {
            let depth = parent < 0 ? 0 : nodes[parent].depth + 1
            let type = node.pointee.type
            var item: HTMLTree.Node
            if node == UnsafePointer(document) {
                item = HTMLTree.Node(kind: .element, tag: "#document", parent: parent, depth: depth)
            } else if type == GUMBO_NODE_ELEMENT || type == GUMBO_NODE_TEMPLATE {
                var length = 0
                let name = neardup_gumbo_tag_name(node, &length)
                let tag = name.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: length), as: UTF8.self) } ?? ""
                var attributes: [(name: String, value: String)] = []
                for a in 0 ..< neardup_gumbo_attribute_count(node) {
                    guard let attribute = neardup_gumbo_attribute(node, a) else { continue }
                    attributes.append((
                        String(cString: attribute.pointee.name).lowercased(), String(cString: attribute.pointee.value)))
                }
                item = HTMLTree.Node(kind: .element, tag: tag.lowercased(), attributes: attributes, parent: parent, depth: depth)
            } else if type == GUMBO_NODE_TEXT || type == GUMBO_NODE_CDATA || type == GUMBO_NODE_WHITESPACE {
                item = HTMLTree.Node(kind: .text, text: String(cString: neardup_gumbo_text(node)), parent: parent, depth: depth)
            } else if type == GUMBO_NODE_COMMENT {
                item = HTMLTree.Node(kind: .comment, text: String(cString: neardup_gumbo_text(node)), parent: parent, depth: depth)
            } else {
                continue
            }
            let index = nodes.count
            nodes.append(item)
            if let children = neardup_gumbo_children(node), children.pointee.length > 0 {
                for c in stride(from: Int(children.pointee.length) - 1, through: 0, by: -1) {
                    if let child = neardup_gumbo_child(children, UInt32(c)) { stack.append((child, index)) }
                }
            }
        }
        // Subtree sizes: children follow their parent, so one reverse pass adds each to its parent.
        for i in stride(from: nodes.count - 1, through: 1, by: -1) where nodes[i].parent >= 0 {
            nodes[nodes[i].parent].subtreeSize += nodes[i].subtreeSize
        }
        return HTMLTree(nodes: nodes)
    }
}
