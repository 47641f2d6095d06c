import NearDupCore

/// The buckets of the incremental index: per band, a hash table from band key to the newest
/// entry with that key, and per entry and band a link to the next older one. Entries are
/// numbers (the index's groups of identical documents), added in increasing order.
///
/// A dedup run keeps its buckets differently — it sorts each band's keys once, at the end
/// (12 bytes a document per band in flight) — because it never removes or probes one
/// document at a time; both bucket the keys ``LSHParameters/writeBandKeys(of:seed:into:)``
/// makes.
///
/// The index keeps its groups' data keys in a one-band table too, to find a new document's
/// group.
///
/// Memory: `4·b` bytes of links per entry, and about `20·b` bytes of hash tables per entry
/// with keys of its own.
struct BandTable {
    let bands: Int
    private var heads: [[UInt64: Int32]]
    private var links: [Int32] = []

    init(bands: Int) {
        self.bands = bands
        heads = Array(repeating: [:], count: bands)
    }

    /// Makes room for entry `entry`, in no bucket yet.
    ///
    /// - Precondition: `entry` is the number of entries made so far.
    mutating func makeEntry(_ entry: Int) {
        precondition(entry * bands == links.count, "entries are made in order")
        links.append(contentsOf: repeatElement(-1, count: bands))
    }

    /// Puts `entry` into the bucket of its key in each band (`key(band)`).
    ///
    /// - Complexity: O(b), amortised.
    mutating func link(_ entry: Int, key: (_ band: Int) -> UInt64) {
        for band in 0..<bands {
            let key = key(band)
            if let head = heads[band][key] { links[entry * bands + band] = head }
            heads[band][key] = Int32(entry)
        }
    }

    /// Takes `entry` out of its buckets.
    ///
    /// - Complexity: O(b · entries newer than it in its buckets).
    mutating func unlink(_ entry: Int, key: (_ band: Int) -> UInt64) {
        let entry32 = Int32(entry)
        for band in 0..<bands {
            let key = key(band)
            let next = links[entry * bands + band]
            var current = heads[band][key] ?? -1
            if current == entry32 {
                heads[band][key] = next >= 0 ? next : nil
            } else {
                while current >= 0 {
                    let link = Int(current) * bands + band
                    if links[link] == entry32 {
                        links[link] = next
                        break
                    }
                    current = links[link]
                }
            }
        }
    }

    /// The newest entry in the bucket of `key` in `band` for which `isMatch` holds, newest first.
    ///
    /// - Complexity: O(entries tried).
    func firstEntry(band: Int, key: UInt64, where isMatch: (Int) -> Bool) -> Int? {
        var current = heads[band][key] ?? -1
        while current >= 0 {
            if isMatch(Int(current)) { return Int(current) }
            current = links[Int(current) * bands + band]
        }
        return nil
    }

    /// The entries that share at least one band key with `keys`, ascending.
    ///
    /// - Complexity: O(b + c log c) for c entries in the probed buckets.
    func entries(sharingABandWith keys: UnsafeBufferPointer<UInt64>) -> [Int] {
        var found: [Int] = []
        for band in 0..<bands {
            var current = heads[band][keys[band]] ?? -1
            while current >= 0 {
                found.append(Int(current))
                current = links[Int(current) * bands + band]
            }
        }
        found.sortAndRemoveRepeats()
        return found
    }
}
