/// The kinds of rewrite the generator plants: what a journalist does to a wire story.
///
/// The first four retell the whole source (METER's *wholly derived*); ``retold`` tells a story
/// of its own with part of the source retold inside it (*partially derived*).
public enum RewriteKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Sentences put in another order (between a third and all of them change place), and
    /// 10–30 % of the words that have a class replaced.
    case reordered
    /// Words replaced by others of the same class (*rose* → *climbed*, *officials* →
    /// *authorities*, *in* → *at*): 40–90 % of the words that have a class.
    case reworded
    /// Paragraphs condensed: sentences dropped from paragraphs and clauses cut from sentences,
    /// and 10–30 % of the words that have a class replaced.
    case condensed
    /// All three: reordered, reworded and condensed.
    case rewritten
    /// A story of its own with a run of the source's sentences, reworded, retold inside it.
    case retold

    /// How much of the story comes from its source, in METER's terms.
    public var derivation: Derivation {
        self == .retold ? .partiallyDerived : .whollyDerived
    }
}

/// How much of a rewrite comes from its source, with the names of the report's verdicts.
public enum Derivation: String, Sendable, Hashable, Codable {
    /// The story retells its source and nothing else.
    case whollyDerived = "wholly-derived"
    /// The story tells something of its own and retells part of its source.
    case partiallyDerived = "partially-derived"
}

/// One planted rewrite: which document was retold, in which, how and how much.
public struct PlantedRewrite: Sendable, Hashable {
    /// Position of the retold document in the corpus (it may itself be planted).
    public var sourceIndex: Int
    /// Position of the rewrite (always after the source).
    public var storyIndex: Int
    /// Id of the retold document.
    public var sourceID: String
    /// Id of the rewrite.
    public var storyID: String
    /// What was done.
    public var kind: RewriteKind
    /// Sentences of the source.
    public var sourceSentences: Int
    /// Sentences of the rewrite.
    public var storySentences: Int
    /// Sentences of the source that the rewrite retells (possibly shortened or reworded).
    public var retoldSentences: Int
    /// Words of the rewrite.
    public var storyWords: Int
    /// Words of the rewrite that retell the source (reworded ones included).
    public var derivedWords: Int
    /// Sentences that changed place (``RewriteKind/reordered`` and ``RewriteKind/rewritten``).
    public var movedSentences: Int
    /// Words replaced by another of their class.
    public var replacedWords: Int
    /// Words of retold sentences cut by condensing.
    public var cutWords: Int

    /// How much of the rewrite comes from the source.
    public var derivation: Derivation { kind.derivation }

    /// Share of the rewrite's words that retell the source (1 for a wholly derived rewrite).
    public var derivedShare: Double {
        storyWords == 0 ? 0 : Double(derivedWords) / Double(storyWords)
    }

    /// Share of the source's sentences the rewrite retells.
    public var coverage: Double {
        sourceSentences == 0 ? 0 : Double(retoldSentences) / Double(sourceSentences)
    }

    /// One line of the ground-truth JSONL file (no trailing newline), for example
    /// `{"source":"doc-000012","story":"doc-000345","kind":"retold","derivation":"partially-derived",…}`:
    /// the ids, the kind and derivation, `derived_share` and `coverage` (see ``derivedShare``
    /// and ``coverage``, rounded to 4 decimals), then the counts.
    ///
    /// - Parameters:
    ///   - jaccard: the pair's Jaccard similarity, written as `"jaccard"`; `nil`: none.
    ///   - shingling: how `jaccard` was measured, written as `"shingling"`.
    /// - Returns: the line.
    public func jsonLine(jaccard: Double? = nil, shingling: String? = nil) -> String {
        func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
        var line = #"{"source":"\#(sourceID)","story":"\#(storyID)","kind":"\#(kind.rawValue)""#
        line += #","derivation":"\#(derivation.rawValue)","derived_share":\#(rounded(derivedShare))"#
        line += #","coverage":\#(rounded(coverage)),"retold_sentences":\#(retoldSentences)"#
        line += #","source_sentences":\#(sourceSentences),"story_sentences":\#(storySentences)"#
        line += #","story_words":\#(storyWords),"derived_words":\#(derivedWords),"moved_sentences":\#(movedSentences)"#
        line += #","replaced_words":\#(replacedWords),"cut_words":\#(cutWords)"#
        if let jaccard { line += #","jaccard":\#(jaccard)"# }
        if let shingling { line += #","shingling":"\#(shingling)""# }
        return line + "}"
    }
}

/// What was planted at one position of the corpus: a near-duplicate or a rewrite.
public enum Planting: Sendable, Hashable {
    /// A near-copy of an earlier document (``CorpusGenerator/Configuration/duplicateRate``).
    case duplicate(PlantedDuplicate)
    /// A rewrite of an earlier document (``CorpusGenerator/Configuration/rewriteRate``).
    case rewrite(PlantedRewrite)

    /// The earlier document it was made from.
    public var sourceIndex: Int {
        switch self {
        case .duplicate(let d): d.sourceIndex
        case .rewrite(let r): r.sourceIndex
        }
    }

    /// Its line of the ground-truth file (see ``PlantedDuplicate/jsonLine(jaccard:shingling:)``
    /// and ``PlantedRewrite/jsonLine(jaccard:shingling:)``).
    ///
    /// - Parameters:
    ///   - jaccard: the pair's Jaccard similarity; `nil`: none.
    ///   - shingling: how `jaccard` was measured.
    /// - Returns: the line, without a newline.
    public func jsonLine(jaccard: Double? = nil, shingling: String? = nil) -> String {
        switch self {
        case .duplicate(let d): d.jsonLine(jaccard: jaccard, shingling: shingling)
        case .rewrite(let r): r.jsonLine(jaccard: jaccard, shingling: shingling)
        }
    }
}
