import ArgumentParser

/// A comma-separated list of fixed choices (`generate --kinds word-edits,truncation`), read into
/// its enum cases when the arguments are parsed: an unknown name or an empty list is a usage
/// error (exit status 64) naming the choices there are.
struct ChoiceList<Choice: CaseIterable & RawRepresentable<String>>: ExpressibleByArgument, LosslessStringConvertible {
    /// The choices named, in the order given.
    var choices: [Choice]

    /// Every choice, in declaration order (the default of the options that take a list).
    static var all: Self { Self(choices: Array(Choice.allCases)) }

    init(choices: [Choice]) { self.choices = choices }

    /// The parser's own reading (a nil makes its generic message; ``parse(_:)`` is the one the
    /// options use, for a message naming the unknown choice).
    init?(argument: String) {
        guard let list = try? Self.parse(argument) else { return nil }
        self = list
    }

    /// The choices named by `text`, comma-separated (spaces around a name are ignored).
    ///
    /// - Throws: `ValidationError` naming an unknown choice and the choices there are, or an
    ///   empty list.
    static func parse(_ text: String) throws -> Self {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw ValidationError("name at least one of \(known)") }
        return Self(choices: try names.map { name in
            guard let choice = Choice(rawValue: name) else { throw ValidationError("unknown kind '\(name)'; the kinds are \(known)") }
            return choice
        })
    }

    private static var known: String { Choice.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The list read from its ``description``.
    init?(_ description: String) { self.init(argument: description) }

    /// The names, comma-separated (the default as the help shows it).
    var description: String { choices.map(\.rawValue).joined(separator: ",") }

    /// The default as the help shows it.
    var defaultValueDescription: String { description }
}
