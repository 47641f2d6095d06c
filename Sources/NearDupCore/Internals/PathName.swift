/// Splitting and joining paths as the kernel reads them, on the bytes of the string.
///
/// Not `NSString.deletingLastPathComponent`: Foundation's crashes (SIGILL) on a one-character
/// path on Linux (issue 17, item 3: `neardup sign c.jsonl -o p`), and it also drops a trailing
/// slash, which changes what the path names.
package enum PathName {
    /// `path` split at its last `/`: the folder (`.` when there is none, `/` for a name at the
    /// root) and the name after it (empty when `path` ends with `/`).
    package static func split(_ path: String) -> (folder: String, name: String) {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return (".", path) }
        let name = String(path[path.index(after: slash)...])
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, name)
    }

    /// `name` inside `folder`: the name alone for `.`, no doubled slash after `/`.
    package static func join(_ folder: String, _ name: String) -> String {
        if folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
