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

            With --rewrites, a share of the documents are planted rewrites of an earlier one
            (--rewrite-kinds: reordered, reworded, condensed, rewritten — all three — retell the
            whole source, wholly derived; retold tells a story of its own with a run of the
            source's sentences retold inside it, partially derived). Their truth lines name
            the "source" and the "story", the "kind", the "derivation", "derived_share" (share of
            the story's words that retell the source), "coverage" (share of the source's
            sentences retold) and the counts, with "jaccard" as above. --first-date and
            --outlets add "date" and "outlet" to each record: dates rise with the position, so
            a source is never later than what was made from it, and a planted document is from
            another outlet than its source. --names sets how many made-up names the stories
            draw theirs from (2000 by default; an archive's names are many and mostly rare).
            Without these options the output is as before.

            Example:
              neardup generate --documents 20000 --words 600 --duplicates 0.2 --seed 42 \\
                --output corpus.jsonl --truth truth.jsonl
              neardup generate --documents 20000 --duplicates 0.05 --rewrites 0.2 \
                --first-date 2024-01-01 --days 365 --outlets 40 --output archive.jsonl --truth links.jsonl
            """ + "\n\n"
            + ExitStatusHelp.text([
                ExitStatusHelp.success,
                ExitStatusHelp.failure,
                ExitStatusHelp.usage, ExitStatusHelp.signal,
            ])
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
            "Kinds of near-duplicate to plant, comma-separated. (default: \(ChoiceList<DuplicateKind>.all))", valueName: "kind,…"),
        transform: ChoiceList.parse)
    var kinds = ChoiceList<DuplicateKind>.all

    @Option(name: .long, help: "Share of documents that are planted rewrites, 0 to 1 (with --duplicates, at most 1).")
    var rewrites: Double = 0

    @Option(
        name: .long,
        help: ArgumentHelp("Kinds of rewrite to plant, comma-separated. (default: \(ChoiceList<RewriteKind>.all))", valueName: "kind,…"),
        transform: ChoiceList.parse)
    var rewriteKinds = ChoiceList<RewriteKind>.all

    @Option(name: .long, help: ArgumentHelp("Date the documents from this day on (adds \"date\").", valueName: "YYYY-MM-DD"))
    var firstDate: String?

    @Option(name: .long, help: "Days the dates of --first-date spread over.")
    var days: Int = 365

    @Option(name: .long, help: "Number of outlets the documents come from (adds \"outlet\"); 0: none.")
    var outlets: Int = 0

    @Option(name: .long, help: "Made-up names the originals draw theirs from (2000: the built-in ones; more, as an archive has).")
    var names: Int = CorpusGenerator.Configuration.defaultNames

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption

    @Option(name: .long, help: ArgumentHelp("Ground-truth file (JSONL) of the planted near-duplicates, with their exact Jaccard.", valueName: "path"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("Shingles the truth file's Jaccard is measured with: words:N or chars:N. (default: \(Shingling.default))", valueName: "unit:n"), transform: ShinglingArgument.parse)
    var shingle = Shingling.default

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
        guard (0...1).contains(rewrites) else { throw ValidationError("--rewrites must be from 0 to 1, not \(rewrites)") }
        guard duplicates + rewrites <= 1 else {
            throw ValidationError("--duplicates and --rewrites must add up to at most 1, not \(duplicates + rewrites)")
        }
        guard outlets >= 0 else { throw ValidationError("--outlets must not be negative, not \(outlets)") }
        guard (1...CorpusGenerator.Configuration.maximumNames).contains(names) else {
            throw ValidationError("--names must be from 1 to \(CorpusGenerator.Configuration.maximumNames), not \(names)")
        }
        guard days >= 1 else { throw ValidationError("--days must be at least 1, not \(days)") }
        if let firstDate, DateSpan(first: firstDate, days: days) == nil {
            throw ValidationError("--first-date must be a date as YYYY-MM-DD, not '\(firstDate)'")
        }
        if let truth, OutputSink.isStandardOutput(truth), outputOption.isStandardOutput {
            throw ValidationError("--output and --truth must name different files (or standard output once), not both \(truth)")
        }
        try OutputRule.check(outputs: [("--output", outputOption.output), ("--truth", truth)], inputs: [])
    }

    func run() throws {
        let corpus = CorpusGenerator(
            .init(
                documents: documents, wordsPerDocument: words, duplicateRate: duplicates, seed: seed, kinds: kinds.choices,
                rewriteRate: rewrites, rewriteKinds: rewriteKinds.choices,
                dates: firstDate.flatMap { DateSpan(first: $0, days: days) }, outlets: outlets, names: names))
        try CorpusRun.perform(nil, progressOptions, totalDocuments: documents) { progress in
            let planted = try write(corpus, progress: progress)
            let note = planted.rewrites == 0 && rewrites == 0
                ? " (\(planted.duplicates) planted near-duplicates)"
                : " (\(planted.duplicates) planted near-duplicates, \(planted.rewrites) planted rewrites)"
            return .init { progress.throughputText(documentsNote: note, verb: "written") }
        }
    }

    /// Writes the corpus (and the truth file); returns the numbers of planted duplicates and rewrites.
    private func write(_ corpus: CorpusGenerator, progress: ProgressReporter) throws -> (duplicates: Int, rewrites: Int) {
        let out = try OutputSink(path: outputOption.output)
        let truthFile = try truth.map { try OutputSink(path: $0) }
        let shingling = shingle
        let measuresJaccard = truth != nil
        var planted = (duplicates: 0, rewrites: 0)

        // Documents are independent of each other: make chunks of them on every core, write them in order.
        let chunk = 256
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let words = self.words  // the closure below runs on other threads: it captures values, not the command
        var start = 0
        while start < documents {
            let end = min(documents, start + chunk * workers)
            let parts = (start..<end).chunked(chunk)
            let results = ResultSlots<(bytes: [UInt8], truth: [UInt8], planted: (Int, Int))>(count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { p in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(parts[p].count * words * 8)
                var truthBytes: [UInt8] = []
                var plantedHere = (0, 0)
                func count(_ planting: Planting?) {
                    switch planting {
                    case .duplicate: plantedHere.0 += 1
                    case .rewrite: plantedHere.1 += 1
                    case nil: break
                    }
                }
                for i in parts[p] {
                    if measuresJaccard, corpus.isPlanted(i) {
                        // Generate the planted document once: for its record and for its Jaccard.
                        let document = corpus[i]
                        bytes.append(contentsOf: document.jsonLine().utf8)
                        bytes.append(0x0A)
                        let planting = document.planting!
                        let jaccard = Self.jaccard(corpus, source: planting.sourceIndex, text: document.text, shingling: shingling)
                        truthBytes.append(contentsOf: planting.jsonLine(jaccard: jaccard, shingling: shingling.description).utf8)
                        truthBytes.append(0x0A)
                        count(planting)
                    } else {
                        count(corpus.appendRecord(ofDocumentAt: i, to: &bytes))
                    }
                }
                results.set(p, (bytes, truthBytes, plantedHere))
            }
            for p in 0..<parts.count {
                let (bytes, truthBytes, plantedHere) = results.get(p)
                planted.duplicates += plantedHere.0
                planted.rewrites += plantedHere.1
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

    /// The exact Jaccard similarity of a planted document's text and its source's, over the
    /// shingles dedup uses by default (hash seed 1, standard normalisation) with `shingling`.
    ///
    /// - Complexity: O(n log n) in the words of the two texts (the source is generated again).
    static func jaccard(_ corpus: CorpusGenerator, source: Int, text: String, shingling: Shingling) -> Double {
        let defaults = MinHashConfiguration.default
        let sets = [corpus[source].text, text].map { text in
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
