import ArgumentParser
import NearDup

/// `neardup sign`: a corpus in, one JSONL signature record a document out.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Compute MinHash signatures of a corpus, as JSONL.",
        discussion: """
            Each output line is {"id": …, <the record's other fields>, "signature": {"format", \
            "scheme", "permutations", "seed", "shingling", "fold_diacritics", "set_size", "hashvalues"}}; \
            format is the signature format version (2; signatures of another version are \
            refused when read); hashvalues is base64 of the k values as little-endian 64-bit integers. The text field \
            is not copied, and a record's own "id" (with --id-field naming another field) and "signature" are \
            replaced, never written twice. Records that cannot be read are reported on standard error with their \
            file, line and byte offset and left out; the exit status is then 1.
            """ + "\n\n" + ExitStatusHelp.corpus)

    @OptionGroup var input: InputOptions
    @OptionGroup var hashing: HashingOptions

    @OptionGroup var formatOption: FormatOption<JSONLinesFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var progressOptions: ProgressOptions

    func validate() throws {
        try outputOption.check(against: input.inputs)
    }

    func run() throws {
        try CorpusRun.perform(input, progressOptions) { progress in
            let hasher = MinHasher(hashing.configuration)
            let workspace = hasher.makeWorkspace()
            let configuration = hasher.configuration
            let signatureOpening =
                "{\"format\":\(Signature.formatVersion),\"scheme\":\"\(configuration.scheme.rawValue)\",\"permutations\":\(configuration.permutations)"
                + ",\"seed\":\(configuration.seed),\"shingling\":\"\(configuration.shingling)\""
                + ",\"fold_diacritics\":\(configuration.normalization.foldsDiacritics)"
            let sink = try outputOption.open()
            var skipped = 0
            var reader = input.reader(progress: progress)
            // The output's own members: a record's "id" (with --id-field naming another field) and
            // a stale "signature" are replaced, never written twice (issue 17).
            reader.omittedFields = ["id", "signature"]
            try reader.read(input.inputs) { document in
                progress.document()
                let signature = hasher.signature(for: document.text, using: workspace)
                var line = JSONLine()
                line.append("id", document.id)
                if let others = document.otherFieldsJSON { line.append(members: others) }
                line.append(
                    "signature", json: signatureOpening + ",\"set_size\":\(signature.setSize),\"hashvalues\":\"\(signature.hashValuesBase64)\"}")
                sink.write(line.text)
            } problem: { problem in
                if problem.severity == .skipped { skipped += 1 }
                StandardError.write("neardup: \(problem)")
            }
            progress.phase("writing")
            try StandardError.exitIfEveryInputSkipped(documents: progress.totals.documents, skipped: skipped, outputs: [outputOption.output])
            try sink.commit()
            return .init(skipped: skipped) { progress.throughputText() }
        }
    }
}
