/// The in-memory banding index behind ``Deduplicator``: documents in slots, each with its id,
/// compact signature and (optionally) sorted shingle fingerprints; per band, a hash table from
/// band key to the newest slot with that key, and per slot and band a link to the next older
/// one. Not thread-safe (``Deduplicator`` wraps it in a lock).
///
/// Slot data lives either in a read-only region (a memory-mapped index file: nothing copied at
/// load) or in the index's own growable arena (documents inserted since).
///
/// Memory per document: `4·b` bytes of links, about `20·b` bytes of hash tables, the id, and,
/// for inserted documents, `4·k` bytes of signature plus 8 bytes per shingle.
struct LSHIndex {
    let configuration: MinHashConfiguration
    let lsh: LSHParameters
    let storesFingerprints: Bool

    /// Slot data: ids (nil once removed), signature and fingerprint locations.
    private(set) var ids: [String?] = []
    private var slotOfID: [String: Int32] = [:]
    private var setSizes: [UInt32] = []
    private var fingerprintCounts: [UInt32] = []
    /// Where slot data starts: bit 63 set for the arena, clear for the mapped region; the
    /// rest is an offset in 32-bit words. Data is the signature (padded to
    /// ``CompactSignature/storedBytes(k:)``), then the 64-bit fingerprints.
    private var locations: [UInt64] = []
    private var arena: [UInt32] = []
    private let mapped: UnsafePointer<UInt32>?
    private var heads: [[UInt64: Int32]]
    private var links: [Int32] = []
    /// Number of live documents.
    private(set) var count = 0

    init(configuration: MinHashConfiguration, lsh: LSHParameters, storesFingerprints: Bool, mapped: UnsafePointer<UInt32>? = nil) {
        precondition(lsh.usedPermutations <= configuration.permutations, "bands × rows exceeds k")
        self.configuration = configuration
        self.lsh = lsh
        self.storesFingerprints = storesFingerprints
        self.mapped = mapped
        heads = Array(repeating: [:], count: lsh.bands)
    }

    private static let arenaFlag: UInt64 = 1 << 63

    /// The data (signature, then fingerprints) of a slot.
    @inline(__always)
    func withData<R>(_ slot: Int, _ body: (UnsafePointer<UInt32>) throws -> R) rethrows -> R {
        let location = locations[slot]
        if location & Self.arenaFlag != 0 {
            return try arena.withUnsafeBufferPointer { try body($0.baseAddress! + Int(location & ~Self.arenaFlag)) }
        }
        return try body(mapped! + Int(location))
    }

    func slot(of id: String) -> Int? { slotOfID[id].map(Int.init) }

    /// Adds a document whose signature and fingerprints are at word `offset` of the mapped
    /// region (an index file being loaded), replacing a document with the same id.
    mutating func insertMapped(id: String, setSize: Int, fingerprintCount: Int, wordOffset: Int) {
        appendSlot(id: id, setSize: setSize, fingerprintCount: fingerprintCount, location: UInt64(wordOffset))
    }

    /// Adds a document, copying its data into the arena; replaces a document with the same id.
    ///
    /// - Complexity: O(k + fingerprints + b), amortised.
    mutating func insert(id: String, _ sketch: DocumentSketch) {
        let setSize = sketch.setSize, signature = sketch.compact, fingerprints = sketch.fingerprints
        let location = UInt64(arena.count) | Self.arenaFlag
        arena.append(contentsOf: signature)
        arena.append(contentsOf: repeatElement(0, count: signatureWords - signature.count))
        if storesFingerprints {
            arena.reserveCapacity(arena.count + 2 * fingerprints.count)
            for i in 0..<fingerprints.count {  // little-endian halves, as in the file
                let value = fingerprints[i]
                arena.append(UInt32(truncatingIfNeeded: value))
                arena.append(UInt32(truncatingIfNeeded: value >> 32))
            }
        }
        appendSlot(id: id, setSize: setSize, fingerprintCount: storesFingerprints ? fingerprints.count : 0, location: location)
    }

    private mutating func appendSlot(id: String, setSize: Int, fingerprintCount: Int, location: UInt64) {
        _ = remove(id: id)
        let slot = ids.count
        precondition(slot < Int(Int32.max), "index full")
        ids.append(id)
        slotOfID[id] = Int32(slot)
        setSizes.append(UInt32(clamping: setSize))
        fingerprintCounts.append(UInt32(fingerprintCount))
        locations.append(location)
        links.append(contentsOf: repeatElement(-1, count: lsh.bands))
        count += 1
        guard setSize > 0 else { return }  // an empty document is nobody's candidate
        let keys = bandKeys(of: slot)
        for band in 0..<lsh.bands {
            if let head = heads[band][keys[band]] { links[slot * lsh.bands + band] = head }
            heads[band][keys[band]] = Int32(slot)
        }
    }

    private func bandKeys(of slot: Int) -> [UInt64] {
        withData(slot) { data in
            [UInt64](unsafeUninitializedCapacity: lsh.bands) { buffer, initialized in
                lsh.writeBandKeys(of: data, seed: configuration.seed, into: buffer.baseAddress!)
                initialized = lsh.bands
            }
        }
    }

    /// Removes the document with `id`; returns whether there was one.
    ///
    /// - Complexity: O(b · documents sharing its band keys).
    @discardableResult
    mutating func remove(id: String) -> Bool {
        guard let slot32 = slotOfID.removeValue(forKey: id) else { return false }
        let slot = Int(slot32)
        if setSizes[slot] > 0 {
            let keys = bandKeys(of: slot)
            for band in 0..<lsh.bands {
                let next = links[slot * lsh.bands + band]
                var current = heads[band][keys[band]] ?? -1
                if current == slot32 {
                    heads[band][keys[band]] = next >= 0 ? next : nil
                } else {
                    while current >= 0 {
                        let link = Int(current) * lsh.bands + band
                        if links[link] == slot32 {
                            links[link] = next
                            break
                        }
                        current = links[link]
                    }
                }
            }
        }
        ids[slot] = nil
        count -= 1
        return true
    }

    /// The live slots that share at least one band with `bandKeys`, ascending.
    ///
    /// - Complexity: O(b + candidates log candidates).
    func candidates(bandKeys: UnsafeBufferPointer<UInt64>) -> [Int] {
        var found: [Int] = []
        for band in 0..<lsh.bands {
            var current = heads[band][bandKeys[band]] ?? -1
            while current >= 0 {
                found.append(Int(current))
                current = links[Int(current) * lsh.bands + band]
            }
        }
        found.sortAndRemoveRepeats()
        return found
    }

    /// The estimate and (when fingerprints are stored and given) exact Jaccard between a slot
    /// and a query.
    func similarity(
        of slot: Int, signature: UnsafeBufferPointer<UInt32>, fingerprints: ShingleFingerprints.Run?
    ) -> (estimate: Double, jaccard: Double?) {
        let k = configuration.permutations
        let fingerprintCount = Int(fingerprintCounts[slot])
        return withData(slot) { data in
            let estimate = setSizes[slot] == 0 ? 0 : CompactSignature.estimate(data, signature.baseAddress!, count: k)
            guard storesFingerprints, let fingerprints else { return (estimate, nil) }
            let stored = ShingleFingerprints.Run(data + signatureWords, count: fingerprintCount)
            return (estimate, ShingleFingerprints.jaccard(stored, fingerprints))
        }
    }

    /// 32-bit words of a slot's signature, padding included.
    private var signatureWords: Int { CompactSignature.storedBytes(k: configuration.permutations) / 4 }

    /// Calls `body` with the document in `slot`, if it is live.
    func forEachDocument(
        inSlot slot: Int,
        _ body: (_ id: String, _ sketch: DocumentSketch) throws -> Void
    ) rethrows {
        guard let id = ids[slot] else { return }
        let k = configuration.permutations
        let fingerprintCount = Int(fingerprintCounts[slot])
        try withData(slot) { data in
            try body(id, DocumentSketch(
                setSize: Int(setSizes[slot]), compact: UnsafeBufferPointer(start: data, count: k),
                fingerprints: ShingleFingerprints.Run(data + signatureWords, count: fingerprintCount)))
        }
    }

    /// Calls `body` for each live document in slot order.
    func forEachDocument(
        _ body: (_ id: String, _ sketch: DocumentSketch) throws -> Void
    ) rethrows {
        for slot in ids.indices { try forEachDocument(inSlot: slot, body) }
    }
}
