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
            duplicate, the kind of edit (word-edits, sentence-reorder, truncation, boilerplate)
            and the edit's parameters. The same options and seed give the same bytes.

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
            "Kinds of near-duplicate to plant, comma-separated (default: all).", valueName: "kind,…"))
    var kinds: String = DuplicateKind.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .shortAndLong, help: ArgumentHelp("Corpus file (JSONL), or - for standard output.", valueName: "path"))
    var output: String = "-"

    @Option(name: .long, help: ArgumentHelp("Ground-truth file (JSONL) of the planted near-duplicates.", valueName: "path"))
    var truth: String?

    mutating func validate() throws {
        guard documents >= 0 else { throw ValidationError("--documents must not be negative, not \(documents)") }
        guard words >= 1 else { throw ValidationError("--words must be at least 1, not \(words)") }
        guard (0...1).contains(duplicates) else {
            throw ValidationError("--duplicates must be from 0 to 1, not \(duplicates)")
        }
        _ = try parsedKinds()
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
        do {
            try write(corpus, kinds: kinds)
        } catch let failure as CommandFailure {
            StandardError.error(failure.message)
            throw ExitCode(failure.exitCode)
        }
    }

    private func write(_ corpus: CorpusGenerator, kinds: [DuplicateKind]) throws {
        let out = try OutputSink(path: output)
        let truthFile = try truth.map { try OutputSink(path: $0) }

        // Documents are independent of each other: make chunks of them on every core, write them in order.
        let chunk = 256
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var start = 0
        while start < documents {
            let end = min(documents, start + chunk * workers)
            let parts = (start..<end).chunked(chunk)
            let results = ResultSlots<([UInt8], [UInt8])>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { p in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(parts[p].count * words * 8)
                var truthBytes: [UInt8] = []
                for i in parts[p] {
                    if let planted = corpus.appendJSONLine(ofDocumentAt: i, to: &bytes) {
                        truthBytes.append(contentsOf: planted.jsonLine().utf8)
                        truthBytes.append(0x0A)
                    }
                }
                results.set(p, (bytes, truthBytes))
            }
            for p in 0..<parts.count {
                let (bytes, truthBytes) = results.get(p)
                out.write(bytes)
                truthFile?.write(truthBytes)
            }
            start = end
        }
        try out.commit()
        try truthFile?.commit()
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
