import ArgumentParser

/// The rule for `-`: wherever a command reads a file, `-` reads standard input instead; since
/// standard input can be read only once, at most one `-` is read per invocation.
enum StandardInput {
    /// Refuses more than one `-` among the paths a command reads (`labels` name them in the
    /// message, e.g. `["--reference", "candidate"]`).
    static func checkReadOnce(_ paths: [String], labels: [String]? = nil) throws {
        let dashes = paths.indices.filter { paths[$0] == "-" }
        guard dashes.count > 1 else { return }
        var message = "standard input (-) can be read only once, but - is given \(dashes.count) times"
        if let labels {
            message += " (as " + dashes.map { labels[$0] }.joined(separator: " and ") + ")"
        }
        throw ValidationError(message)
    }
}
