import ArgumentParser
import Foundation
import NearDup

/// `neardup compare A B`: exact and estimated similarity of two files.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two text files: exact Jaccard, MinHash estimate, containment both ways.",
        discussion: """
            Jaccard is |A ∩ B| / |A ∪ B| over the files' shingle sets; containment a_in_b is \
            |A ∩ B| / |A| (how much of A is found in B). The estimate comes from the MinHash \
            signatures and has a standard deviation of about sqrt(J(1-J)/k).
            Either file can be - (standard input); gzip files are decompressed.
            """
            + "\n\n" + ExitStatusHelp.text([
                ExitStatusHelp.success,
                ExitStatusHelp.failure,
                ExitStatusHelp.usage, ExitStatusHelp.signal,
            ]))

    @Argument(help: "The first file (- for standard input).")
    var a: String

    @Argument(help: "The second file (- for standard input).")
    var b: String

    @OptionGroup var formatOptions: JSONFormatOptions<CompareFormat>
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var quietOption: QuietOption

    @OptionGroup var hashing: HashingOptions

    func validate() throws {
        try StandardInput.checkReadOnce([a, b])
        try outputOption.check(against: [a, b])
    }

    func run() throws {
        let sink = try outputOption.open()  // fails before any work
        let documents = try [a, b].map { path -> String in
            switch TextFile.read(path: path) {
            case .success(let decoded):
                if let warning = decoded.warning { StandardError.warning("\(SourceLocation(path: path)): \(warning)") }
                return decoded.text
            case .failure(let problem):
                StandardError.error("\(problem.location): \(problem.message)")
                throw ExitCode(2)
            }
        }
        let configuration = hashing.configuration
        let sets = documents.map {
            ShingleSet(
                text: $0, shingling: configuration.shingling, seed: configuration.seed,
                normalization: configuration.normalization)
        }
        let hasher = MinHasher(configuration)
        let signatures = documents.map { hasher.signature(for: $0) }
        let comparison = Comparison(
            jaccard: sets[0].jaccard(sets[1]),
            estimate: try signatures[0].jaccard(signatures[1]),
            aInB: sets[0].containment(in: sets[1]),
            bInA: sets[1].containment(in: sets[0]),
            estimatedAInB: try signatures[0].containment(in: signatures[1]),
            estimatedBInA: try signatures[1].containment(in: signatures[0]),
            shinglesA: sets[0].count, shinglesB: sets[1].count,
            shared: sets[0].intersectionCount(sets[1]))
        let rendered = formatOptions.resolved == .json
            ? comparison.json(a: a, b: b, configuration: configuration)
            : comparison.text(a: a, b: b, configuration: configuration)
        sink.write(rendered + "\n")
        try sink.commit()
    }

    struct Comparison {
        var jaccard, estimate, aInB, bInA, estimatedAInB, estimatedBInA: Double
        var shinglesA, shinglesB, shared: Int

        /// One JSON object (`"format"` first, then the members in alphabetical order).
        func json(a: String, b: String, configuration: MinHashConfiguration) -> String {
            func containment(_ aInB: Double, _ bInA: Double) -> String {
                var object = JSONLine()
                object.append("a_in_b", aInB)
                object.append("b_in_a", bInA)
                return object.json
            }
            var shingles = JSONLine()
            shingles.append("a", shinglesA)
            shingles.append("b", shinglesB)
            shingles.append("shared", shared)
            var line = JSONLine(format: OutputFormat.compare)
            line.append("a", a)
            line.append("b", b)
            line.append("configuration", configuration.description)
            line.append("containment", json: containment(aInB, bInA))
            line.append("estimate", estimate)
            line.append("estimated_containment", json: containment(estimatedAInB, estimatedBInA))
            line.append("jaccard", jaccard)
            line.append("shingles", json: shingles.json)
            return line.json
        }

        func text(a: String, b: String, configuration: MinHashConfiguration) -> String {
            func f(_ x: Double) -> String { String(format: "%.4f", x) }
            return """
                A: \(a) (\(shinglesA) shingles)
                B: \(b) (\(shinglesB) shingles)
                shared shingles:      \(shared)
                Jaccard (exact):      \(f(jaccard))
                Jaccard (MinHash):    \(f(estimate))   [\(configuration)]
                containment A in B:   \(f(aInB))   (estimate \(f(estimatedAInB)))
                containment B in A:   \(f(bInA))   (estimate \(f(estimatedBInA)))
                """
        }
    }
}

/// The formats of `neardup compare`.
enum CompareFormat: String, JSONFormatChoice {
    case text, json
    static var standard: Self { .text }
    static var help: String { "Output format: text (a few aligned lines) or json (one JSON object)." }
}
