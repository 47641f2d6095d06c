#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#else
#error("NearDup needs Glibc (Linux) or Darwin (macOS)")
#endif

// Every file-system call of NearDup and of the `neardup` tool goes through this file (the
// swift-system pattern, Internals/Syscalls.swift): open, read, pread, pwrite, write, fsync,
// ftruncate, flock, mmap, rename, unlink, stat, readlink, opendir/readdir, mkstemp, and the two signal calls the
// tool needs. Each call runs in the one EINTR loop below, and a failure becomes a
// ``NearDupError`` whose code says what happened (``errorCode(for:)``) and whose message names
// the path. `package` access: the tool uses it, the library's public API never shows it.

/// The operating system boundary. Descriptors are plain `Int32`s.
package enum Syscalls {
    // MARK: Errors

    /// The ``NearDupError`` code for an `errno` value.
    package static func errorCode(for number: Int32) -> NearDupError.Code {
        switch number {
        case ENOENT, ENOTDIR: return .fileNotFound
        case EACCES, EPERM, EROFS: return .permissionDenied
        case ENOSPC, EDQUOT: return .noSpace
        case EISDIR: return .isDirectory
        default: return .ioError
        }
    }

    /// An error for `errno` value `number`: "context: reason".
    package static func error(_ number: Int32, _ context: String) -> NearDupError {
        NearDupError(errorCode(for: number), "\(context): \(describe(number))", systemErrorNumber: number)
    }

    /// Whether `error` is the failure to create a file that already exists (`EEXIST`).
    package static func isAlreadyExists(_ error: NearDupError) -> Bool { error.systemErrorNumber == EEXIST }

    /// The operating system's description of an `errno` value ("No such file or directory").
    package static func describe(_ number: Int32) -> String { String(cString: strerror(number)) }

    /// The one EINTR loop: calls `call` until it succeeds or fails with another error.
    /// Returns its result, or the `errno` of the failure.
    @inline(__always)
    static func retrying<T: BinaryInteger>(_ call: () -> T) -> Result<T, Errno> {
        while true {
            let result = call()
            if result >= 0 { return .success(result) }
            let number = errno
            if number != EINTR { return .failure(Errno(number)) }
        }
    }

    /// An `errno` value as an `Error`, inside this file only.
    struct Errno: Error {
        let number: Int32
        init(_ number: Int32) { self.number = number }
    }

    @inline(__always)
    static func check<T: BinaryInteger>(_ context: @autoclosure () -> String, _ call: () -> T) throws(NearDupError) -> T {
        switch retrying(call) {
        case .success(let value): return value
        case .failure(let failure): throw error(failure.number, context())
        }
    }

    // MARK: Opening and closing

    /// How a file is opened.
    package enum OpenMode: Sendable {
        /// Reading.
        case readOnly
        /// Reading and writing an existing file.
        case readWrite
        /// Writing an existing file (a device, a FIFO) in place, without truncating it.
        case writeOnly
        /// Creating a new file that must not exist yet, for reading and writing.
        case createNew(permissions: UInt32)

        var flags: Int32 {
            switch self {
            case .readOnly: return O_RDONLY | O_CLOEXEC
            case .readWrite: return O_RDWR | O_CLOEXEC
            case .writeOnly: return O_WRONLY | O_CLOEXEC
            case .createNew: return O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC
            }
        }
    }

    /// Opens `path`.
    ///
    /// - Throws: ``NearDupError`` "`context`: reason" (default: "path: cannot open").
    package static func open(_ path: String, _ mode: OpenMode, context: String? = nil) throws(NearDupError) -> Int32 {
        let permissions: mode_t
        if case .createNew(let value) = mode { permissions = mode_t(value) } else { permissions = 0 }
        return try check(context ?? "\(path): cannot open") { systemOpen(path, mode.flags, permissions) }
    }

    /// Closes a descriptor (errors, which leave it closed, are ignored).
    package static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// Creates a new, empty file in `folder` with a unique name from `prefix` (mkstemp).
    /// Returns its descriptor and path.
    package static func makeTemporaryFile(in folder: String, prefix: String) throws(NearDupError) -> (Int32, String) {
        var template = Array((folder + "/" + prefix + "XXXXXX").utf8CString)
        let descriptor = try check("cannot create a scratch file in \(folder)") {
            template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        }
        return (descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    // MARK: Reading and writing

    /// Reads up to `count` bytes at the descriptor's position; 0 at the end of the file.
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, context: @autoclosure () -> String) throws(NearDupError) -> Int {
        try check(context()) { systemRead(descriptor, buffer, count) }
    }

    /// Reads `count` bytes at `offset`, fewer only at the end of the file. Returns the bytes read.
    package static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: UInt64, context: @autoclosure () -> String) throws(NearDupError) -> Int {
        var done = 0
        while done < count {
            let got = try check(context()) { pread(descriptor, buffer + done, count - done, off_t(offset) + off_t(done)) }
            if got == 0 { break }
            done += got
        }
        return done
    }

    /// Writes all `count` bytes at the descriptor's position.
    package static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, count: Int, context: @autoclosure () -> String) throws(NearDupError) {
        var done = 0
        while done < count {
            done += try check(context()) { systemWrite(descriptor, bytes + done, count - done) }
        }
    }

    /// Writes all `count` bytes at `offset`.
    package static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, count: Int, at offset: UInt64, context: @autoclosure () -> String) throws(NearDupError) {
        var done = 0
        while done < count {
            done += try check(context()) { pwrite(descriptor, bytes + done, count - done, off_t(offset) + off_t(done)) }
        }
    }

    /// Flushes the file's data and metadata to the disk.
    package static func sync(_ descriptor: Int32, context: @autoclosure () -> String) throws(NearDupError) {
        _ = try check(context()) { fsync(descriptor) }
    }

    /// Cuts the file to `length` bytes.
    package static func truncate(_ descriptor: Int32, to length: UInt64, context: @autoclosure () -> String) throws(NearDupError) {
        _ = try check(context()) { ftruncate(descriptor, off_t(length)) }
    }

    /// Waits for an exclusive advisory lock on the file (flock), released when the descriptor
    /// is closed.
    package static func lockExclusively(_ descriptor: Int32, context: @autoclosure () -> String) throws(NearDupError) {
        _ = try check(context()) { flock(descriptor, LOCK_EX) }
    }

    // MARK: Mapping

    /// Maps `length` bytes of the file read-only.
    package static func mapReadOnly(_ descriptor: Int32, length: Int, context: @autoclosure () -> String) throws(NearDupError) -> UnsafeRawPointer {
        guard length > 0 else { throw NearDupError(.ioError, "\(context()): nothing to map") }
        while true {
            let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
            if let address, address != MAP_FAILED { return UnsafeRawPointer(address) }
            let number = errno
            if number != EINTR { throw error(number, context()) }
        }
    }

    /// Unmaps a region mapped by ``mapReadOnly(_:length:context:)``.
    package static func unmap(_ address: UnsafeRawPointer, length: Int) {
        _ = munmap(UnsafeMutableRawPointer(mutating: address), length)
    }

    // MARK: Names

    /// Renames `source` to `destination`, atomically replacing a file there.
    package static func rename(_ source: String, to destination: String, context: @autoclosure () -> String) throws(NearDupError) {
        _ = try check(context()) { systemRename(source, destination) }
    }

    /// Removes a name; returns whether it was removed. Safe to call from a signal handler's
    /// thread.
    @discardableResult
    package static func unlink(_ path: String) -> Bool {
        return systemUnlink(path) == 0
    }

    /// The names in the folder at `path` (without `.` and `..`), in no particular order.
    ///
    /// - Throws: ``NearDupError`` naming the folder when it cannot be opened or read.
    package static func folderEntries(_ path: String) throws(NearDupError) -> [String] {
        guard let folder = opendir(path) else { throw error(errno, "\(path): cannot read the folder") }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw error(errno, "\(path): cannot read the folder") }
                return names
            }
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// The target of the symbolic link at `path`, as stored in the link.
    package static func readLink(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { readlink(path, $0.baseAddress!, $0.count) }
        }
        guard count > 0 && count < buffer.count else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }

    // MARK: Status

    /// What kind of file a name refers to.
    package enum FileKind: Sendable, Equatable {
        case regular, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, other
    }

    /// What ``status(of:followingLinks:)`` reports.
    package struct FileStatus: Sendable, Equatable {
        package var kind: FileKind
        package var size: UInt64
        /// Permission bits (`0o7777`).
        package var permissions: UInt32
        /// Device and inode: equal for two names of one file.
        package var identity: [UInt64]
    }

    private static func fileStatus(_ info: stat) -> FileStatus {
        let mode = UInt32(info.st_mode)
        let kind: FileKind
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG): kind = .regular
        case UInt32(S_IFDIR): kind = .directory
        case UInt32(S_IFLNK): kind = .symbolicLink
        case UInt32(S_IFIFO): kind = .fifo
        case UInt32(S_IFCHR): kind = .characterDevice
        case UInt32(S_IFBLK): kind = .blockDevice
        case UInt32(S_IFSOCK): kind = .socket
        default: kind = .other
        }
        return FileStatus(
            kind: kind, size: UInt64(max(0, info.st_size)), permissions: mode & 0o7777,
            identity: [UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)])
    }

    /// The status of the file at `path` (of a symbolic link itself unless `followingLinks`);
    /// nil when there is nothing there.
    ///
    /// - Throws: ``NearDupError`` for errors other than a missing file.
    package static func status(of path: String, followingLinks: Bool = true) throws(NearDupError) -> FileStatus? {
        var info = stat()
        switch retrying({ followingLinks ? stat(path, &info) : lstat(path, &info) }) {
        case .success: return fileStatus(info)
        case .failure(let failure) where failure.number == ENOENT: return nil
        case .failure(let failure): throw error(failure.number, "\(path): cannot read its status")
        }
    }

    /// The status of an open file.
    package static func status(of descriptor: Int32, context: @autoclosure () -> String) throws(NearDupError) -> FileStatus {
        var info = stat()
        _ = try check(context()) { fstat(descriptor, &info) }
        return fileStatus(info)
    }

    /// Whether the descriptor is a terminal.
    package static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// This process's id.
    package static var processID: Int32 { getpid() }

    // MARK: Threads

    /// Starts a detached thread running `body`.
    ///
    /// Not Foundation's `Thread.start()`, which ignores a failure to create the thread: a pool
    /// waiting for a thread that never ran hung for ever (issue 17, item 11).
    ///
    /// - Throws: ``NearDupError`` "`context`: reason" when the system refuses a thread
    ///   (`EAGAIN`: the limit of threads or processes, `ulimit -u`, or memory).
    package static func startThread(context: @autoclosure () -> String, _ body: @escaping @Sendable () -> Void) throws(NearDupError) {
        let box = Unmanaged.passRetained(ThreadBody(body))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let result = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, box.toOpaque())
        guard result == 0 else {
            box.release()
            throw error(result, context())
        }
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }

    /// The body of a thread being started, carried through `pthread_create`'s pointer.
    private final class ThreadBody {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    // MARK: Signals and exit

    /// SIGINT, the terminal's interrupt (Control-C).
    package static var interruptSignal: Int32 { SIGINT }
    /// SIGTERM, the polite request to stop (`kill`, service managers).
    package static var terminationSignal: Int32 { SIGTERM }
    /// SIGHUP, the terminal closed.
    package static var hangUpSignal: Int32 { SIGHUP }
    /// SIGQUIT, the terminal's quit (Control-\\).
    package static var quitSignal: Int32 { SIGQUIT }

    /// Makes the process ignore `signal` (so that a dispatch source can take it instead).
    /// Returns whether it was ignored already: a process started with a signal ignored (a
    /// background job of a non-interactive shell, `nohup`) should keep it so.
    @discardableResult
    package static func ignore(signal number: Int32) -> Bool {
        let previous = signal(number, SIG_IGN)
        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Ends the process at once with `status`, running no exit handlers (from a signal
    /// handler's thread, while other threads may still be working).
    package static func exitImmediately(_ status: Int32) -> Never { _exit(status) }
}

// At file scope the C names are not shadowed by the members of `Syscalls` of the same name.
private func systemOpen(_ path: String, _ flags: Int32, _ permissions: mode_t) -> Int32 { open(path, flags, permissions) }
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(descriptor, buffer, count) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
