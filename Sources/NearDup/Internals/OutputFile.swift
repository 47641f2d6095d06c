import Foundation

/// An output path opened for writing by the rule of issue 12: nothing at an output path is
/// replaced unless it is a regular file.
///
/// - A regular file, or nothing: written to a temporary file beside it (`.NAME.tmp-PID`), made
///   with the existing file's permissions, recorded in ``TemporaryFiles`` and renamed into
///   place by ``commit()``; ``abandon()`` (or deinit without commit) removes it.
/// - A symbolic link is followed (to any depth, relative links from their own folder), and
///   its final target is treated as above: the link stays a link.
/// - A device, FIFO or socket is opened and written in place (`/dev/null`, `/dev/stdout`, a
///   named pipe with a reader); nothing is renamed or removed.
/// - A folder is an error (``NearDupError/Code/isDirectory``).
package final class OutputFile {
    /// The path as given.
    package let path: String
    /// The path written: `path` with symbolic links followed.
    package let target: String
    /// The descriptor to write to.
    package let descriptor: Int32
    /// The temporary file, nil when writing in place.
    package let temporaryPath: String?
    /// The status of what was at `target` when opened (nil: nothing).
    package let existing: Syscalls.FileStatus?
    private var finished = false

    /// Opens `path` for writing.
    ///
    /// - Parameter regularOnly: refuse special files (an index file must be a regular file).
    /// - Throws: ``NearDupError`` naming the path.
    package init(path: String, regularOnly: Bool = false) throws {
        self.path = path
        target = try Self.followingLinks(path)
        existing = try Syscalls.status(of: target, followingLinks: false)
        switch existing?.kind {
        case nil, .regular?:
            let folder = (target as NSString).deletingLastPathComponent
            let name = (target as NSString).lastPathComponent
            let permissions = existing?.permissions ?? 0o666  // the umask applies to new files
            let base = (folder.isEmpty ? "." : folder) + "/.\(name).tmp-\(Syscalls.processID)"
            let context = target == path ? "cannot write \(path)" : "cannot write \(path) (a link to \(target))"
            (descriptor, temporaryPath) = try TemporaryFiles.shared.create {
                var attempt = 0
                while true {
                    let candidate = attempt == 0 ? base : "\(base)-\(attempt)"
                    do {
                        return (try Syscalls.open(candidate, .createNew(permissions: permissions), context: context), candidate)
                    } catch let error as NearDupError where Syscalls.isAlreadyExists(error) && attempt < 100 {
                        attempt += 1
                    }
                }
            }
        case .directory?:
            throw NearDupError(.isDirectory, "cannot write \(path): it is a folder")
        default:
            if regularOnly { throw NearDupError(.invalidInput, "cannot write \(path): not a regular file") }
            descriptor = try Syscalls.open(target, .writeOnly, context: "cannot write \(path)")
            temporaryPath = nil
        }
    }

    deinit {
        abandon()
        Syscalls.close(descriptor)
    }

    /// Whether the output is written in place (a device, FIFO or socket).
    package var isInPlace: Bool { temporaryPath == nil }

    /// Renames the temporary file into place (after `sync`ing it when asked); nothing for an
    /// output written in place.
    ///
    /// - Throws: ``NearDupError`` naming the path; the temporary file is then removed.
    package func commit(sync: Bool = false) throws {
        guard !finished else { return }
        guard let temporaryPath else {
            finished = true
            return
        }
        do {
            if sync { try Syscalls.sync(descriptor, context: "cannot write \(path)") }
            try Syscalls.rename(temporaryPath, to: target, context: "cannot write \(path)")
            finished = true
            TemporaryFiles.shared.forget(temporaryPath)
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives up: removes the temporary file. Idempotent; nothing after ``commit(sync:)``.
    package func abandon() {
        guard !finished else { return }
        finished = true
        if let temporaryPath {
            Syscalls.unlink(temporaryPath)
            TemporaryFiles.shared.forget(temporaryPath)
        }
    }

    /// `path` with every symbolic link on its last component followed (40 at most, as the
    /// kernel allows); a dangling link gives the path its target would have.
    static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            guard let status = try Syscalls.status(of: current, followingLinks: false), status.kind == .symbolicLink,
                let link = Syscalls.readLink(current)
            else { return current }
            if link.hasPrefix("/") {
                current = link
            } else {
                let folder = (current as NSString).deletingLastPathComponent
                current = folder.isEmpty ? link : folder + "/" + link
            }
        }
        throw NearDupError(.invalidInput, "cannot write \(path): too many levels of symbolic links")
    }
}
