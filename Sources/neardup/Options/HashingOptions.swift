import ArgumentParser
import NearDup

/// The hashing options every command shares: `--shingle`, `--permutations`, `--seed`, `--scheme`.
struct HashingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Shingles: words:N or chars:N. (default: \(Shingling.default))", valueName: "unit:n"), transform: ShinglingArgument.parse)
    var shingle: Shingling = .default

    @Option(name: .long, help: "Number of MinHash values (k).")
    var permutations: Int = 128

    @Option(name: .long, help: "Seed of every hash.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "MinHash scheme: one-permutation (fast, default) or classic (k hash functions).")
    var scheme: MinHashScheme = .onePermutation

    @Flag(name: .long, help: "Fold diacritics (café = cafe) when normalising words.")
    var foldDiacritics = false

    mutating func validate() throws {
        guard (1...MinHashConfiguration.maximumPermutations).contains(permutations) else {
            throw ValidationError("--permutations must be from 1 to \(MinHashConfiguration.maximumPermutations)")
        }
    }

    var configuration: MinHashConfiguration {
        MinHashConfiguration(
            scheme: scheme, permutations: permutations, seed: seed,
            shingling: shingle, normalization: Normalization(foldsDiacritics: foldDiacritics))
    }
}
