import ArgumentParser
import NearDup

/// `--shingle words:N|chars:N`, parsed once when the arguments are read (a usage error, exit
/// status 64, naming what is allowed), so that no command parses it again or force-unwraps it.
enum ShinglingArgument {
    /// The shingling `text` names.
    ///
    /// - Throws: `ValidationError` naming the forms and sizes allowed.
    static func parse(_ text: String) throws -> Shingling {
        guard let shingling = Shingling(text) else {
            throw ValidationError("expected words:N or chars:N with N from 1 to \(Shingling.maximumSize)")
        }
        return shingling
    }
}
