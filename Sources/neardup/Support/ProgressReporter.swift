import Foundation

/// Progress of a long run on standard error: a line redrawn in place five times a second when
/// standard error is a terminal, nothing otherwise (logs stay clean), nothing with `--quiet`.
/// When the inputs' total size is known (regular files), the line starts with a bar and a
/// percentage.
/// Also measures what the closing summary needs: elapsed time and peak memory.
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private var documents = 0
    private var bytes = 0
    private var phase: String?
    private var stopped = false
    private let start = Date()
    private let drawing: Bool
    private let done = DispatchSemaphore(value: 0)
    private let totalBytes: Int?

    /// - Parameter inputs: the input paths; their total size sizes the bar when every one is
    ///   a regular file.
    init(quiet: Bool, inputs: [String] = []) {
        totalBytes = Self.totalSize(of: inputs)
        drawing = !quiet && StandardError.isTerminal(2)
        guard drawing else { return }
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                lock.lock()
                let finished = stopped
                let line = render()
                lock.unlock()
                if finished { break }
                Self.writeRaw("\r\u{1B}[2K" + line)
            }
            Self.writeRaw("\r\u{1B}[2K")
            done.signal()
        }
        thread.start()
    }

    /// Counts one document of `byteCount` bytes.
    func document(bytes byteCount: Int) {
        lock.lock()
        documents += 1
        bytes += byteCount
        lock.unlock()
    }

    /// Shows what the run is doing after reading (candidates, verification …).
    func phase(_ text: String) {
        lock.lock()
        phase = text
        lock.unlock()
    }

    /// Stops drawing and clears the progress line.
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

    private func render() -> String {
        let seconds = max(elapsed, 1e-3)
        let megabytes = Double(bytes) / 1e6
        var line = ""
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let filled = Int(fraction * 30)
            line = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: 30 - filled) + "] "
                + Self.format(fraction * 100, 0) + "% "
        }
        line += "\(documents) documents, \(Self.format(megabytes, 1)) MB, \(Self.format(megabytes / seconds, 1)) MB/s"
        if let phase { line += " — \(phase)" }
        return line
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
