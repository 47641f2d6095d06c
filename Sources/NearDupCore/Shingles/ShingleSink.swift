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

/// Something that can hand out shingle hashes to a ``ShingleSink``: a text being shingled, or
/// hashes computed elsewhere. Lets one MinHash loop serve both.
protocol ShingleSource {
    func forEachShingle<Sink: ShingleSink>(into sink: inout Sink)
}

/// The shingles of UTF-8 text, produced by a ``ShingleEngine``.
struct TextShingles: ShingleSource {
    let engine: ShingleEngine
    let utf8: UnsafeBufferPointer<UInt8>

    @inline(__always)
    func forEachShingle<Sink: ShingleSink>(into sink: inout Sink) {
        engine.forEachShingle(in: utf8, into: &sink)
    }
}

/// Shingle hashes computed elsewhere.
struct SequenceShingles<Hashes: Sequence>: ShingleSource where Hashes.Element == UInt64 {
    let hashes: Hashes

    @inline(__always)
    func forEachShingle<Sink: ShingleSink>(into sink: inout Sink) {
        for hash in hashes { sink.shingle(hash) }
    }
}
