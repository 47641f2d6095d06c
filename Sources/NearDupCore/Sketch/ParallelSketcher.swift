import Foundation

/// The streaming front of the pipeline: documents arrive on one thread, are sketched
/// (``DocumentSketcher``) in batches on `threads` threads, and reach `sink` in input order,
/// one batch at a time, on the adding thread (in ``add(id:text:record:)`` and ``finish()``).
/// Texts are dropped once sketched.
///
/// The sink runs on the adding thread, not on the sketching threads: its work (the dedup
/// pipeline's scratch-file writes, a kernel copy of every fingerprint, and its tables) then
/// overlaps the sketching instead of adding to it. The adding thread mostly waits for the
/// sketching threads anyway (reading JSONL is several times faster than sketching it), so
/// with one sketching thread the sink's work leaves the critical path.
///
/// Memory is bounded whatever the input: at most ``window`` batches (the queue's capacity plus
/// one per thread) are between the reader and the sink at any time, queued, being sketched or
/// waiting in the reorder buffer for an earlier batch. When one document is slow, the reader
/// waits instead of the reorder buffer growing.
///
/// Call ``add(id:text:record:)`` from one thread and ``finish()`` once.
package final class ParallelSketcher: @unchecked Sendable {
    /// A batch of documents handed from the reader to a sketching thread.
    package struct Batch: @unchecked Sendable {
        var sequence: Int
        package var ids: [String] = []
        var texts: [String] = []
        package var records: [[UInt8]?] = []
        /// Per document, its signature when it came without text (the text is then empty).
        var signatures: [Signature?] = []
        var bytes = 0
    }

    /// A batch's sketches, flat: `k` signature values, `b` band keys, and the fingerprints of
    /// each document in turn (sorted and unique when the sketcher sorts them).
    package struct SketchedBatch: @unchecked Sendable {
        package var batch: Batch
        var compact: [UInt32] = []
        package var bandKeys: [UInt64] = []
        var setSizes: [Int] = []
        package var contentKeys: [UInt64] = []
        var fingerprints = FingerprintBatch(capacity: 0)
        var fingerprintCounts: [Int] = []

        var count: Int { batch.ids.count }

        /// Calls `body(i, sketch)` for each document of the batch in order, `k` values a
        /// compact signature.
        package func forEachSketch(k: Int, _ body: (Int, DocumentSketch) throws -> Void) rethrows {
            var fingerprintStart = 0
            let fingerprints = self.fingerprints.buffer
            try compact.withUnsafeBufferPointer { compact in
                for i in 0..<count {
                    let n = fingerprintCounts[i]
                    try body(i, DocumentSketch(
                        setSize: setSizes[i], compact: UnsafeBufferPointer(rebasing: compact[(i * k)..<((i + 1) * k)]),
                        fingerprints: .init(UnsafeBufferPointer(rebasing: fingerprints[fingerprintStart..<(fingerprintStart + n)]))))
                    fingerprintStart += n
                }
            }
        }
    }

    let hasher: MinHasher
    let lsh: LSHParameters
    private let keepsFingerprints: Bool
    private let sortsFingerprints: Bool
    private let keepsRecords: Bool
    private let sink: (SketchedBatch) throws -> Void
    private let queue: BoundedQueue<Batch>
    private let workers = DispatchGroup()
    private let lock = NSCondition()
    /// Most batches submitted and not yet sunk: the queue's capacity plus one per thread.
    let window: Int
    /// Called on a sketching thread with each batch before it is sketched (tests slow one down).
    private let beforeSketching: (@Sendable (Batch) -> Void)?
    // Under `lock`.
    private var pending: [Int: SketchedBatch] = [:]
    /// The most batches the reorder buffer has held at once.
    private(set) var pendingHighWaterMark = 0
    private var cancelled = false
    // The adding thread's state (the sink runs there).
    private var nextToSink = 0
    /// The first error of `sink`; no batch is sunk after it.
    private var failure: Error?
    // The adding thread's state.
    private var batch = Batch(sequence: 0)
    private var nextBatch = 0
    private var finished = false

    package init(
        hasher: MinHasher, lsh: LSHParameters, keepsFingerprints: Bool, sortsFingerprints: Bool,
        keepsRecords: Bool, threads: Int, beforeSketching: (@Sendable (Batch) -> Void)? = nil,
        sink: @escaping (SketchedBatch) throws -> Void
    ) throws {
        self.hasher = hasher
        self.lsh = lsh
        self.keepsFingerprints = keepsFingerprints
        self.sortsFingerprints = sortsFingerprints
        self.keepsRecords = keepsRecords
        self.sink = sink
        queue = BoundedQueue(capacity: 2 * threads)
        window = 2 * threads + threads
        self.beforeSketching = beforeSketching
        for started in 0..<threads {
            workers.enter()
            do {
                try Syscalls.startThread(context: "cannot start sketching thread \(started + 1) of \(threads)") { [self] in
                    work()
                    workers.leave()
                }
            } catch {
                // Never wait for a thread that was not made: stop those that were, and say why.
                workers.leave()
                cancel()
                throw NearDupError(
                    error.code, error.message + " (the system's limit of threads or processes, ulimit -u, is reached: give fewer --threads)",
                    systemErrorNumber: error.systemErrorNumber)
            }
        }
    }

    /// Queues a document; hands a full batch (256 documents or 512 KB) to the threads, after
    /// sinking the batches they have finished.
    ///
    /// - Throws: the first error of `sink`.
    /// - Complexity: amortised O(1) on the calling thread, plus the sink's work.
    package func add(id: String, text: String, record: [UInt8]?) throws {
        try add(id: id, text: text, signature: nil, record: record)
    }

    /// Queues a document known only by its signature (sketched without fingerprints).
    package func add(id: String, signature: Signature, record: [UInt8]?) throws {
        try add(id: id, text: "", signature: signature, record: record)
    }

    private func add(id: String, text: String, signature: Signature?, record: [UInt8]?) throws {
        precondition(!finished, "add after finish")
        batch.ids.append(id)
        batch.texts.append(text)
        batch.signatures.append(signature)
        batch.records.append(keepsRecords ? record : nil)
        batch.bytes += text.utf8.count + 8 * (signature?.values.count ?? 0)
        if batch.ids.count >= 256 || batch.bytes >= 512 << 10 { try submit() }
    }

    /// Waits until every document has reached the sink.
    ///
    /// - Throws: the first error of `sink`.
    package func finish() throws {
        precondition(!finished, "finish called twice")
        try submit()
        finished = true
        queue.close()
        defer { workers.wait() }
        while nextToSink < nextBatch && failure == nil { sinkNext(waiting: true) }
        if let failure { throw failure }
    }

    /// Stops the threads without sinking what is still queued: for an owner that goes away
    /// without calling ``finish()`` (an error ended its run). Does nothing after ``finish()``.
    package func cancel() {
        guard !finished else { return }
        finished = true
        lock.lock()
        cancelled = true
        lock.broadcast()
        lock.unlock()
        queue.close()
        workers.wait()
    }

    /// The most batches the reorder buffer has held at once (at most ``window``: every batch
    /// submitted and not yet sunk, while the adding thread is busy reading).
    var reorderHighWaterMark: Int {
        lock.lock()
        defer { lock.unlock() }
        return pendingHighWaterMark
    }

    private func submit() throws {
        guard !batch.ids.isEmpty else { return }
        // Sink what is ready, then wait (sinking) until fewer than `window` batches are
        // between here and the sink.
        while failure == nil && nextToSink < nextBatch && sinkNext(waiting: nextBatch - nextToSink >= window) {}
        if let failure { throw failure }
        queue.push(batch)
        nextBatch += 1
        batch = Batch(sequence: nextBatch)
    }

    private func work() {
        let sketcher = DocumentSketcher(hasher: hasher, lsh: lsh, keepsFingerprints: keepsFingerprints)
        while let batch = queue.pop() {
            if isCancelled { continue }
            beforeSketching?(batch)
            var out = SketchedBatch(batch: batch)
            let n = batch.texts.count
            out.compact.reserveCapacity(n * hasher.configuration.permutations)
            out.bandKeys.reserveCapacity(n * lsh.bands)
            out.setSizes.reserveCapacity(n)
            out.fingerprintCounts.reserveCapacity(n)
            out.contentKeys.reserveCapacity(n)
            // A document of b bytes has at most about b / 2 words, hence shingles; prose has
            // about one shingle per 5–6 bytes. Reserving b / 4 up front saves the ten or so
            // doublings (each a reallocation and a copy) of a batch's fingerprint buffer; a
            // batch that needs more still grows as usual. The sketcher writes each document's
            // fingerprints straight into it.
            if keepsFingerprints { out.fingerprints = FingerprintBatch(capacity: batch.bytes / 4) }
            for (text, signature) in zip(batch.texts, batch.signatures) {
                if let signature {
                    sketcher.sketch(signature: signature)
                } else {
                    sketcher.sketch(text, sortingFingerprints: sortsFingerprints, appendingTo: out.fingerprints)
                }
                out.compact.append(contentsOf: sketcher.compact)
                out.bandKeys.append(contentsOf: sketcher.bandKeys)
                out.setSizes.append(sketcher.setSize)
                out.contentKeys.append(sketcher.contentKey)
                out.fingerprintCounts.append(sketcher.fingerprintCount)
            }
            out.batch.texts = []
            out.batch.signatures = []
            deliver(out)
        }
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    private func deliver(_ sketched: SketchedBatch) {
        lock.lock()
        defer { lock.unlock() }
        pending[sketched.batch.sequence] = sketched
        pendingHighWaterMark = max(pendingHighWaterMark, pending.count)
        lock.broadcast()
    }

    /// On the adding thread: hands the next batch in input order to the sink, if it has been
    /// sketched; with `waiting`, waits for it first. Returns whether a batch was sunk. A sink
    /// error is kept in `failure` (and no later batch is sunk).
    @discardableResult
    private func sinkNext(waiting: Bool) -> Bool {
        lock.lock()
        var next = pending.removeValue(forKey: nextToSink)
        while next == nil && waiting && !cancelled {
            lock.wait()
            next = pending.removeValue(forKey: nextToSink)
        }
        lock.unlock()
        guard let next else { return false }
        nextToSink += 1
        do { try sink(next) } catch { failure = error }
        return true
    }
}
