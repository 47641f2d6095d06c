import ArgumentParser
import Dispatch
import Foundation
import NearDup
import NearDupCorpusGenerator

/// `neardup generate`: a deterministic news-like corpus with planted near-duplicates.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a seeded synthetic news-like corpus (JSONL) with planted near-duplicates.",
        discussion: """
            Each line of the output is {"id":"doc-000123","text":"…"}. With --truth, each
            planted near-duplicate is also written as one JSON line naming its source, the
            duplicate, the kind of edit (word-edits, sentence-reorder, truncation, boilerplate),
            the edit's parameters, and "jaccard": the pair's exact Jaccard similarity over the
            shingles of --shingle (default words:5, as dedup's default; hash seed 1, no diacritic
            folding, as dedup's defaults), with "shingling" naming them. Measure recall against
            the pairs with jaccard at or above the threshold: an edit can take a pair below it
            (scripts/recall.py). The same options and seed give the same bytes.

            Example:
              neardup generate --documents 20000 --words 600 --duplicates 0.2 --seed 42 \\
                --output corpus.jsonl --truth truth.jsonl
            """
    )

    @Option(name: .long, help: "Number of documents.")
    var documents: Int

    @Option(name: .long, help: "Average words per document (each has 80–120 % of it).")
    var words: Int = 600

    @Option(name: .long, help: "Share of documents that are planted near-duplicates, 0 to 1.")
    var duplicates: Double = 0.2

    @Option(name: .long, help: "Seed.")
    var seed: UInt64 = 1

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Kinds of near-duplicate to plant, comma-separated.", valueName: "kind,…"))
    var kinds: String = DuplicateKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .shortAndLong, help: ArgumentHelp("Corpus file (JSONL), or - for standard output.", valueName: "path"))
    var output: String = "-"

    @Option(name: .long, help: ArgumentHelp("Ground-truth file (JSONL) of the planted near-duplicates, with their exact Jaccard.", valueName: "path"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("Shingles the truth file's Jaccard is measured with: words:N or chars:N.", valueName: "unit:n"))
    var shingle = Shingling.default.description

    @OptionGroup var progressOptions: ProgressOptions

    mutating func validate() throws {
        guard (0...Limits.maximumGeneratedDocuments).contains(documents) else {
            throw ValidationError("--documents must be from 0 to \(Limits.maximumGeneratedDocuments), not \(documents)")
        }
        guard (1...Limits.maximumGeneratedWords).contains(words) else {
            throw ValidationError("--words must be from 1 to \(Limits.maximumGeneratedWords), not \(words)")
        }
        guard (0...1).contains(duplicates) else {
            throw ValidationError("--duplicates must be from 0 to 1, not \(duplicates)")
        }
        guard Shingling(shingle) != nil else {
            throw ValidationError("--shingle must be words:N or chars:N with N from 1 to \(Shingling.maximumSize), not '\(shingle)'")
        }
        _ = try parsedKinds()
        if let truth, truth == output, OutputSink.isStandardOutput(truth) {
            throw ValidationError("--output and --truth must name different files (or standard output once), not both \(truth)")
        }
        try OutputRule.check(outputs: [("--output", output), ("--truth", truth)], inputs: [])
    }

    private func parsedKinds() throws -> [DuplicateKind] {
        try kinds.split(separator: ",").map {
            let name = $0.trimmingCharacters(in: .whitespaces)
            guard let kind = DuplicateKind(rawValue: name) else {
                throw ValidationError(
                    "--kinds: unknown kind '\(name)'; the kinds are \(DuplicateKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return kind
        }
    }

    func run() throws {
        let kinds = try parsedKinds()
        guard !kinds.isEmpty else { throw ValidationError("--kinds must name at least one kind") }
        let corpus = CorpusGenerator(
            .init(documents: documents, wordsPerDocument: words, duplicateRate: duplicates, seed: seed, kinds: kinds))
        let progress = ProgressReporter(progressOptions, totalDocuments: documents)
        defer { progress.stop() }
        let planted: Int
        do {
            planted = try write(corpus, progress: progress)
        } catch let failure as CommandFailure {
            progress.stop()
            StandardError.error(failure.message)
            throw ExitCode(failure.exitCode)
        }
        progress.stop()
        progress.summary(progress.throughputText(documentsNote: " (\(planted) planted near-duplicates)", verb: "written"))
    }

    /// Writes the corpus (and the truth file); returns the number of planted duplicates.
    private func write(_ corpus: CorpusGenerator, progress: ProgressReporter) throws -> Int {
        let out = try OutputSink(path: output)
        let truthFile = try truth.map { try OutputSink(path: $0) }
        let shingling = Shingling(shingle)!
        let measuresJaccard = truth != nil
        var planted = 0

        // Documents are independent of each other: make chunks of them on every core, write them in order.
        let chunk = 256
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < documents {
            let end = min(documents, start + chunk * workers)
            let parts = (start..<end).chunked(chunk)
            let results = ResultSlots<(bytes: [UInt8], truth: [UInt8], planted: Int)>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { p in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(parts[p].count * words * 8)
                var truthBytes: [UInt8] = []
                var plantedHere = 0
                for i in parts[p] {
                    if measuresJaccard, corpus.plan(ofDocumentAt: i) != nil {
                        // Generate the duplicate once: for its record and for its Jaccard.
                        let document = corpus[i]
                        bytes.append(contentsOf: document.jsonLine().utf8)
                        bytes.append(0x0A)
                        let planted = document.planted!
                        let jaccard = Self.jaccard(corpus, planted, duplicateText: document.text, shingling: shingling)
                        truthBytes.append(contentsOf: planted.jsonLine(jaccard: jaccard, shingling: shingling.description).utf8)
                        truthBytes.append(0x0A)
                        plantedHere += 1
                    } else if corpus.appendJSONLine(ofDocumentAt: i, to: &bytes) != nil {
                        plantedHere += 1
                    }
                }
                results.set(p, (bytes, truthBytes, plantedHere))
            }
            for p in 0..<parts.count {
                let (bytes, truthBytes, plantedHere) = results.get(p)
                planted += plantedHere
                out.write(bytes)
                truthFile?.write(truthBytes)
                progress.read(bytes: bytes.count)
                for _ in parts[p] { progress.document() }
            }
            start = end
        }
        progress.phase("writing")
        try out.commit()
        try truthFile?.commit()
        return planted
    }

    /// The exact Jaccard similarity of a planted pair's texts, over the shingles dedup uses by
    /// default (hash seed 1, standard normalisation) with `shingling`.
    ///
    /// - Complexity: O(n log n) in the words of the two texts (the source is generated again).
    static func jaccard(
        _ corpus: CorpusGenerator, _ planted: PlantedDuplicate, duplicateText: String, shingling: Shingling
    ) -> Double {
        let defaults = MinHashConfiguration.default
        let sets = [corpus[planted.sourceIndex].text, duplicateText].map { text in
            ShingleSet(text: text, shingling: shingling, seed: defaults.seed, normalization: defaults.normalization)
        }
        return sets[0].jaccard(sets[1])
    }
}

extension Range where Bound == Int {
    fileprivate func chunked(_ size: Int) -> [Range<Int>] {
        stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
    }
}

/// One slot per concurrent task, each written by exactly one task.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
    func get(_ i: Int) -> T { lock.withLock { slots[i]! } }
}
