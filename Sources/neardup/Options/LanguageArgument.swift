import ArgumentParser
import NearDup

/// `--language NAME` (`report`, `discover`): a Snowball stemmer's name or ISO 639 code, read once
/// into a ``ReportLanguage`` when the arguments are parsed (a usage error, exit status 64,
/// naming the languages there are), so that no command parses it again.
enum LanguageArgument {
    /// The language `text` names.
    ///
    /// - Throws: `ValidationError` naming the known languages.
    static func parse(_ text: String) throws -> ReportLanguage {
        do throws(NearDupError) {
            return try ReportLanguage(text)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
