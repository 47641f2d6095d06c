/// Receives the words found by ``WordScanner``.
///
/// The scanner is generic over its sink, so each use is specialised and inlined: no closure
/// calls and no captured variables (which would cost a run-time exclusivity check on every
/// access) in the per-byte loop.
protocol WordSink {
    /// One word: its UTF-8 byte range in the text and its normalised form, valid only during
    /// the call.
    mutating func word(start: Int, end: Int, normalized: UnsafePointer<UInt8>, count: Int)
}

/// A ``WordSink`` that calls a closure (for code off the hot path).
struct ClosureWordSink: WordSink {
    let body: (_ start: Int, _ end: Int, _ normalized: UnsafePointer<UInt8>, _ count: Int) -> Void

    @inline(__always)
    mutating func word(start: Int, end: Int, normalized: UnsafePointer<UInt8>, count: Int) {
        body(start, end, normalized, count)
    }
}
