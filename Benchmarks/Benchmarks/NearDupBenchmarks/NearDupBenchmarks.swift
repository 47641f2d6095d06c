import Benchmark
import Dispatch
import Foundation
import NearDup
import NearDupCorpusGenerator

// Throughput benchmarks of NearDup's hot paths on a seeded news-like corpus.
//
// Every iteration processes the whole corpus once; the custom metrics `MB/s` and `documents/s`
// are measured per iteration (package-benchmark's `throughput` is then whole corpora per second).
// Malloc counts are the numbers that do not vary between runs: the hot loops reuse one
// workspace per thread and allocate nothing per document, which their thresholds check.
//
//   swift package benchmark                                             # run and print
//   swift package benchmark thresholds check --metric mallocCountTotal  # CI: allocation regressions
//   swift package --allow-writing-to-package-directory benchmark thresholds update  # after a deliberate change

let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
let documentsPerSecond = BenchmarkMetric.custom("documents/s", polarity: .prefersLarger, useScalingFactor: false)

/// A seeded corpus held in memory as contiguous UTF-8, ready for `sign(utf8:into:using:)`.
final class BenchmarkCorpus: @unchecked Sendable {
    let texts: [String]
    let utf8: [[UInt8]]
    let bytes: Int

    init(documents: Int, words: Int = 600, seed: UInt64 = 42) {
        let generator = CorpusGenerator(.init(documents: documents, wordsPerDocument: words, duplicateRate: 0.2, seed: seed))
        texts = generator.map(\.text)
        utf8 = texts.map { Array($0.utf8) }
        bytes = utf8.reduce(0) { $0 + $1.count }
    }

    /// Runs `body` once, timed, and records MB/s and documents/s.
    func measure(_ benchmark: Benchmark, documents: Int? = nil, bytes: Int? = nil, _ body: () throws -> Void) rethrows {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        guard seconds > 0 else { return }
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes ?? self.bytes) / 1e6 / seconds).rounded()))
        benchmark.measurement(documentsPerSecond, Int((Double(documents ?? texts.count) / seconds).rounded()))
    }
}

/// Signs every document of `corpus` in `range` with one workspace: the hot loop.
@inline(never)
func signAll(_ corpus: BenchmarkCorpus, _ range: Range<Int>, _ hasher: MinHasher, _ workspace: MinHashWorkspace,
             _ values: UnsafeMutableBufferPointer<UInt64>) -> Int {
    var shingles = 0
    for i in range {
        shingles &+= corpus.utf8[i].withUnsafeBufferPointer { hasher.sign(utf8: $0, into: values, using: workspace) }
    }
    return shingles
}

/// One thread's share of the corpus and its own workspace.
final class SigningThread: @unchecked Sendable {
    let hasher: MinHasher
    let workspace: MinHashWorkspace
    let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 128)
    let range: Range<Int>

    init(_ hasher: MinHasher, range: Range<Int>) {
        self.hasher = hasher
        workspace = hasher.makeWorkspace()
        self.range = range
    }

    func run(_ corpus: BenchmarkCorpus) -> Int { signAll(corpus, range, hasher, workspace, values) }
}

let benchmarks: @Sendable () -> Void = {
    // The hot loops allocate nothing per document. The harness itself (clock reads, custom
    // metric samples) allocates 40–52 times an iteration, measured; one allocation a document
    // would add 2,000 an iteration. A tolerance of 64 passes the first and catches the second.
    let noMallocs: [BenchmarkMetric: BenchmarkThresholds] = [
        .mallocCountTotal: .init(absolute: [.p0: 64, .p25: 64, .p50: 64, .p75: 64, .p90: 64, .p99: 64, .p100: 64]),
    ]
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond, documentsPerSecond]
    Benchmark.defaultConfiguration = .init(
        metrics: metrics, warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 50)

    // 2,000 documents of about 600 words (≈ 6.5 MB), 20 % planted near-duplicates.
    let corpus = BenchmarkCorpus(documents: 2_000)

    // MARK: Tokenise + shingle + hash

    // The shingle stream alone: one-permutation MinHash with k = 1 is tokenising, normalising,
    // hashing words (XXH3), combining 5 word hashes per shingle, counting distinct shingles and
    // one comparison per shingle. (The shingle engine itself is internal to NearDup.)
    do {
        let hasher = MinHasher(.init(scheme: .onePermutation, permutations: 1, seed: 1, shingling: .words(5)))
        let workspace = hasher.makeWorkspace()
        let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 1)
        _ = signAll(corpus, 0..<corpus.texts.count, hasher, workspace, values)  // warm-up of the workspace
        Benchmark("Tokenise + shingle + hash (word 5-grams)", configuration: .init(thresholds: noMallocs)) { benchmark in
            corpus.measure(benchmark) { blackHole(signAll(corpus, 0..<corpus.texts.count, hasher, workspace, values)) }
        }
    }

    // The allocating convenience: `Tokenizer.tokens(in:)` returns an array of tokens per document.
    Benchmark("Tokenizer.tokens(in:) (words + XXH3, one array a document)") { benchmark in
        let tokenizer = Tokenizer(seed: 1)
        corpus.measure(benchmark) {
            for text in corpus.texts { blackHole(tokenizer.tokens(in: text)) }
        }
    }

    // MARK: Signatures

    for scheme in [MinHashScheme.onePermutation, .classic] {
        let hasher = MinHasher(.init(scheme: scheme, permutations: 128, seed: 1, shingling: .words(5)))
        let workspace = hasher.makeWorkspace()
        let values = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 128)
        _ = signAll(corpus, 0..<corpus.texts.count, hasher, workspace, values)
        Benchmark("Signatures \(scheme.rawValue) k=128, 1 thread", configuration: .init(thresholds: noMallocs)) { benchmark in
            corpus.measure(benchmark) { blackHole(signAll(corpus, 0..<corpus.texts.count, hasher, workspace, values)) }
        }
    }

    // Two threads, one workspace each, half the corpus each (the ≥ 1.7× target on two cores).
    // Dispatch's own bookkeeping may allocate a little: no malloc threshold here.
    do {
        let hasher = MinHasher(.init(scheme: .onePermutation, permutations: 128, seed: 1, shingling: .words(5)))
        let half = corpus.texts.count / 2
        let threads = [
            SigningThread(hasher, range: 0..<half), SigningThread(hasher, range: half..<corpus.texts.count),
        ]
        for thread in threads { _ = thread.run(corpus) }
        Benchmark("Signatures one-permutation k=128, 2 threads") { benchmark in
            corpus.measure(benchmark) {
                DispatchQueue.concurrentPerform(iterations: 2) { t in blackHole(threads[t].run(corpus)) }
            }
        }
    }

    // Convenience API: one `Signature` (one array) per document.
    Benchmark("MinHasher.signature(for:) one-permutation k=128 (one array a document)") { benchmark in
        let hasher = MinHasher(.init(scheme: .onePermutation, permutations: 128))
        let workspace = hasher.makeWorkspace()
        corpus.measure(benchmark) {
            for text in corpus.texts { blackHole(hasher.signature(for: text, using: workspace)) }
        }
    }

    // MARK: LSH index (NearDuplicateIndex: sign, band, store; query: sign, band, verify exactly)

    let ids = (0..<corpus.texts.count).map { "doc-\($0)" }
    Benchmark("LSH insert (NearDuplicateIndex.insert, 2,000 documents, exact verification kept)", configuration: .init(maxIterations: 20)) { benchmark in
        corpus.measure(benchmark) {
            let index = NearDuplicateIndex(threshold: 0.8)
            for (id, text) in zip(ids, corpus.texts) { index.insert(id: id, text: text) }
            blackHole(index)
        }
    }
    let filled = NearDuplicateIndex(threshold: 0.8)
    for (id, text) in zip(ids, corpus.texts) { filled.insert(id: id, text: text) }
    Benchmark("LSH query (NearDuplicateIndex.query, 2,000 documents against 2,000, verified)", configuration: .init(maxIterations: 20)) { benchmark in
        corpus.measure(benchmark) {
            var matches = 0
            for text in corpus.texts { matches &+= filled.query(text).count }
            blackHole(matches)
        }
    }

    // MARK: End-to-end dedup

    // Sign, band, verify (exact Jaccard) and cluster the 2,000-document corpus, all cores.
    Benchmark("Dedup end-to-end (2,000 documents, exact verification, all cores)", configuration: .init(maxIterations: 10)) { benchmark in
        try corpus.measure(benchmark) {
            let dedup = try CorpusDeduplicator(configuration: .default, options: .init(threshold: 0.8))
            for (i, text) in corpus.texts.enumerated() { try dedup.add(id: String(i), text: text) }
            blackHole(try dedup.finish())
        }
    }

    // MARK: Report

    // `neardup report` on the five seed articles: the reference against the four others.
    let seeds = Seeds.load()
    Benchmark("Report on the seeds (1 reference, \(seeds.candidates.count) candidates)", configuration: .init(maxIterations: 200)) { benchmark in
        let analyzer = RewriteAnalyzer()
        corpus.measure(benchmark, documents: 1 + seeds.candidates.count, bytes: seeds.bytes) {
            blackHole(analyzer.analyze(reference: seeds.reference, candidates: seeds.candidates))
        }
    }
}

/// The project's seed articles (`seeds/` at the repository root).
struct Seeds {
    var reference: ReportDocument
    var candidates: [ReportDocument]
    var bytes: Int

    static func load() -> Seeds {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("seeds")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
        precondition(!names.isEmpty, "no seed articles in \(folder.path)")
        let documents = names.map { name -> ReportDocument in
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return ReportDocument(id: name, path: "seeds/" + name, text: text)
        }
        return Seeds(
            reference: documents[0], candidates: Array(documents.dropFirst()),
            bytes: documents.reduce(0) { $0 + $1.text.utf8.count })
    }
}
