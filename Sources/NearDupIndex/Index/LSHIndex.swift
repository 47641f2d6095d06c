import NearDupCore
import Foundation

/// The in-memory banding index behind ``NearDuplicateIndex``: documents in slots, each with its id,
/// and documents with identical sketches (set size, compact signature and fingerprints: exact
/// copies) gathered in one *group*, which alone is banded and verified. Per band, a hash table
/// from band key to the newest group with that key, and per group and band a link to the next
/// older one (``BandTable``). Not thread-safe (``NearDuplicateIndex`` wraps it in a lock).
///
/// Groups apply to the index what a dedup run does with exact copies: m copies of one story
/// are one entry in each band's bucket, so a query that matches them compares once and lists
/// the m members, instead of comparing m times. The index checks a copy byte for byte against
/// its group's data before it joins (a dedup run trusts a 64-bit content key instead, because
/// its documents' data are in a scratch file), so grouping never changes an answer.
///
/// Group data lives either in a read-only region (a memory-mapped index file: nothing copied
/// at load) or in the index's own growable arena (documents inserted since); a copy inserted
/// into a group stores no data of its own.
///
/// Memory per document: the id, its id table entry and 12 bytes of slot links; per group,
/// `4·b` bytes of band links, about `20·b` bytes of hash tables and about 45 bytes of
/// bookkeeping and key table, and, for inserted groups, `4·k` bytes of signature plus 8 bytes
/// per shingle.
struct LSHIndex {
    let configuration: MinHashConfiguration
    let lsh: LSHParameters
    let storesFingerprints: Bool

    // Per slot (document), in insertion order; slots are never reused.
    /// Ids (nil once removed).
    private(set) var ids: [String?] = []
    private var slotOfID: [String: Int32] = [:]
    private var groupOfSlot: [Int32] = []
    /// The group's members as a doubly linked list in ascending slot order (-1 ends it).
    private var nextMember: [Int32] = []
    private var previousMember: [Int32] = []

    // Per group.
    private var setSizes: [UInt32] = []
    private var fingerprintCounts: [UInt32] = []
    /// Where group data starts: bit 63 set for the arena, clear for the mapped region; the
    /// rest is an offset in 32-bit words. Data is the signature (padded to
    /// ``CompactSignature/storedBytes(k:)``), then the 64-bit fingerprints.
    private var locations: [UInt64] = []
    /// First and last live member (-1: the group is empty and unlinked from the bands).
    private var firstMember: [Int32] = []
    private var lastMember: [Int32] = []
    /// The live groups by ``dataKey(setSize:compact:fingerprintCount:)``, in a one-band table:
    /// documents that differ in a shingle or two often have equal signatures, hence equal keys.
    private var groupsByKey = BandTable(bands: 1)

    private var arena: [UInt32] = []
    private let mapped: UnsafePointer<UInt32>?
    private var buckets: BandTable
    /// Number of live documents.
    private(set) var count = 0
    /// Number of live groups (distinct sketches).
    private(set) var groupCount = 0

    init(configuration: MinHashConfiguration, lsh: LSHParameters, storesFingerprints: Bool, mapped: UnsafePointer<UInt32>? = nil) {
        precondition(lsh.usedPermutations <= configuration.permutations, "bands × rows exceeds k")
        self.configuration = configuration
        self.lsh = lsh
        self.storesFingerprints = storesFingerprints
        self.mapped = mapped
        buckets = BandTable(bands: lsh.bands)
    }

    private static let arenaFlag: UInt64 = 1 << 63

    /// The data (signature, then fingerprints) of a group.
    @inline(__always)
    private func withData<R>(ofGroup group: Int, _ body: (UnsafePointer<UInt32>) throws -> R) rethrows -> R {
        let location = locations[group]
        if location & Self.arenaFlag != 0 {
            return try arena.withUnsafeBufferPointer { try body($0.baseAddress! + Int(location & ~Self.arenaFlag)) }
        }
        return try body(mapped! + Int(location))
    }

    /// The sketch of a group (valid during `body`).
    @inline(__always)
    private func withSketch<R>(ofGroup group: Int, _ body: (DocumentSketch) throws -> R) rethrows -> R {
        let k = configuration.permutations, fingerprintCount = Int(fingerprintCounts[group])
        return try withData(ofGroup: group) { data in
            try body(DocumentSketch(
                setSize: Int(setSizes[group]), compact: UnsafeBufferPointer(start: data, count: k),
                fingerprints: ShingleFingerprints.Run(data + signatureWords, count: fingerprintCount)))
        }
    }

    func slot(of id: String) -> Int? { slotOfID[id].map(Int.init) }

    /// Adds a document whose signature and fingerprints are at word `offset` of the mapped
    /// region (an index file being loaded), replacing a document with the same id.
    ///
    /// - Complexity: O(k + fingerprints) to find its group, plus O(b) for a new group.
    mutating func insertMapped(id: String, setSize: Int, fingerprintCount: Int, wordOffset: Int) {
        let data = mapped! + wordOffset
        let sketch = DocumentSketch(
            setSize: setSize, compact: UnsafeBufferPointer(start: data, count: configuration.permutations),
            fingerprints: ShingleFingerprints.Run(data + signatureWords, count: fingerprintCount))
        insert(id: id, sketch) { _ in UInt64(wordOffset) }
    }

    /// Adds a document, copying its data into the arena unless it joins a group; replaces a
    /// document with the same id.
    ///
    /// - Complexity: O(k + fingerprints), plus O(b) for a new group; amortised.
    mutating func insert(id: String, _ sketch: DocumentSketch) {
        insert(id: id, sketch) { index in
            let signature = sketch.compact, fingerprints = sketch.fingerprints
            let location = UInt64(index.arena.count) | Self.arenaFlag
            index.arena.append(contentsOf: signature)
            index.arena.append(contentsOf: repeatElement(0, count: index.signatureWords - signature.count))
            if index.storesFingerprints {
                index.arena.reserveCapacity(index.arena.count + 2 * fingerprints.count)
                for i in 0..<fingerprints.count {  // little-endian halves, as in the file
                    let value = fingerprints[i]
                    index.arena.append(UInt32(truncatingIfNeeded: value))
                    index.arena.append(UInt32(truncatingIfNeeded: value >> 32))
                }
            }
            return location
        }
    }

    /// Adds a slot for `id` to the group of documents with `sketch`'s data, or to a new group
    /// whose data `store` places (and returns the location of).
    private mutating func insert(id: String, _ sketch: DocumentSketch, store: (inout LSHIndex) -> UInt64) {
        _ = remove(id: id)
        let slot = ids.count
        precondition(slot < Int(Int32.max), "index full")
        let fingerprints = storesFingerprints ? sketch.fingerprints : ShingleFingerprints.Run(nil, count: 0)
        let key = Self.dataKey(setSize: sketch.setSize, compact: sketch.compact, fingerprintCount: fingerprints.count)
        var group = groupsByKey.firstEntry(band: 0, key: key) { hasData(ofGroup: $0, equalTo: sketch, fingerprints: fingerprints) } ?? -1
        if group < 0 {
            group = setSizes.count
            precondition(group < Int(Int32.max), "index full")
            setSizes.append(UInt32(clamping: sketch.setSize))
            fingerprintCounts.append(UInt32(fingerprints.count))
            let location = store(&self)
            locations.append(location)
            firstMember.append(-1)
            lastMember.append(-1)
            buckets.makeEntry(group)
            groupsByKey.makeEntry(group)
            groupsByKey.link(group) { _ in key }
            groupCount += 1
            if sketch.setSize > 0 {  // an empty document is nobody's candidate
                let keys = bandKeys(ofGroup: group)
                buckets.link(group) { keys[$0] }
            }
        }
        ids.append(id)
        slotOfID[id] = Int32(slot)
        groupOfSlot.append(Int32(group))
        let last = lastMember[group]
        previousMember.append(last)
        nextMember.append(-1)
        if last >= 0 { nextMember[Int(last)] = Int32(slot) } else { firstMember[group] = Int32(slot) }
        lastMember[group] = Int32(slot)
        count += 1
    }

    /// The key groups are found by: XXH3 of the compact signature, with the set size and the
    /// number of fingerprints. Equal data give equal keys; a group is joined only after its
    /// data, fingerprints included, are compared in full.
    ///
    /// - Complexity: O(k).
    private static func dataKey(setSize: Int, compact: UnsafeBufferPointer<UInt32>, fingerprintCount: Int) -> UInt64 {
        CBoundary.xxh3(
            compact.baseAddress!, 4 * compact.count,
            seed: UInt64(UInt32(clamping: setSize)) | UInt64(UInt32(clamping: fingerprintCount)) << 32)
    }

    /// Whether a group's data are `sketch`'s: set size, compact signature and fingerprints.
    private func hasData(ofGroup group: Int, equalTo sketch: DocumentSketch, fingerprints: ShingleFingerprints.Run) -> Bool {
        guard firstMember[group] >= 0, setSizes[group] == UInt32(clamping: sketch.setSize),
            Int(fingerprintCounts[group]) == fingerprints.count
        else { return false }
        return withSketch(ofGroup: group) { stored in
            memcmp(stored.compact.baseAddress!, sketch.compact.baseAddress!, 4 * sketch.compact.count) == 0
                && (fingerprints.count == 0 || memcmp(stored.fingerprints.base!, fingerprints.base!, 8 * fingerprints.count) == 0)
        }
    }

    private func bandKeys(ofGroup group: Int) -> [UInt64] {
        withData(ofGroup: group) { data in
            [UInt64](unsafeUninitializedCapacity: lsh.bands) { buffer, initialized in
                lsh.writeBandKeys(of: data, seed: configuration.seed, into: buffer.baseAddress!)
                initialized = lsh.bands
            }
        }
    }

    /// Removes the document with `id`; returns whether there was one.
    ///
    /// - Complexity: O(1) for a member of a group with others; for the last member,
    ///   O(k + fingerprints + b · groups sharing its band keys).
    @discardableResult
    mutating func remove(id: String) -> Bool {
        guard let slot32 = slotOfID.removeValue(forKey: id) else { return false }
        let slot = Int(slot32)
        let group = Int(groupOfSlot[slot])
        let previous = previousMember[slot], next = nextMember[slot]
        if previous >= 0 { nextMember[Int(previous)] = next } else { firstMember[group] = next }
        if next >= 0 { previousMember[Int(next)] = previous } else { lastMember[group] = previous }
        ids[slot] = nil
        count -= 1
        if firstMember[group] < 0 { unlink(group: group) }
        return true
    }

    /// Takes an emptied group out of the band tables and the key table.
    private mutating func unlink(group: Int) {
        groupCount -= 1
        let key = withSketch(ofGroup: group) { sketch in
            Self.dataKey(setSize: sketch.setSize, compact: sketch.compact, fingerprintCount: sketch.fingerprints.count)
        }
        groupsByKey.unlink(group) { _ in key }
        guard setSizes[group] > 0 else { return }
        let keys = bandKeys(ofGroup: group)
        buckets.unlink(group) { keys[$0] }
    }

    /// The live groups that share at least one band with `bandKeys`, ascending.
    ///
    /// - Complexity: O(b + c log c) for c groups found in the query's buckets.
    func candidateGroups(bandKeys: UnsafeBufferPointer<UInt64>) -> [Int] {
        buckets.entries(sharingABandWith: bandKeys)
    }

    /// The estimate and (by ``Verification/exact``, when the index stores fingerprints)
    /// exact Jaccard between a group and a query: the comparison a dedup run makes
    /// (``Verification/similarity(_:_:_:_:k:)``).
    ///
    /// - Complexity: O(k), plus O(shingles) when exact.
    func similarity(ofGroup group: Int, to query: DocumentSketch, verification: Verification) -> (estimate: Double, jaccard: Double?) {
        withSketch(ofGroup: group) { stored in
            (storesFingerprints ? verification : .estimate).similarity(
                stored.compact.baseAddress!, stored.fingerprints, query.compact.baseAddress!, query.fingerprints,
                k: configuration.permutations)
        }
    }

    /// Calls `body` with each live member of `group`, ascending.
    ///
    /// - Complexity: O(members).
    func forEachMember(ofGroup group: Int, _ body: (_ slot: Int) throws -> Void) rethrows {
        var slot = firstMember[group]
        while slot >= 0 {
            try body(Int(slot))
            slot = nextMember[Int(slot)]
        }
    }

    /// 32-bit words of a group's signature, padding included.
    private var signatureWords: Int { CompactSignature.storedBytes(k: configuration.permutations) / 4 }

    /// Calls `body` with the document in `slot`, if it is live.
    func forEachDocument(
        inSlot slot: Int,
        _ body: (_ id: String, _ sketch: DocumentSketch) throws -> Void
    ) rethrows {
        guard let id = ids[slot] else { return }
        try withSketch(ofGroup: Int(groupOfSlot[slot])) { try body(id, $0) }
    }

    /// Calls `body` for each live document in slot order.
    func forEachDocument(
        _ body: (_ id: String, _ sketch: DocumentSketch) throws -> Void
    ) rethrows {
        for slot in ids.indices { try forEachDocument(inSlot: slot, body) }
    }
}
