import ArgumentParser
import NearDup

/// `--verify exact|estimate`: parsed, listed in the help and refused when unknown by the
/// argument parser.
extension Verification: ExpressibleByArgument {}
