import ArgumentParser
import NearDup

/// The hashing options every command shares: `--shingle`, `--permutations`, `--seed`, `--scheme`.
struct HashingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Shingles: words:N or chars:N.", valueName: "unit:n"))
    var shingle: String = "words:5"

    @Option(name: .long, help: "Number of MinHash values (k).")
    var permutations: Int = 128

    @Option(name: .long, help: "Seed of every hash.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "MinHash scheme: one-permutation (fast, default) or classic (k hash functions).")
    var scheme: String = MinHashScheme.onePermutation.rawValue

    @Flag(name: .long, help: "Fold diacritics (café = cafe) when normalising words.")
    var foldDiacritics = false

    mutating func validate() throws {
        guard Shingling(shingle) != nil else {
            throw ValidationError("--shingle must be words:N or chars:N with N from 1 to \(Shingling.maximumSize), not '\(shingle)'")
        }
        guard (1...MinHashConfiguration.maximumPermutations).contains(permutations) else {
            throw ValidationError("--permutations must be from 1 to \(MinHashConfiguration.maximumPermutations)")
        }
        guard MinHashScheme(rawValue: scheme) != nil else {
            throw ValidationError("--scheme must be one of: \(MinHashScheme.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var configuration: MinHashConfiguration {
        MinHashConfiguration(
            scheme: MinHashScheme(rawValue: scheme)!, permutations: permutations, seed: seed,
            shingling: Shingling(shingle)!, normalization: Normalization(foldsDiacritics: foldDiacritics))
    }
}
