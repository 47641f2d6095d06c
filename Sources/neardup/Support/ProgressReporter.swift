import Foundation
import NearDup

/// Progress of a long run on standard error, never on standard output: a line redrawn in place
/// five times a second when standard error is a terminal; with `--progress` and standard error
/// not a terminal (a log), a full line every 2 seconds and the last state when the run ends;
/// nothing otherwise, and nothing with `--quiet`.
///
/// When the size of the work is known — the total size of the inputs when every one is a
/// regular file (bytes read from them, compressed bytes for gzip), or the number of documents to
/// generate — the line starts with a bar, a percentage and an estimate of the time left. The bar
/// is full only at 100 %, and 100 % is shown only when all is done. Standard input and pipes
/// have no known size: no bar, no estimate.
/// Also measures what the closing summary needs: elapsed time and peak memory.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var documents = 0
    private var bytes = 0
    private var phase: String?
    private var stopped = false
    private let start = Date()
    private var drawing: Bool
    private let quiet: Bool
    /// Redrawn in place (a terminal) rather than written as lines (a log, `--progress`).
    private let inPlace: Bool
    private let done = DispatchSemaphore(value: 0)
    private let totalBytes: Int?
    private let totalDocuments: Int?

    /// - Parameters:
    ///   - inputs: the input paths; their total size sizes the bar when every one is a regular file.
    ///   - totalDocuments: the number of documents the run will count, when known in advance
    ///     (`generate`); it sizes the bar instead of the inputs.
    init(_ options: ProgressOptions, inputs: [String] = [], totalDocuments: Int? = nil) {
        quiet = options.quiet
        totalBytes = totalDocuments == nil ? Self.totalSize(of: inputs) : nil
        self.totalDocuments = totalDocuments
        inPlace = StandardError.isTerminal(2)
        drawing = !options.quiet && (inPlace || options.progress)
        guard drawing else { return }
        let interval = inPlace ? 0.2 : 2.0
        let draw: @Sendable () -> Void = { [self] in
            var last = Date()
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                lock.lock()
                let finished = stopped
                let due = Date().timeIntervalSince(last) >= interval
                let line = finished || due ? render() : ""
                lock.unlock()
                if finished {
                    Self.writeRaw(inPlace ? "\r\u{1B}[2K" : line + "\n")
                    break
                }
                if due {
                    last = Date()
                    Self.writeRaw(inPlace ? "\r\u{1B}[2K" + line : line + "\n")
                }
            }
            done.signal()
        }
        // No thread, no progress line (the system's limit of threads): the run goes on without.
        do { try Syscalls.startThread(context: "progress", draw) } catch { drawing = false }
    }

    /// Counts one document.
    func document() {
        lock.lock()
        documents += 1
        lock.unlock()
    }

    /// Counts bytes read from the inputs (or written, for `generate`).
    func read(bytes count: Int) {
        lock.lock()
        bytes += count
        lock.unlock()
    }

    /// Shows what the run is doing after reading (candidates, verification …).
    func phase(_ text: String) {
        lock.lock()
        phase = text
        lock.unlock()
    }

    /// Stops drawing: clears the progress line on a terminal, writes the last state as a line
    /// in a log.
    func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        if drawing && !wasStopped { done.wait() }
    }

    /// Seconds since the reporter was made.
    var elapsed: Double { Date().timeIntervalSince(start) }

    /// Documents and bytes counted.
    var totals: (documents: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (documents, bytes)
    }

    /// Writes the closing summary, `neardup: `, `text` and the peak memory, unless quiet (then
    /// `text` is not even built: it may stat files or count tables). Call after ``stop()``.
    func summary(_ text: @autoclosure () -> String) {
        guard !quiet else { return }
        let memory = Self.peakMemoryText()
        StandardError.write("neardup: " + text() + (memory.isEmpty ? "" : "; " + memory))
    }

    /// "N documents, X MB in S s (R MB/s)": the start of every summary. `documentsNote` follows
    /// the document count, `verb` comes before "in" (`generate`: " (P planted …)", "written").
    func throughputText(documentsNote: String = "", verb: String = "") -> String {
        let (documents, bytes) = totals
        let seconds = max(elapsed, 1e-3)
        let megabytes = Double(bytes) / 1e6
        return "\(documents) documents\(documentsNote), \(Self.format(megabytes, 1)) MB \(verb.isEmpty ? "" : verb + " ")in "
            + "\(Self.format(seconds, 2)) s (\(Self.format(megabytes / seconds, 1)) MB/s)"
    }

    /// The progress line (callers hold the lock).
    private func render() -> String {
        let seconds = max(elapsed, 1e-3)
        var line = ""
        var fraction: Double?
        if let totalDocuments, totalDocuments > 0 {
            fraction = Double(documents) / Double(totalDocuments)
        } else if let totalBytes, totalBytes > 0 {
            fraction = Double(bytes) / Double(totalBytes)
        }
        if let fraction {
            line = Self.bar(fraction) + " "
            if let eta = Self.remaining(fraction: fraction, elapsed: seconds) { line += "ETA \(eta), " }
        }
        let megabytes = Double(bytes) / 1e6
        line += "\(documents) documents, \(Self.format(megabytes, 1)) MB, \(Self.format(megabytes / seconds, 1)) MB/s"
        if let phase { line += " — \(phase)" }
        return line
    }

    /// `[######------] 42%`: 30 cells, a cell filled for each whole 1/30 done, the percentage
    /// rounded down, so that a full bar and 100 % both mean done.
    static func bar(_ fraction: Double, width: Int = 30) -> String {
        let clamped = min(1, max(0, fraction))
        let filled = min(width, Int((clamped * Double(width)).rounded(.down)))
        let percent = min(100, Int((clamped * 100).rounded(.down)))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] \(percent)%"
    }

    /// Time left at the rate so far, as `1h02m`, `3m05s` or `42s`; nil before any progress
    /// and once done.
    static func remaining(fraction: Double, elapsed: Double) -> String? {
        guard fraction > 0, fraction < 1 else { return nil }
        let left = Int((elapsed * (1 - fraction) / fraction).rounded(.up))
        if left >= 3600 { return "\(left / 3600)h" + String(format: "%02dm", (left % 3600) / 60) }
        if left >= 60 { return "\(left / 60)m" + String(format: "%02ds", left % 60) }
        return "\(left)s"
    }

    /// The summed size of `paths` when all are regular files, else nil.
    static func totalSize(of paths: [String]) -> Int? {
        guard !paths.isEmpty else { return nil }
        var total = 0
        for path in paths {
            guard path != "-",
                let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let size = attributes[.size] as? Int
            else { return nil }
            total += size
        }
        return total
    }

    /// Writes to standard error without a newline (the progress line is redrawn in place).
    private static func writeRaw(_ text: String) { StandardError.writeRaw(text) }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// The process's peak resident memory in bytes (VmHWM of /proc/self/status), if known.
    static func peakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            if let kilobytes = Int(digits) { return kilobytes * 1024 }
        }
        return nil
    }

    /// "peak memory 181 MB", or an empty string where unknown.
    static func peakMemoryText() -> String {
        guard let peak = peakMemory() else { return "" }
        return "peak memory \(format(Double(peak) / 1e6, 0)) MB"
    }
}
