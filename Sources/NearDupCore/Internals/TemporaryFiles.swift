import Foundation

/// The temporary files of outputs not yet renamed into place, process-wide, so that an
/// interrupted run can remove them (`neardup` does on SIGINT and SIGTERM).
///
/// Creation happens under the registry's lock: once ``removeAll()`` has begun, no new
/// temporary file is created (``create(_:)`` throws ``NearDupError/Code/interrupted``), so a
/// file created by another thread cannot slip past the clean-up.
package final class TemporaryFiles: @unchecked Sendable {
    package static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var stopping = false

    /// Runs `make` (which creates the file at the path it returns, with its descriptor) under
    /// the lock and records the path.
    package func create(_ make: () throws -> (Int32, String)) throws -> (Int32, String) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else { throw NearDupError(.interrupted, "interrupted: no new output file is started") }
        let made = try make()
        paths.insert(made.1)
        return made
    }

    /// Forgets `path` (renamed into place or removed).
    package func forget(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Removes every recorded file and refuses new ones. Returns the paths removed.
    @discardableResult
    package func removeAll() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        stopping = true
        let removed = paths.sorted().filter { Syscalls.unlink($0) }
        paths.removeAll()
        return removed
    }
}
