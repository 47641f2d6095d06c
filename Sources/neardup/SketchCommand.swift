import ArgumentParser
import Foundation
import NearDup

/// `neardup sketch`: per document, what a cluster needs to deduplicate a corpus as `dedup` does
/// (band keys, set size, compact signature, shingle fingerprints), as JSONL. The Spark job
/// (`integrations/spark/dedup.py`) streams each partition through it.
struct SketchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sketch",
        abstract: "Compute what deduplication on a cluster needs of each document, as JSONL.",
        discussion: """
            One line per document, in input order:
              {"format": 1, "id": …, "line": n, "set_size": n, "bands": b64, "signature": b64, "fingerprints": b64}
            line: the JSONL line (absent for text files); bands: the b LSH band keys as \
            little-endian u64 (documents sharing a key in some band are candidates; b and r as \
            `dedup` chooses them for --threshold and k, or --bands/--rows); signature: the k \
            compact values as little-endian u32 (estimate = share of equal slots); fingerprints: \
            the distinct 64-bit shingle hashes, ascending, little-endian u64 (exact Jaccard = \
            |A ∩ B| / |A ∪ B|; empty with --verify estimate). A document with set_size 0 is \
            never a candidate. An input that is skipped or read with a caveat gives
              {"format": 1, "skipped": "file:line:column: message", "line": n}   or   {"format": 1, "warning": …, "line": n}
            besides the usual message on standard error; the exit status is then 1.
            --stdin-name and --first-line name and number standard input as a slice of a file, \
            so that messages and the ids of records without one match `dedup` on the whole file.
            """ + "\n\n" + ExitStatusHelp.corpus)

    @OptionGroup var input: InputOptions
    @OptionGroup var hashing: HashingOptions
    @OptionGroup var banding: BandingOptions

    @Option(name: .long, help: "'exact': with the shingle fingerprints exact verification needs; 'estimate': without.")
    var verify = Verification.exact

    @Option(name: .long, help: "The name standard input (-) goes by in messages and derived ids.")
    var stdinName = "-"

    @Option(name: .long, help: "The line number of standard input's first line.")
    var firstLine = 1

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var progressOptions: ProgressOptions

    mutating func validate() throws {
        try banding.validate(permutations: hashing.permutations)
        guard (1...Limits.maximumLine).contains(firstLine) else { throw ValidationError("--first-line must be from 1 to \(Limits.maximumLine)") }
        try outputOption.check(against: input.inputs)
    }

    func run() throws {
        try CorpusRun.perform(input, progressOptions) { progress in
            var reader = input.reader(progress: progress)
            reader.standardInputName = stdinName
            reader.standardInputFirstLine = firstLine
            let sketcher = DedupSketcher(
                configuration: hashing.configuration, lsh: banding.lsh(permutations: hashing.permutations),
                keepsFingerprints: verify == .exact)
            let sink = try outputOption.open()
            var problems = 0
            try reader.read(input.inputs) { document in
                progress.document()
                let sketch = sketcher.sketch(document.text)
                var line = JSONLine(format: OutputFormat.sketch)
                line.append("id", document.id)
                if let number = document.location.line { line.append("line", number) }
                line.append("set_size", sketch.setSize)
                line.append("bands", Self.base64(sketch.bandKeys))
                line.append("signature", Self.base64(sketch.compactSignature))
                line.append("fingerprints", Self.base64(sketch.fingerprints))
                sink.write(line.text)
            } problem: { problem in
                problems += problem.severity == .skipped ? 1 : 0
                StandardError.write("neardup: \(problem)")
                var line = JSONLine(format: OutputFormat.sketch)
                line.append(problem.severity.rawValue, problem.description)
                if let number = problem.location.line { line.append("line", number) }
                sink.write(line.text)
            }
            try StandardError.exitIfEveryInputSkipped(documents: progress.totals.documents, skipped: problems, outputs: [outputOption.output])
            try sink.commit()
            return .init(skipped: problems) { progress.throughputText() }
        }
    }

    /// Base64 of the values laid out little-endian.
    static func base64<T: FixedWidthInteger>(_ values: [T]) -> String {
        values.map(\.littleEndian).withUnsafeBytes { Data($0).base64EncodedString() }
    }
}
