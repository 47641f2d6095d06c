import ArgumentParser

/// The ranges of the numeric options, checked when the arguments are parsed (a usage error,
/// exit status 64), so that no value reaches the work that would overflow, allocate without
/// bound or match nothing (issue 17, item 10).
enum Limits {
    /// `--pairwise-limit`: a group this large is already a million pairs.
    static let maximumPairwiseLimit = 1 << 20
    /// `sketch --first-line` and any line number: 2⁴⁰ (line numbers are packed in 40 bits).
    static let maximumLine = 1 << 40
    /// `generate --documents`.
    static let maximumGeneratedDocuments = 1 << 40
    /// `generate --words`: average words a document (a long story has a few thousand).
    static let maximumGeneratedWords = 100_000

    /// Refuses a Jaccard threshold outside (0, 1), or (0, 1] with `includingOne`; NaN and
    /// infinities are outside.
    static func checkThreshold(_ value: Double, _ option: String, includingOne: Bool) throws {
        let inRange = value > 0 && (includingOne ? value <= 1 : value < 1)
        guard inRange else {
            throw ValidationError("\(option) must be a Jaccard similarity from 0 to 1 (\(includingOne ? "0 excluded" : "both excluded")), not \(value)")
        }
    }
}
