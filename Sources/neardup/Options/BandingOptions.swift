import ArgumentParser
import NearDup

/// The options that decide candidates, shared by `dedup` and `sketch` so that a sketch made for
/// a Spark job bands documents exactly as `dedup` does. (`--verify` stays with each command:
/// `dedup`'s default depends on `--signatures`.)
struct BandingOptions: ParsableArguments {
    @Option(name: .long, help: "Jaccard similarity at which two documents are near-duplicates, in (0, 1).")
    var threshold = 0.8

    @Option(name: .long, help: "LSH bands (default: chosen from the threshold and k).")
    var bands: Int?

    @Option(name: .long, help: "LSH rows per band (default: chosen from the threshold and k).")
    var rows: Int?

    /// Checks the options against k (`--permutations`).
    func validate(permutations: Int) throws {
        try Limits.checkThreshold(threshold, "--threshold", includingOne: false)
        guard (bands == nil) == (rows == nil) else { throw ValidationError("give --bands and --rows together") }
        if let bands, let rows {
            // Each at most k first, so that the product cannot overflow.
            guard (1...permutations).contains(bands), (1...permutations).contains(rows), bands * rows <= permutations else {
                throw ValidationError("--bands × --rows must be from 1 to --permutations (\(permutations))")
            }
        }
    }

    /// The explicit banding, if given.
    var explicitLSH: LSHParameters? {
        guard let bands, let rows else { return nil }
        return LSHParameters(bands: bands, rows: rows)
    }

    /// The banding in use: explicit, or chosen from the threshold and k as `dedup` chooses it.
    func lsh(permutations: Int) -> LSHParameters {
        explicitLSH ?? LSHParameters(threshold: threshold, permutations: permutations)
    }
}
