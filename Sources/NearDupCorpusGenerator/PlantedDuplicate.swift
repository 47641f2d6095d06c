/// The kinds of near-duplicate the generator plants.
public enum DuplicateKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Words substituted, inserted or deleted at random places.
    case wordEdits = "word-edits"
    /// Sentences moved to other places.
    case sentenceReorder = "sentence-reorder"
    /// The end of the text cut off.
    case truncation
    /// Site-wide boilerplate sentences added before and/or after the text.
    case boilerplate
}

/// Where boilerplate was added.
public enum BoilerplatePosition: String, Sendable, Hashable, Codable {
    /// `header`: all before the text; `footer`: all after it; `both`: the first half (rounded
    /// up) before the text and the rest after it.
    case header, footer, both
}

/// One planted near-duplicate: which document was copied, into which, and how it was changed.
public struct PlantedDuplicate: Sendable, Hashable {
    /// The edit that turned the source's text into the duplicate's.
    public enum Edit: Sendable, Hashable {
        /// `substitutions + insertions + deletions` single-word edits.
        case wordEdits(substitutions: Int, insertions: Int, deletions: Int)
        /// `moves` times, one sentence was taken out and put back at another place (0 when
        /// the source has a single sentence).
        case sentenceReorder(moves: Int)
        /// The first `keptWords` of `originalWords` words were kept (the cut ends a sentence).
        case truncation(keptWords: Int, originalWords: Int)
        /// Boilerplate sentences of `addedWords` words in all were added at `position`.
        case boilerplate(addedWords: Int, position: BoilerplatePosition)

        /// The kind of duplicate this edit makes, without its parameters.
        public var kind: DuplicateKind {
            switch self {
            case .wordEdits: .wordEdits
            case .sentenceReorder: .sentenceReorder
            case .truncation: .truncation
            case .boilerplate: .boilerplate
            }
        }
    }

    /// Position of the copied document in the corpus.
    public var sourceIndex: Int
    /// Position of the duplicate (always after the source).
    public var duplicateIndex: Int
    /// Id of the copied document (it may itself be a planted duplicate).
    public var sourceID: String
    /// Id of the duplicate.
    public var duplicateID: String
    /// How the text was changed.
    public var edit: Edit

    /// The kind of change.
    public var kind: DuplicateKind { edit.kind }

    /// One line of the ground-truth JSONL file (no trailing newline), for example
    /// `{"source":"doc-000012","duplicate":"doc-000345","kind":"truncation","kept_words":402,"original_words":588}`.
    ///
    /// - Parameters:
    ///   - jaccard: the pair's Jaccard similarity, written as `"jaccard"` (in full: the shortest
    ///     decimal that reads back as the same `Double`) after the edit's fields; `nil`: none.
    ///   - shingling: how `jaccard` was measured (`"words:5"`), written as `"shingling"`.
    /// - Returns: the line: source and duplicate ids, the kind, the edit's parameters and, when
    ///   given, the Jaccard and its shingling.
    public func jsonLine(jaccard: Double? = nil, shingling: String? = nil) -> String {
        var line = #"{"source":"\#(sourceID)","duplicate":"\#(duplicateID)","kind":"\#(kind.rawValue)""#
        switch edit {
        case .wordEdits(let s, let i, let d):
            line += #","edits":\#(s + i + d),"substitutions":\#(s),"insertions":\#(i),"deletions":\#(d)"#
        case .sentenceReorder(let moves):
            line += #","moves":\#(moves)"#
        case .truncation(let kept, let original):
            line += #","kept_words":\#(kept),"original_words":\#(original)"#
        case .boilerplate(let added, let position):
            line += #","added_words":\#(added),"position":"\#(position.rawValue)""#
        }
        if let jaccard { line += #","jaccard":\#(jaccard)"# }
        if let shingling { line += #","shingling":"\#(shingling)""# }
        return line + "}"
    }
}
