/// Computes MinHash signatures for one ``MinHashConfiguration``.
///
/// ```swift
/// let hasher = MinHasher(.init(permutations: 128, shingling: .words(5)))
/// let a = hasher.signature(for: storyA)   // storyA, storyB: the two texts, as Strings
/// let b = hasher.signature(for: storyB)
/// let estimate = try a.jaccard(b)
/// ```
///
/// A hasher is an immutable, `Sendable` value. The convenience methods allocate scratch space
/// per call; hot loops make one ``MinHashWorkspace`` per thread with ``makeWorkspace()`` and call
/// ``sign(utf8:into:using:)``, which allocates nothing after warm-up.
public struct MinHasher: Sendable {
    /// The configuration every signature of this hasher carries.
    public let configuration: MinHashConfiguration
    /// Per-function seeds of the classic scheme (empty for one-permutation hashing).
    let functionSeeds: [UInt64]

    /// Creates a hasher.
    ///
    /// - Parameter configuration: the scheme, k, seed, shingling and normalisation of every
    ///   signature this hasher makes.
    public init(_ configuration: MinHashConfiguration = .default) {
        self.configuration = configuration
        if configuration.scheme == .classic {
            var state = configuration.seed
            functionSeeds = (0..<configuration.permutations).map { _ in
                state &+= 0x9E37_79B9_7F4A_7C15
                return Mixing.splitMix64(state)
            }
        } else {
            functionSeeds = []
        }
    }

    /// Scratch space for signing on one thread.
    ///
    /// - Returns: a new workspace for this hasher's configuration.
    public func makeWorkspace() -> MinHashWorkspace { MinHashWorkspace(configuration) }

    /// The signature of `text`.
    ///
    /// - Parameter text: the document.
    /// - Returns: its signature, carrying this hasher's configuration and the number of distinct
    ///   shingles.
    /// - Complexity: O(b + k) for one-permutation hashing, O(b + n·k) for the classic scheme, for
    ///   b bytes of text and n shingles; allocates a workspace per call.
    public func signature(for text: String) -> Signature {
        signature(for: text, using: makeWorkspace())
    }

    /// The signature of `text`, reusing `workspace` (one allocation: the signature's array).
    ///
    /// - Parameters:
    ///   - text: the document.
    ///   - workspace: scratch space made by ``makeWorkspace()`` of a hasher with the same
    ///     configuration, used by one thread at a time.
    /// - Returns: the signature of `text`.
    /// - Complexity: as ``signature(for:)``.
    public func signature(for text: String, using workspace: MinHashWorkspace) -> Signature {
        var setSize = 0
        let values = [UInt64](unsafeUninitializedCapacity: configuration.permutations) { buffer, count in
            setSize = withUTF8(of: text) { sign(utf8: $0, into: buffer, using: workspace) }
            count = configuration.permutations
        }
        return Signature(configuration: configuration, values: values, setSize: setSize)
    }

    /// The signature of a set of shingle hashes made elsewhere, for example a ``ShingleSet``'s
    /// `hashes`. They must come from the same seed, shingling and normalisation as this hasher's
    /// configuration, or the signature will not be comparable with ``signature(for:)``'s.
    ///
    /// - Parameter hashes: shingle hashes in any order; repeats are counted once.
    /// - Returns: the signature of the set of `hashes`.
    /// - Complexity: O(n + k) or O(n·k) for n hashes, as ``signature(for:)``.
    public func signature<S: Sequence>(forShingleHashes hashes: S) -> Signature where S.Element == UInt64 {
        var counter = DistinctCounter()
        defer { counter.free() }
        var observer = IgnoringShingleSink()
        var values = [UInt64](repeating: .max, count: configuration.permutations)
        let setSize = values.withUnsafeMutableBufferPointer { out in
            fill(out, from: SequenceShingles(hashes: hashes), counter: &counter, observer: &observer)
        }
        return Signature(configuration: configuration, values: values, setSize: setSize)
    }

    /// Writes the signature of the UTF-8 text `utf8` into `values` (k slots) and returns the
    /// number of distinct shingles. The hot path: no allocation after the workspace warms up.
    ///
    /// - Parameters:
    ///   - utf8: the document's text as UTF-8 bytes.
    ///   - values: k slots that receive the signature's values.
    ///   - workspace: scratch space from ``makeWorkspace()``, used by one thread at a time.
    /// - Returns: the number of distinct shingles (0 for a text without words, whose values are
    ///   then all `UInt64.max`).
    /// - Precondition: `utf8` is valid UTF-8 (see ``TextDecoder``); `values.count` is k;
    ///   `workspace` was made by a hasher with the same configuration.
    /// - Complexity: O(bytes + k) for one-permutation hashing, O(bytes + n·k) for classic.
    @discardableResult
    public func sign(
        utf8: UnsafeBufferPointer<UInt8>, into values: UnsafeMutableBufferPointer<UInt64>,
        using workspace: MinHashWorkspace
    ) -> Int {
        var observer = IgnoringShingleSink()
        return sign(utf8: utf8, into: values, using: workspace, observer: &observer)
    }

    /// The signing loop, specialised for each observer type: bytes → words → shingles → bins
    /// in one inlined pass.
    @inline(__always)
    func sign<Observer: ShingleSink>(
        utf8: UnsafeBufferPointer<UInt8>, into values: UnsafeMutableBufferPointer<UInt64>,
        using workspace: MinHashWorkspace, observer: inout Observer
    ) -> Int {
        precondition(values.count == configuration.permutations, "values must have k slots")
        precondition(workspace.configuration == configuration, "workspace of another configuration")
        return fill(
            values, from: TextShingles(engine: workspace.engine, utf8: utf8), counter: &workspace.counter,
            observer: &observer)
    }

    /// Resets `values` and `counter`, feeds every shingle of `source` through the scheme's
    /// sink, densifies, and returns the number of distinct shingles. The one place the MinHash
    /// update rules live, for text and for ready-made hashes alike.
    @inline(__always)
    func fill<Source: ShingleSource, Observer: ShingleSink>(
        _ values: UnsafeMutableBufferPointer<UInt64>, from source: Source, counter: inout DistinctCounter,
        observer: inout Observer
    ) -> Int {
        values.initialize(repeating: .max)
        counter.reset()
        let count: Int
        switch configuration.scheme {
        case .onePermutation:
            var sink = OnePermutationSink(
                bins: values.baseAddress!, k: UInt64(values.count), counter: counter, observer: observer)
            source.forEachShingle(into: &sink)
            counter = sink.counter
            observer = sink.observer
            count = counter.count
            if count > 0 { densify(values) }
        case .classic:
            count = functionSeeds.withUnsafeBufferPointer { seeds in
                var sink = ClassicSink(values: values, seeds: seeds, counter: counter, observer: observer)
                source.forEachShingle(into: &sink)
                counter = sink.counter
                observer = sink.observer
                return counter.count
            }
        }
        return count
    }

    /// One-permutation hashing: the shingle hash's high bits pick a bin (multiply-high, no
    /// division), and the bin keeps its smallest hash.
    struct OnePermutationSink<Observer: ShingleSink>: ShingleSink {
        let bins: UnsafeMutablePointer<UInt64>
        let k: UInt64
        var counter: DistinctCounter
        var observer: Observer

        @inline(__always)
        mutating func shingle(_ hash: UInt64) {
            counter.insert(hash)
            observer.shingle(hash)
            let bin = Int(truncatingIfNeeded: hash.multipliedFullWidth(by: k).high)
            if hash < bins[bin] { bins[bin] = hash }
        }
    }

    /// The classic scheme: every shingle goes through all k hash functions.
    struct ClassicSink<Observer: ShingleSink>: ShingleSink {
        let values: UnsafeMutableBufferPointer<UInt64>
        let seeds: UnsafeBufferPointer<UInt64>
        var counter: DistinctCounter
        var observer: Observer

        @inline(__always)
        mutating func shingle(_ hash: UInt64) {
            counter.insert(hash)
            observer.shingle(hash)
            for i in 0..<seeds.count {
                let v = Mixing.fmix64(hash ^ seeds[i])
                if v < values[i] { values[i] = v }
            }
        }
    }

    /// Optimal densification (Shrivastava 2017): each empty bin i probes bins
    /// h(i, 1), h(i, 2), … (a fixed sequence per bin and seed) and copies the value of the first
    /// bin that was filled by a shingle. A bin was filled by a shingle exactly when its value
    /// lies in its own range, so no separate bitmap is needed.
    ///
    /// - Precondition: at least one bin is filled.
    private func densify(_ values: UnsafeMutableBufferPointer<UInt64>) {
        let k = UInt64(values.count)
        @inline(__always) func ownsValue(_ bin: Int) -> Bool {
            let v = values[bin]
            return v != .max && Int(truncatingIfNeeded: v.multipliedFullWidth(by: k).high) == bin
        }
        for i in 0..<values.count where values[i] == .max {
            var attempt: UInt64 = 1
            var donor = -1
            // Random probes find a filled bin after k / (filled bins) tries on average. A very
            // sparse signature (a handful of shingles, a huge k) would make that O(k²) over all
            // bins, so after 64 misses the probe walks on from the last bin to the next filled
            // one: still a fixed function of (bin, seed, which bins are filled), as the
            // estimator needs.
            while attempt <= 64 {
                let probe = Mixing.splitMix64(configuration.seed ^ (UInt64(i) << 32) ^ attempt)
                let candidate = Int(truncatingIfNeeded: probe.multipliedFullWidth(by: k).high)
                if ownsValue(candidate) {
                    donor = candidate
                    break
                }
                if attempt == 64 {
                    var next = candidate
                    repeat { next = next + 1 == values.count ? 0 : next + 1 } while !ownsValue(next)
                    donor = next
                }
                attempt &+= 1
            }
            values[i] = values[donor]
        }
    }
}

/// Reusable scratch space for ``MinHasher/sign(utf8:into:using:)`` on one thread.
///
/// Not thread-safe: make one per thread or task.
public final class MinHashWorkspace {
    let configuration: MinHashConfiguration
    let engine: ShingleEngine
    var counter = DistinctCounter()

    init(_ configuration: MinHashConfiguration) {
        self.configuration = configuration
        engine = ShingleEngine(
            shingling: configuration.shingling, seed: configuration.seed,
            normalization: configuration.normalization)
    }

    deinit { counter.free() }
}
