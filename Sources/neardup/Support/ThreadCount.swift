import ArgumentParser
import Foundation

/// The rule of every `--threads` option: at least 1, all cores when not given.
enum ThreadCount {
    /// Refuses a count below 1.
    static func validate(_ threads: Int?) throws {
        guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// `threads`, or the number of cores.
    static func resolve(_ threads: Int?) -> Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }
}
