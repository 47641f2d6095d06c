import ArgumentParser
import Foundation
import NearDup

/// `neardup index create|add|query`: a persistent near-duplicate index in one file.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Keep a persistent near-duplicate index in one file, and query it.",
        discussion: """
            The newsroom use: is this new story a rewrite of one already seen?
              neardup index create archive.ndx 2024.jsonl
              neardup index add archive.ndx today.jsonl
              neardup index query archive.ndx incoming.jsonl
            The file loads fast (memory-mapped), grows by appends, and is refused with a clear \
            error when it is damaged or was written with other hashing options. A document added \
            again under the same id replaces the earlier one.
            """ + "\n\n" + ExitStatusHelp.corpus,
        subcommands: [Create.self, Add.self, Query.self])

    /// Options shared by the three subcommands.
    struct Common: ParsableArguments {
        @OptionGroup var progress: ProgressOptions

        @Option(name: .long, help: "Signing threads (default: all cores).")
        var threads: Int?

        func validate() throws {
            try ThreadCount.validate(threads)
        }

        /// `--threads`, or all cores.
        var threadCount: Int { ThreadCount.resolve(threads) }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an index file from a corpus (replacing the file only when complete).",
            discussion: ExitStatusHelp.corpus)

        @Argument(help: "The index file to create.") var index: String
        @OptionGroup var input: InputOptions
        @OptionGroup var signatureInput: SignatureInput
        @OptionGroup var hashing: HashingOptions
        @OptionGroup var common: Common

        @Option(name: .long, help: "Default query threshold (Jaccard, 0 to 1; 0.8 when not given); also chooses the LSH bands.")
        var threshold: Double?

        @Option(name: .long, help: "'exact' keeps shingle fingerprints (8 bytes a shingle) for exact Jaccard (default for texts); 'estimate' keeps only signatures (default and only choice for --signatures).")
        var verify: Verification?

        @Flag(name: .long, help: "Create a rewrite index: each story with its rewrite sketch, for 'index query' to answer which stored stories a story was rewritten from, with the report's verdicts (as 'discover --sources').")
        var rewrites = false

        mutating func validate() throws {
            if rewrites {
                let given = [(signatureInput.signatures, "--signatures"), (threshold != nil, "--threshold"), (verify != nil, "--verify")]
                    .filter(\.0).map(\.1)
                if !given.isEmpty {
                    throw ValidationError("--rewrites makes a rewrite index (stories and their rewrite sketches); \(given.joined(separator: ", ")) belong to a near-duplicate index")
                }
            }
            if let threshold { try Limits.checkThreshold(threshold, "--threshold", includingOne: false) }
            _ = try signatureInput.verification(verify)
            try OutputRule.check(outputs: [("the index", index)], inputs: input.inputs)
        }

        func run() throws {
            if rewrites {
                try RewriteIndex.create(path: index, input: input)
                return
            }
            let verification = try signatureInput.verification(verify)
            try IndexCommand.build(input: input, signatureInput: signatureInput, common: common, path: index) {
                try IndexBuilder(
                    creating: index, configuration: hashing.configuration, threshold: threshold ?? 0.8,
                    verification: verification, threads: common.threadCount)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Append a corpus to an index file.", discussion: ExitStatusHelp.corpus)

        @Argument(help: "The index file to append to.") var index: String
        @OptionGroup var input: InputOptions
        @OptionGroup var signatureInput: SignatureInput
        @OptionGroup(title: "Hashing options (default: the index's; a given one must agree with it)") var hashing: IndexHashingOptions
        @OptionGroup var common: Common

        func validate() throws {
            try OutputRule.check(outputs: [("the index", index)], inputs: input.inputs)
        }

        func run() throws {
            if RewriteArchive.isArchiveFile(index) {
                try RewriteIndex.refuse(hashing: hashing.anyGiven, signatures: signatureInput.signatures, threshold: nil, file: index)
                try RewriteIndex.add(path: index, input: input)
                return
            }
            try IndexCommand.build(input: input, signatureInput: signatureInput, common: common, path: index) {
                let builder = try IndexBuilder(appendingTo: index, threads: common.threadCount)
                if let contradiction = hashing.contradiction(with: builder.configuration, file: index) {
                    throw NearDupError(.incompatibleSignatures, contradiction)
                }
                if signatureInput.signatures && builder.verification == .exact {
                    throw NearDupError(
                        .shinglesRequired,
                        "\(index) keeps shingle fingerprints for exact verification; signatures have none and cannot be added to it (create an index from signatures with --signatures, which verifies by estimate)")
                }
                return builder
            }
        }
    }

    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the indexed near-duplicates of each document of a corpus.",
            discussion: """
                One JSONL line per query document: {"format": 1, "id": …, "matches": [{"id": …, "estimate": …, \
                "jaccard": …}]}, most similar first; "jaccard" only when the index keeps shingles \
                and the query is a text. With --signatures, matches are estimates (no "jaccard"), \
                chosen by the estimate, even from an index that keeps shingles.

                On a rewrite index (index create --rewrites), one line per link instead, as \
                'discover --sources' writes them: {"format": 1, "story": …, "source": …, "verdict": …}.
                """ + "\n\n" + ExitStatusHelp.corpus)

        @Argument(help: "The index file.") var index: String
        @OptionGroup var input: InputOptions
        @OptionGroup var signatureInput: SignatureInput
        @OptionGroup(title: "Hashing options (default: the index's; a given one must agree with it)") var hashing: IndexHashingOptions
        @OptionGroup var common: Common

        @Option(name: .long, help: "Threshold (default: the one the index was created with).")
        var threshold: Double?

        @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
        @OptionGroup var outputOption: OutputOption

        @Flag(name: .long, help: "Write only documents that have matches.")
        var matchesOnly = false

        func validate() throws {
            if let threshold { try Limits.checkThreshold(threshold, "--threshold", includingOne: true) }
            try outputOption.check(against: [index] + input.inputs)
        }

        func run() throws {
            if RewriteArchive.isArchiveFile(index) {
                try RewriteIndex.refuse(hashing: hashing.anyGiven, signatures: signatureInput.signatures, threshold: threshold, file: index)
                try RewriteIndex.query(path: index, input: input, output: outputOption.output, quiet: common.progress.quiet)
                return
            }
            try input.checkInputsExist()
            let progress = ProgressReporter(common.progress, inputs: input.inputs)
            defer { progress.stop() }
            var skipped = 0
            var matched = 0
            let loadStart = Date()
            do {
                let deduplicator = try NearDuplicateIndex(contentsOf: index)
                if let contradiction = hashing.contradiction(with: deduplicator.configuration, file: index) {
                    throw NearDupError(.incompatibleSignatures, contradiction)
                }
                if let threshold, threshold < deduplicator.threshold {
                    StandardError.warning(
                        "--threshold \(threshold) is below the \(deduplicator.threshold) \(index) was built for: its LSH bands find pairs below that by chance only, so most are missed. For rewrites, use neardup discover --sources")
                }
                let loadSeconds = Date().timeIntervalSince(loadStart)
                let sink = try OutputSink(path: outputOption.output)
                try signatureInput.read(input, progress: progress) { id, content, location, record in
                    let matches: [IndexMatch]
                    switch content {
                    case .text(let text):
                        matches = deduplicator.query(text, threshold: threshold)
                    case .signature(let signature):
                        do {
                            matches = try deduplicator.query(signature: signature, threshold: threshold)
                        } catch let error as NearDupError where error.code == .incompatibleSignatures {
                            skipped += 1
                            StandardError.write("neardup: \(location): skipped: \(error.message)")
                            return
                        }
                    }
                    progress.document()
                    if !matches.isEmpty { matched += 1 }
                    guard !matches.isEmpty || !matchesOnly else { return }
                    // Copies of one text match with equal similarities, next to each other:
                    // their similarity text is formatted once.
                    var matchesJSON = "["
                    var formatted: (estimate: Double, jaccard: Double?, text: String)?
                    for (i, match) in matches.enumerated() {
                        if formatted == nil || formatted!.estimate != match.estimate || formatted!.jaccard != match.jaccard {
                            let text = ",\"estimate\":\(DedupCommand.rounded(match.estimate))"
                                + (match.jaccard.map { ",\"jaccard\":\(DedupCommand.rounded($0))" } ?? "") + "}"
                            formatted = (match.estimate, match.jaccard, text)
                        }
                        matchesJSON += i == 0 ? "{\"id\":" : ",{\"id\":"
                        matchesJSON += JSONLine.quoted(match.id)
                        matchesJSON += formatted!.text
                    }
                    var line = JSONLine(format: OutputFormat.indexQuery)
                    line.append("id", id)
                    line.append("matches", json: matchesJSON + "]")
                    sink.write(line.text)
                } problem: { problem in
                    if problem.severity == .skipped { skipped += 1 }
                    StandardError.write("neardup: \(problem)")
                }
                try StandardError.exitIfEveryInputSkipped(documents: progress.totals.documents, skipped: skipped, outputs: [outputOption.output])
                try sink.commit()
                progress.stop()
                progress.summary(
                    "index of \(deduplicator.count) documents loaded in \(ProgressReporter.format(loadSeconds, 2)) s; "
                        + "\(progress.totals.documents) queries, \(matched) with matches, in \(ProgressReporter.format(progress.elapsed, 2)) s")
            } catch let error as NearDupError {
                progress.stop()
                StandardError.error(error.message)
                throw ExitCode(2)
            } catch let failure as CommandFailure {
                progress.stop()
                StandardError.error(failure.message)
                throw ExitCode(failure.exitCode)
            }
            try StandardError.exitIfSkipped(skipped)
        }
    }

    /// Reads the corpus into a builder and commits it, with progress and a summary.
    static func build(
        input: InputOptions, signatureInput: SignatureInput, common: Common, path: String, makeBuilder: () throws -> IndexBuilder
    ) throws {
        try input.checkInputsExist()
        let progress = ProgressReporter(common.progress, inputs: input.inputs)
        defer { progress.stop() }
        var skipped = 0
        do {
            let builder = try makeBuilder()
            try signatureInput.read(input, progress: progress) { id, content, location, record in
                switch content {
                case .text(let text):
                    try builder.add(id: id, text: text)
                case .signature(let signature):
                    do {
                        try builder.add(id: id, signature: signature)
                    } catch let error as NearDupError where error.code == .incompatibleSignatures {
                        skipped += 1
                        StandardError.write("neardup: \(location): skipped: \(error.message); give the hashing options the signatures were made with")
                        return
                    }
                }
                progress.document()
            } problem: { problem in
                if problem.severity == .skipped { skipped += 1 }
                StandardError.write("neardup: \(problem)")
            }
            try StandardError.exitIfEveryInputSkipped(documents: progress.totals.documents, skipped: skipped, outputs: [path])
            progress.phase("writing \(path)")
            try builder.finish()
        } catch let error as NearDupError {
            progress.stop()
            StandardError.error(error.message)
            throw ExitCode(2)
        }
        progress.stop()
        progress.summary(
            progress.throughputText() + "; \(path): "
                + "\(ProgressReporter.format(Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6, 1)) MB")
        try StandardError.exitIfSkipped(skipped)
    }
}
