/// Receives shingle hashes from ``ShingleEngine``. Generic, like ``WordSink``, so that the
/// whole chain from bytes to MinHash bins is specialised and inlined into one loop.
protocol ShingleSink {
    mutating func shingle(_ hash: UInt64)
}

/// A ``ShingleSink`` that calls a closure (for code off the hot path, and observers).
struct ClosureShingleSink: ShingleSink {
    let body: (UInt64) -> Void

    @inline(__always)
    mutating func shingle(_ hash: UInt64) { body(hash) }
}

/// A ``ShingleSink`` that ignores everything.
struct IgnoringShingleSink: ShingleSink {
    @inline(__always)
    mutating func shingle(_ hash: UInt64) {}
}
