import ArgumentParser
import Foundation

/// The rule of every `--threads` option: from 1 to ``maximum``, all cores when not given.
enum ThreadCount {
    /// The most threads a run starts: far more than any machine's cores, far fewer than would
    /// exhaust the system's threads (each has its own stack).
    static let maximum = 1024

    /// Refuses a count below 1 or above ``maximum``.
    static func validate(_ threads: Int?) throws {
        guard (1...maximum).contains(threads ?? 1) else { throw ValidationError("--threads must be from 1 to \(maximum)") }
    }

    /// `threads`, or the number of cores.
    static func resolve(_ threads: Int?) -> Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
