import Dispatch
import NearDup

/// SIGINT, SIGTERM, SIGHUP (the terminal closed) and SIGQUIT: remove the temporary files of
/// outputs not yet in place (dedup outputs, `--output` files, an index being created), say so
/// on standard error, and exit with 128 + the signal number (130, 143, 129, 131), as shells
/// expect. SIGQUIT is taken from the Swift runtime's backtracer, which printed "Program
/// crashed" for it and let the run carry on (issue 17, item 14).
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Takes over the four signals for the rest of the process. Call once, before any work. A
    /// signal ignored when the process started stays ignored (as coreutils' sort does).
    static func install() {
        let signals = [
            (Syscalls.interruptSignal, "SIGINT"), (Syscalls.terminationSignal, "SIGTERM"),
            (Syscalls.hangUpSignal, "SIGHUP"), (Syscalls.quitSignal, "SIGQUIT"),
        ]
        for (signal, name) in signals {
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
