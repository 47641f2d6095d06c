import NearDup

/// Where each document of a run came from, compactly (8 bytes a document plus each path
/// once), so that a later problem can name an earlier document's file and line.
struct DocumentLocations {
    private var paths: [String] = []
    private var pathIndex: [String: Int] = [:]
    /// Per document: path index in the high 24 bits, line in the low 40 (0: no line).
    private var packed: [UInt64] = []

    mutating func append(_ location: SourceLocation) {
        let index: Int
        if let known = pathIndex[location.path] {
            index = known
        } else {
            index = paths.count
            paths.append(location.path)
            pathIndex[location.path] = index
        }
        packed.append(UInt64(index) << 40 | UInt64(location.line ?? 0) & 0xFF_FFFF_FFFF)
    }

    /// The location of the document at `position`, as `path:line`.
    subscript(position: Int) -> String {
        let value = packed[position]
        let line = Int(value & 0xFF_FFFF_FFFF)
        return SourceLocation(path: paths[Int(value >> 40)], line: line == 0 ? nil : line).description
    }
}
