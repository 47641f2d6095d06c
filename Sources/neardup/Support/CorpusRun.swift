/// The run of a command that reads a corpus (or makes one) with a progress line: `sign`,
/// `sketch`, `dedup`, `generate`. It checks that the inputs exist (a missing one ends the run
/// with exit status 2 before any work), shows progress while the work runs and stops it however
/// the run ends, then writes the closing summary (unless `--quiet`) and ends with exit status 1
/// when inputs were skipped.
///
/// Errors end the run from ``NearDupCommand/main()``: a ``NearDupError`` or ``CommandFailure``
/// thrown by the work is reported there (`neardup: error: …`, exit status 2 or the failure's),
/// after the progress line is cleared.
enum CorpusRun {
    /// What the work reports back.
    struct Outcome {
        /// Inputs skipped (each already named on standard error).
        var skipped = 0
        /// The summary after `neardup: ` (built only when it is written).
        var summary: () -> String
    }

    /// Runs `work` with a progress reporter.
    ///
    /// - Parameters:
    ///   - input: the inputs, checked first and sizing the progress bar; nil for `generate`.
    ///   - options: `-q/--quiet` and `--progress`.
    ///   - totalDocuments: the documents the run will count, when known in advance.
    ///   - work: the command's work; returns the skipped count and the summary.
    static func perform(
        _ input: InputOptions?, _ options: ProgressOptions, totalDocuments: Int? = nil, _ work: (ProgressReporter) throws -> Outcome
    ) throws {
        try input?.checkInputsExist()
        let progress = ProgressReporter(options, inputs: input?.inputs ?? [], totalDocuments: totalDocuments)
        defer { progress.stop() }
        let outcome = try work(progress)
        progress.stop()
        progress.summary(outcome.summary())
        try StandardError.exitIfSkipped(outcome.skipped)
    }
}
