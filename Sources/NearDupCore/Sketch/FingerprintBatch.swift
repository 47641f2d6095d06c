/// The fingerprints of a batch of sketched documents, one document after another, in memory
/// the batch owns: the sketcher writes each document's distinct shingle hashes straight here
/// (``DocumentSketcher/sketch(utf8:sortingFingerprints:appendingTo:)``) instead of into its own
/// buffer and then copying them into the batch (about 5 KB a 600-word story).
///
/// Owned by one batch: written on its sketching thread, then read by the sink. Freed with the
/// batch.
package final class FingerprintBatch: @unchecked Sendable {
    private var storage: GrowableBuffer<UInt64>
    /// Fingerprints written so far.
    private(set) var count = 0

    /// Makes room for `capacity` fingerprints up front (more grow the buffer, amortised O(1)).
    init(capacity: Int) {
        storage = GrowableBuffer(capacity: capacity)
    }

    deinit { storage.free() }

    /// Room for `extra` more fingerprints after the ``count`` written: where to write them.
    /// Call ``commit(_:)`` with the number written.
    func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt64> {
        storage.reserve(count &+ extra, keeping: count)
        return storage.base + count
    }

    /// Counts `written` fingerprints written at the pointer ``reserve(_:)`` returned.
    func commit(_ written: Int) { count &+= written }

    /// The fingerprints written, in order.
    var buffer: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: storage.base, count: count) }
}
