import ArgumentParser
import NearDup

/// The hashing options of `index add` and `index query`: the index file holds its settings, so
/// each option is optional. A given option must agree with the file (else an error naming both
/// values); a missing one is the file's.
struct IndexHashingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Shingles (default: the index's); must agree with the index.", valueName: "unit:n"), transform: ShinglingArgument.parse)
    var shingle: Shingling?

    @Option(name: .long, help: "Number of MinHash values (default: the index's); must agree with the index.")
    var permutations: Int?

    @Option(name: .long, help: "Seed of every hash (default: the index's); must agree with the index.")
    var seed: UInt64?

    @Option(name: .long, help: "MinHash scheme (default: the index's); must agree with the index.")
    var scheme: MinHashScheme?

    @Flag(name: .long, inversion: .prefixedNo, help: "Diacritic folding (default: the index's); must agree with the index.")
    var foldDiacritics: Bool?

    /// The first given option that contradicts `configuration` (the file's), as an error
    /// message; `nil` when every given option agrees.
    /// Whether any hashing option was given (a rewrite index has none to agree with).
    var anyGiven: Bool {
        shingle != nil || permutations != nil || seed != nil || scheme != nil || foldDiacritics != nil
    }

    func contradiction(with configuration: MinHashConfiguration, file: String) -> String? {
        var given: [(option: String, value: String, held: String)] = []
        if let shingle { given.append(("--shingle", shingle.description, configuration.shingling.description)) }
        if let permutations { given.append(("--permutations", "\(permutations)", "\(configuration.permutations)")) }
        if let seed { given.append(("--seed", "\(seed)", "\(configuration.seed)")) }
        if let scheme { given.append(("--scheme", scheme.rawValue, configuration.scheme.rawValue)) }
        if let foldDiacritics, foldDiacritics != configuration.normalization.foldsDiacritics {
            let flag = { (on: Bool) in on ? "--fold-diacritics" : "--no-fold-diacritics" }
            return "\(flag(foldDiacritics)) contradicts \(file), made with \(flag(!foldDiacritics)); leave the option out to use the index's"
        }
        for g in given where g.value != g.held {
            return "\(g.option) \(g.value) contradicts \(file), made with \(g.option) \(g.held); leave the option out to use the index's"
        }
        return nil
    }
}
