import ArgumentParser
import Foundation
import NearDup

/// `neardup dedup`: every near-duplicate pair and cluster of a corpus, and the corpus without them.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Find near-duplicate pairs and clusters in a corpus; write the deduplicated corpus.",
        discussion: """
            Documents are signed on all cores, grouped by LSH bands chosen so that at least 99.5% \
            of pairs right at the threshold become candidates, and every candidate is verified: \
            by exact Jaccard of the shingle sets (--verify exact, the default) or by the MinHash \
            estimate (--verify estimate). Outputs are JSONL, written atomically:
              --pairs     {"format": 1, "a", "b", "estimate", "jaccard"} per verified pair; a cluster of
                          more than --pairwise-limit documents gives a line per member:
                          the representative, the member and "group": its size
              --clusters  {"format": 1, "representative": id, "size": n, "members": [ids]} per cluster
              --keep      the input records of one document per cluster (the earliest) and
                          of every document in no cluster, other fields unchanged
            Without any of them, pairs go to standard output. Output is the same for any --threads.
            Inputs that cannot be read are reported on standard error with file, line and byte \
            offset and left out; the exit status is then 1.

            Examples:
              neardup dedup news.jsonl --pairs pairs.jsonl --clusters clusters.jsonl --keep unique.jsonl
              cat *.jsonl | neardup dedup - --threshold 0.7 --verify estimate
            """ + "\n\n" + ExitStatusHelp.corpus)

    @OptionGroup var input: InputOptions
    @OptionGroup var signatureInput: SignatureInput
    @OptionGroup var hashing: HashingOptions

    @OptionGroup var banding: BandingOptions

    @Option(name: .long, help: "Verify candidates by 'exact' Jaccard of the shingles (default for texts) or by the MinHash 'estimate' (default and only choice for --signatures).")
    var verify: Verification?

    @Option(name: [.customShort("o"), .long, .customLong("output")], help: ArgumentHelp("Write verified pairs (JSONL) to this file (- for standard output); -o and --output are its other names.", valueName: "file"))
    var pairs: String?

    @Option(name: .long, help: ArgumentHelp("Write clusters (JSONL) to this file.", valueName: "file"))
    var clusters: String?

    @Option(name: .long, help: ArgumentHelp("Write the deduplicated corpus (JSONL) to this file.", valueName: "file"))
    var keep: String?

    @Option(name: .long, help: ArgumentHelp(
        "Largest group handled pair by pair: a larger cluster lists each member against its representative, with a \"group\" field.",
        valueName: "n"))
    var pairwiseLimit = 100

    @Option(name: .long, help: "Threads for signing and verification (default: all cores).")
    var threads: Int?

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var progressOptions: ProgressOptions

    mutating func validate() throws {
        try banding.validate(permutations: hashing.permutations)
        _ = try signatureInput.verification(verify)
        try ThreadCount.validate(threads)
        guard (2...Limits.maximumPairwiseLimit).contains(pairwiseLimit) else {
            throw ValidationError("--pairwise-limit must be from 2 to \(Limits.maximumPairwiseLimit)")
        }
        guard [pairs, clusters, keep].filter({ $0 == "-" }).count <= 1 else {
            throw ValidationError("only one of --pairs, --clusters and --keep can be - (standard output)")
        }
        try OutputRule.check(outputs: [("--pairs", pairs), ("--clusters", clusters), ("--keep", keep)], inputs: input.inputs)
    }

    func run() throws {
        let options = CorpusDeduplicator.Options(
            threshold: banding.threshold, verification: try signatureInput.verification(verify), lsh: banding.explicitLSH,
            threads: ThreadCount.resolve(threads), keepsRecords: keep != nil, pairwiseLimit: pairwiseLimit)
        try CorpusRun.perform(input, progressOptions) { progress in
            var skipped = 0
            // Open every output first: a path that cannot be written fails before any work.
            let pairsPath = pairs ?? (clusters == nil && keep == nil ? "-" : nil)
            let pairsSink = try pairsPath.map { try OutputSink(path: $0) }
            let clustersSink = try clusters.map { try OutputSink(path: $0) }
            let keepSink = try keep.map { try OutputSink(path: $0) }
            let dedup = try CorpusDeduplicator(configuration: hashing.configuration, options: options)
            let keepsRecords = keep != nil
            var locations = DocumentLocations()
            try signatureInput.read(input, progress: progress, keepsRecords: keepsRecords) { id, content, location, record in
                var record = record
                do {
                    switch content {
                    case .text(let text):
                        if keepsRecords && record == nil {
                            var line = JSONLine()
                            line.append("id", id)
                            line.append("text", text)
                            record = Array(line.text.utf8.dropLast())  // the record without its newline
                        }
                        try dedup.add(id: id, text: text, record: record)
                    case .signature(let signature):
                        try dedup.add(id: id, signature: signature, record: record)
                    }
                } catch let error as NearDupError where error.code == .duplicateID {
                    // Keep the first, leave this one out, name both (README, "Bad input").
                    skipped += 1
                    let first = dedup.position(ofID: id).map { locations[$0] } ?? "an earlier document"
                    StandardError.write(
                        "neardup: \(location): skipped: duplicate id \(JSONLine.quoted(id)), first at \(first); the first is kept")
                    return
                } catch let error as NearDupError where error.code == .incompatibleSignatures {
                    skipped += 1
                    StandardError.write("neardup: \(location): skipped: \(error.message); give the hashing options the signatures were made with")
                    return
                }
                locations.append(location)
                progress.document()
            } problem: { problem in
                if problem.severity == .skipped { skipped += 1 }
                StandardError.write("neardup: \(problem)")
            }
            try StandardError.exitIfEveryInputSkipped(
                documents: progress.totals.documents, skipped: skipped, outputs: [pairsPath, clusters, keep])
            let result = try dedup.finish { progress.phase($0) }
            try write(result, pairs: pairsSink, clusters: clustersSink, keep: keepSink)
            let copies = signatureInput.signatures ? "identical signatures" : "exact copies"
            return .init(skipped: skipped) {
                progress.throughputText() + "; "
                    + "\(result.copyCount) \(copies), \(result.candidateCount) candidates, \(result.pairs.count) pairs, \(result.clusters.count) clusters, "
                    + "\(result.isKept.filter { $0 }.count) kept"
            }
        }
    }

    /// Writes the outputs, then commits them (each renamed into place only when complete).
    private func write(_ result: DedupResult, pairs: OutputSink?, clusters: OutputSink?, keep: OutputSink?) throws {
        let ids = result.ids
        if let sink = pairs {
            for pair in result.pairs {
                var line = JSONLine(format: OutputFormat.pairs)
                line.append("a", ids[pair.first])
                line.append("b", ids[pair.second])
                line.append("estimate", Self.rounded(pair.estimate))
                if let jaccard = pair.jaccard { line.append("jaccard", Self.rounded(jaccard)) }
                if let group = pair.group { line.append("group", group) }
                sink.write(line.text)
            }
        }
        if let sink = clusters {
            for cluster in result.clusters {
                var line = JSONLine(format: OutputFormat.clusters)
                line.append("representative", ids[cluster.representative])
                line.append("size", cluster.members.count)
                line.append("members", strings: cluster.members.map { ids[$0] })
                sink.write(line.text)
            }
        }
        if let sink = keep {
            let newline: [UInt8] = [0x0A]
            try result.forEachKeptRecord { _, record in
                sink.write(bytes: record)
                newline.withUnsafeBytes { sink.write(bytes: $0) }
            }
        }
        for sink in [pairs, clusters, keep].compactMap({ $0 }) { try sink.commit() }
    }

    /// Six decimals: enough to tell 0.799999 from 0.8, short enough to read.
    static func rounded(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }
}
