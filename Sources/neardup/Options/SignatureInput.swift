import ArgumentParser
import NearDup

/// `--signatures`: the inputs are the JSONL that `neardup sign` writes, not texts (dedup and
/// index). Signatures carry no shingles, so only estimates can be made from them.
struct SignatureInput: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Inputs are JSONL signature records written by 'neardup sign' ({\"id\", other fields, \"signature\"}), not texts. Signatures carry no shingles: candidates are verified by estimate, and the hashing options must be those of the signatures."))
    var signatures = false

    /// The verification a command uses: `verify` when given, else exact for texts and estimate
    /// for signatures. Exact verification of signatures is refused.
    func verification(_ verify: Verification?) throws -> Verification {
        guard let verification = verify else { return signatures ? .estimate : .exact }
        if signatures && verification == .exact {
            throw ValidationError(
                "--verify exact needs the texts: signatures carry no shingles, so only estimates can be made from them (--verify estimate, the default with --signatures)")
        }
        return verification
    }

    /// Reads the inputs as texts or as signature records, whichever `--signatures` says,
    /// calling `add` with each document's id, its text or signature, its location and its
    /// record (the JSONL line, or `nil` for a text file; `nil` for texts too without
    /// `keepsRecords`, which spares the reader a copy of every line).
    func read(
        _ input: InputOptions, progress: ProgressReporter? = nil, keepsRecords: Bool = true, add: (_ id: String, _ content: Content, _ location: SourceLocation, _ record: [UInt8]?) throws -> Void,
        problem: (CorpusProblem) -> Void
    ) throws {
        if signatures {
            try input.reader(progress: progress).readSignatures(input.inputs, signature: { try add($0.id, .signature($0.signature), $0.location, $0.record) }, problem: problem)
        } else {
            try input.reader(progress: progress, keepsRecords: keepsRecords).read(input.inputs, document: { try add($0.id, .text($0.text), $0.location, $0.record) }, problem: problem)
        }
    }

    /// A document's content as read.
    enum Content {
        case text(String)
        case signature(Signature)

    }
}
