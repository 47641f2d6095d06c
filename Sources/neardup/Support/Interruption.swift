import Dispatch
import NearDup

/// SIGINT and SIGTERM: remove the temporary files of outputs not yet in place (dedup outputs,
/// `--output` files, an index being created), say so on standard error, and exit with
/// 128 + the signal number (130 and 143), as shells expect.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Takes over both signals for the rest of the process. Call once, before any work. A
    /// signal ignored when the process started stays ignored (as coreutils' sort does).
    static func install() {
        for (signal, name) in [(Syscalls.interruptSignal, "SIGINT"), (Syscalls.terminationSignal, "SIGTERM")] {
            if Syscalls.ignore(signal: signal) { continue }
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                let removed = TemporaryFiles.shared.removeAll()
                let note = removed.isEmpty ? "" : "; removed \(removed.count) unfinished output file(s)"
                StandardError.write("neardup: stopped by \(name)\(note)")
                Syscalls.exitImmediately(128 + signal)
            }
            source.resume()
            sources.append(source)
        }
    }
}
