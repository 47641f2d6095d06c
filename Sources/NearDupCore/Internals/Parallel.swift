import Dispatch

/// Runs `body(chunk)` for `chunks` chunks on up to `threads` threads and returns when all are
/// done. Callers write each chunk's results to its own slots, so the outcome does not depend on
/// the number of threads or on scheduling.
package func parallelChunks(_ chunks: Int, threads: Int, _ body: (Int) -> Void) {
    guard chunks > 0 else { return }
    if threads <= 1 || chunks == 1 {
        for chunk in 0..<chunks { body(chunk) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let box = UnsafeSendableBox(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { box.value($0) }
    }
}

/// Splits `0..<count` into ranges of about `count / (chunksPerThread × threads)` elements (at
/// least `minimumChunk`) and runs `body(range)` for each in parallel. More chunks a thread even
/// out items of uneven cost (the last chunk ends the run alone).
package func parallelRanges(
    _ count: Int, threads: Int, minimumChunk: Int = 256, chunksPerThread: Int = 4, _ body: (Range<Int>) -> Void
) {
    guard count > 0 else { return }
    let parts = max(1, chunksPerThread) * max(threads, 1)
    let chunk = max(minimumChunk, (count + parts - 1) / parts)
    let chunks = (count + chunk - 1) / chunk
    parallelChunks(chunks, threads: threads) { i in
        body((i * chunk)..<min(count, (i + 1) * chunk))
    }
}

/// Carries a non-`Sendable` value into concurrent code whose safety the caller guarantees.
package struct UnsafeSendableBox<T>: @unchecked Sendable {
    @usableFromInline package let value: T
    @inlinable package init(_ value: T) { self.value = value }
}
