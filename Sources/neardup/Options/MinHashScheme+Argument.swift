import ArgumentParser
import NearDup

/// `--scheme one-permutation|classic`: parsed, listed in the help and refused when unknown by
/// the argument parser.
extension MinHashScheme: ExpressibleByArgument {}
