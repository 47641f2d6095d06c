/// The files below a folder, as the corpus reader and `neardup report` read them: every
/// regular file, recursively, hidden files and folders (names starting with `.`) left out,
/// sorted by their path below the folder.
///
/// Symbolic links are followed, to files and to folders alike (a folder given as a link, or
/// linked from inside the tree, is read). A link back to a folder being listed (a loop) is not
/// followed again, with a warning. A subfolder that cannot be read, a link to nothing, and
/// anything that is neither a file nor a folder (a FIFO, a device, a socket) are reported
/// naming the path, never skipped silently: the first two are skipped problems (the run's exit
/// status says so), the last a warning.
enum FolderListing {
    /// A file found below a folder.
    struct Entry: Equatable {
        /// The path to open: the folder as given joined with `relativePath`.
        var path: String
        /// The path below the folder.
        var relativePath: String
    }

    /// Lists the files below `folder`.
    ///
    /// - Parameters:
    ///   - folder: the folder to list, as given.
    ///   - problem: called with each path that is reported rather than listed.
    /// - Returns: the files, sorted by their path below `folder`.
    /// - Complexity: O(f log f) for f files and folders.
    static func files(below folder: String, problem: (CorpusProblem) -> Void) -> [Entry] {
        var files: [Entry] = []
        var ancestors: [[UInt64]] = []
        if let status = try? Syscalls.status(of: folder) { ancestors.append(status.identity) }
        visit(folder, relative: "", ancestors: &ancestors, into: &files, problem: problem)
        return files.sorted { $0.relativePath < $1.relativePath }
    }

    private static func visit(
        _ folder: String, relative: String, ancestors: inout [[UInt64]], into files: inout [Entry],
        problem: (CorpusProblem) -> Void
    ) {
        let names: [String]
        do {
            names = try Syscalls.folderEntries(folder)
        } catch {
            problem(CorpusProblem(.skipped, SourceLocation(path: folder), "cannot read the folder: \(reason(error))"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            let below = relative.isEmpty ? name : relative + "/" + name
            let status: Syscalls.FileStatus?
            do {
                status = try Syscalls.status(of: path)
            } catch {
                problem(CorpusProblem(.skipped, SourceLocation(path: path), reason(error)))
                continue
            }
            guard let status else {
                let target = Syscalls.readLink(path).map { " (\($0))" } ?? ""
                problem(CorpusProblem(.skipped, SourceLocation(path: path), "a symbolic link to nothing\(target)"))
                continue
            }
            switch status.kind {
            case .regular:
                files.append(Entry(path: path, relativePath: below))
            case .directory:
                guard !ancestors.contains(status.identity) else {
                    problem(CorpusProblem(
                        .warning, SourceLocation(path: path), "a symbolic link to a folder it is inside (a loop): not followed again"))
                    continue
                }
                ancestors.append(status.identity)
                visit(path, relative: below, ancestors: &ancestors, into: &files, problem: problem)
                ancestors.removeLast()
            default:
                problem(CorpusProblem(.warning, SourceLocation(path: path), "neither a file nor a folder (a FIFO, device or socket): left out"))
            }
        }
    }

    /// The operating system's reason, without the path the message starts with.
    private static func reason(_ error: NearDupError) -> String {
        guard let number = error.systemErrorNumber else { return error.message }
        return Syscalls.describe(number)
    }
}
