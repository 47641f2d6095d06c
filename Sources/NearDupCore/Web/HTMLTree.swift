/// A parsed HTML page as a flat array of nodes in document order (pre-order): every node's
/// descendants follow it and come before its next sibling, so bottom-up sums are one reverse
/// loop and no walk of the tree recurses (a page nested 100,000 deep cannot overflow the stack).
struct HTMLTree: Sendable {
    /// What a node is.
    enum Kind: Sendable, Equatable {
        /// An element (`tag` and `attributes` are set).
        case element
        /// Text, entities decoded (`text` is set); whitespace-only text included.
        case text
        /// A comment (`text` is set); never part of the article.
        case comment
    }

    /// One node.
    struct Node: Sendable {
        var kind: Kind
        /// The tag name, lower case (elements only).
        var tag: String = ""
        /// Attributes in source order, names lower case (elements only).
        var attributes: [(name: String, value: String)] = []
        /// The text (text and comment nodes only).
        var text: String = ""
        /// The parent's index; -1 for the root.
        var parent: Int
        /// The number of nodes in this node's subtree, itself included: its descendants are
        /// `index + 1 ..< index + subtreeSize`.
        var subtreeSize: Int = 1
        /// Depth below the root (the root is 0).
        var depth: Int

        /// The value of attribute `name` (lower case), if present.
        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// The nodes, root (the `<html>` element's parent, the document) first.
    var nodes: [Node]

    /// The children of node `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = index + nodes[index].subtreeSize
        while child < end {
            result.append(child)
            child += nodes[child].subtreeSize
        }
        return result
    }

    /// The indices of the subtree of `index`, itself first.
    func subtree(_ index: Int) -> Range<Int> { index ..< index + nodes[index].subtreeSize }

    /// The elements named `tag`, in document order.
    func elements(_ tag: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].tag == tag }
    }

    /// The text of the subtree of `index`, text nodes joined as they are (no separators added).
    func rawText(_ index: Int) -> String {
        var out = ""
        for i in subtree(index) where nodes[i].kind == .text { out += nodes[i].text }
        return out
    }
}
