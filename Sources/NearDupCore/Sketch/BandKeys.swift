extension LSHParameters {
    /// The key of band `band` of a compact signature: XXH3 (seed: the configuration's seed plus
    /// the band number) of the band's `rows` 32-bit values, laid out little-endian. Two documents
    /// share a band exactly when their band values are equal, up to 64-bit hash collisions.
    ///
    /// Band keys are part of the index file format: this definition must not change.
    /// - Precondition: `values` holds at least `bands × rows` values.
    /// - Complexity: O(r).
    @inline(__always)
    func bandKey(_ band: Int, of values: UnsafePointer<UInt32>, seed: UInt64) -> UInt64 {
        CBoundary.xxh3(values + band &* rows, rows &* 4, seed: seed &+ UInt64(band))
    }

    /// Writes the `bands` keys of `values` into `keys`.
    ///
    /// - Complexity: O(b·r).
    @inline(__always)
    package func writeBandKeys(of values: UnsafePointer<UInt32>, seed: UInt64, into keys: UnsafeMutablePointer<UInt64>) {
        for band in 0..<bands { keys[band] = bandKey(band, of: values, seed: seed) }
    }
}
