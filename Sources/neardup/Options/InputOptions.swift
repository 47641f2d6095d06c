import ArgumentParser
import NearDup

/// Options for commands that read a corpus.
struct InputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "JSONL files (.jsonl, .ndjson, .json: one {\"id\": …, \"text\": …} object a line), text files, folders of either, or - for JSONL on standard input (once). Gzip input (.gz, or any file starting 1f 8b) is decompressed.",
        valueName: "input"))
    var inputs: [String] = []

    @Option(name: .long, help: "JSONL field holding the document id (a string; a number keeps its literal text; missing or empty: FILE:LINE).")
    var idField = "id"

    @Option(name: .long, help: "JSONL field holding the text.")
    var textField = "text"

    @Option(name: .long, help: "Skip documents (or JSONL lines) larger than this many bytes.")
    var maxDocumentBytes = 64 << 20

    mutating func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (a file, a folder or -)") }
        try StandardInput.checkReadOnce(inputs)
        guard (1...(1 << 40)).contains(maxDocumentBytes) else {
            throw ValidationError("--max-document-bytes must be from 1 to \(1 << 40)")
        }
    }

    /// The reader of the inputs; with `progress`, every byte read from them is counted there;
    /// without `keepsRecords`, JSONL documents come without their line (``CorpusReader/keepsRecords``).
    func reader(progress: ProgressReporter? = nil, keepsRecords: Bool = true) -> CorpusReader {
        var reader = CorpusReader(idField: idField, textField: textField, maximumDocumentBytes: maxDocumentBytes)
        reader.keepsRecords = keepsRecords
        if let progress { reader.inputBytesRead = { progress.read(bytes: $0) } }
        return reader
    }

    /// Fails with exit code 2, naming the path, when an input is missing or unreadable.
    func checkInputsExist() throws {
        do {
            try CorpusReader.checkPathsExist(inputs)
        } catch let error as NearDupError {
            StandardError.error(error.message)
            throw ExitCode(2)
        }
    }
}
