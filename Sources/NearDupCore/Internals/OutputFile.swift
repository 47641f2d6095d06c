import Foundation

/// An output path opened for writing by the rule of issue 12: nothing at an output path is
/// replaced unless it is a regular file.
///
/// - A regular file, or nothing: written to a temporary file beside it (`.NAME.tmp-PID`, NAME
///   shortened when the whole would exceed NAME_MAX), made
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
        if target.hasSuffix("/") {
            // `x/` names a folder, never a file: refused before anything is created.
            if try Syscalls.status(of: target)?.kind == .directory {
                throw NearDupError(.isDirectory, "cannot write \(path): it is a folder")
            }
            throw NearDupError(.invalidInput, "cannot write \(path): a file name cannot end with /")
        }
        existing = try Syscalls.status(of: target, followingLinks: false)
        switch existing?.kind {
        case nil, .regular?:
            let (folder, name) = PathName.split(target)
            let permissions = existing?.permissions ?? 0o666  // the umask applies to new files
            let base = PathName.join(folder, Self.temporaryName(for: name, processID: Syscalls.processID))
            let context = target == path ? "cannot write \(path)" : "cannot write \(path) (a link to \(target))"
            (descriptor, temporaryPath) = try TemporaryFiles.shared.create {
                var attempt = 0
                while true {
                    let candidate = attempt == 0 ? base : "\(base)-\(attempt)"
                    do {
                        return (try Syscalls.open(candidate, .createNew(permissions: permissions), context: context), candidate)
                    } catch let error as NearDupError where Syscalls.isAlreadyExists(error) && attempt < 100 {
                        attempt += 1
                    } catch let error as NearDupError {
                        throw Self.explained(error, folder: folder, context: context)
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

    /// The longest file name (NAME_MAX) on the file systems NearDup writes to.
    static let maximumNameBytes = 255

    /// The hidden temporary name beside `name`: `.NAME.tmp-PID`, with NAME cut (at a character
    /// boundary) so that the whole name, and a `-NN` suffix added on a clash, fit
    /// ``maximumNameBytes``: a legal 250-byte output name gets a legal temporary name.
    static func temporaryName(for name: String, processID: Int32) -> String {
        let suffix = ".tmp-\(processID)"
        let budget = maximumNameBytes - 1 - suffix.utf8.count - 4  // 4: "-100"
        var kept = Substring(name)
        while kept.utf8.count > budget { kept.removeLast() }
        return "." + kept + suffix
    }

    /// A failure to create the temporary file, with the reason it is created at all: an output
    /// is written beside its final name and renamed into place, so its folder must exist and
    /// be writable even when the file itself is writable.
    private static func explained(_ error: NearDupError, folder: String, context: String) -> NearDupError {
        guard let number = error.systemErrorNumber else { return error }
        let reason = Syscalls.describe(number)
        switch error.code {
        case .permissionDenied:
            return NearDupError(
                error.code,
                "\(context): cannot create a file in the folder \(folder) (\(reason)): outputs are written to a temporary file beside their name and renamed into place, so the folder must be writable",
                systemErrorNumber: number)
        case .fileNotFound:
            return NearDupError(error.code, "\(context): no such folder \(folder) (\(reason))", systemErrorNumber: number)
        default:
            return error
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

    /// What writing a path would replace or create, after following its links: two outputs
    /// with one destination are one file, however their paths are spelled.
    package enum Destination: Hashable, Sendable {
        /// An existing file: its kind, and its device and inode.
        case existing(Syscalls.FileKind, identity: [UInt64])
        /// A file not there yet: the device and inode of its folder, and its name.
        case new(folder: [UInt64], name: String)

        /// Whether the output would be written in place (a device, FIFO or socket) or refused (a
        /// folder) rather than replaced: then it never replaces anything.
        package var isSpecial: Bool {
            if case .existing(let kind, _) = self { return kind != .regular }
            return false
        }
    }

    /// The destination of `path`; nil when it cannot be told (its folder is missing or
    /// unreadable: opening it then fails with a message naming the path).
    package static func destination(of path: String) -> Destination? {
        guard let target = try? followingLinks(path) else { return nil }
        do {
            if let status = try Syscalls.status(of: target, followingLinks: false) {
                return .existing(status.kind, identity: status.identity)
            }
            let (folder, name) = PathName.split(target)
            guard !name.isEmpty, let folderStatus = try Syscalls.status(of: folder), folderStatus.kind == .directory else { return nil }
            return .new(folder: folderStatus.identity, name: name)
        } catch {
            return nil
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
            current = link.hasPrefix("/") ? link : PathName.join(PathName.split(current).folder, link)
        }
        throw NearDupError(.invalidInput, "cannot write \(path): too many levels of symbolic links")
    }
}
