#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an input (``InputBytes``: a file descriptor, gzip decompressed) line by line in large chunks, handing each line to a closure as a
/// buffer into its own storage (no copy, no allocation per line).
struct ByteLineReader {
    let source: InputBytes
    let maximumLineBytes: Int
    private var buffer: GrowableBuffer<UInt8>

    init(source: InputBytes, maximumLineBytes: Int, chunkSize: Int = 1 << 20) {
        self.source = source
        self.maximumLineBytes = maximumLineBytes
        buffer = GrowableBuffer(capacity: chunkSize)
    }

    func free() { buffer.free() }

    enum LineEvent {
        case line(UnsafeBufferPointer<UInt8>)
        /// A line longer than the limit; it was skipped. The value is its length so far.
        case tooLong(Int)
    }

    /// Calls `body(lineNumber, event)` for every line. Returns the error of a failed read
    /// (the lines before it were handed over).
    mutating func forEachLine(_ body: (Int, LineEvent) throws -> Void) throws -> NearDupError? {
        var filled = 0
        var lineNumber = 0
        var skippingLongLine = false
        var skippedLength = 0
        var eof = false
        while !eof {
            if filled == buffer.capacity {
                if filled > maximumLineBytes {
                    // The current line exceeds the limit: drop what we have and skip to its end.
                    skippingLongLine = true
                    skippedLength += filled
                    filled = 0
                } else {
                    buffer.grow(to: min(buffer.capacity * 2, maximumLineBytes + 1), keeping: filled)
                }
            }
            let got: Int
            do {
                got = try source.read(into: buffer.base + filled, count: buffer.capacity - filled)
            } catch {
                return error
            }
            if got == 0 { eof = true }
            let end = filled + got
            var lineStart = 0
            var i = filled
            while i < end {
                if let newline = memchr(buffer.base + i, 0x0A, end - i) {
                    let position = buffer.base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                    lineNumber += 1
                    if skippingLongLine {
                        try body(lineNumber, .tooLong(skippedLength + position - lineStart))
                        skippingLongLine = false
                        skippedLength = 0
                    } else {
                        try emit(lineNumber, start: lineStart, count: position - lineStart, body)
                    }
                    lineStart = position + 1
                    i = lineStart
                } else {
                    break
                }
            }
            // Keep the unfinished line at the front of the buffer.
            let rest = end - lineStart
            if lineStart > 0 && rest > 0 { memmove(buffer.base, buffer.base + lineStart, rest) }
            filled = rest
            if eof && (filled > 0 || skippingLongLine) {
                lineNumber += 1
                if skippingLongLine {
                    try body(lineNumber, .tooLong(skippedLength + filled))
                } else {
                    try emit(lineNumber, start: 0, count: filled, body)
                }
            }
        }
        return nil
    }

    private func emit(_ number: Int, start: Int, count: Int, _ body: (Int, LineEvent) throws -> Void) throws {
        if count > maximumLineBytes {
            try body(number, .tooLong(count))
        } else {
            try body(number, .line(UnsafeBufferPointer(start: buffer.base + start, count: count)))
        }
    }
}
