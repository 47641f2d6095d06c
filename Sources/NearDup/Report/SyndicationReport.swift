/// The result of ``RewriteAnalyzer/analyze(reference:candidates:skipped:)``: which candidates were
/// rewritten from the reference, how much, and the evidence. Its `Codable` form is the JSON
/// contract of `neardup report --format json` (documented in the README, "JSON contract").
public struct SyndicationReport: Sendable, Hashable, Codable {
    public var reference: DocumentSummary
    /// Ranked: `candidates[0]` has rank 1, the most derived.
    public var candidates: [CandidateReport]
    /// Inputs not analysed, each with the reason (the reference itself, empty, binary, unreadable).
    public var skipped: [SkippedInput]
    /// Pairwise similarity of all analysed documents, the reference first.
    public var similarity: SimilarityMatrix
    /// The parameters and the verdict rule used.
    public var method: ReportMethod

    public init(
        reference: DocumentSummary, candidates: [CandidateReport], skipped: [SkippedInput],
        similarity: SimilarityMatrix, method: ReportMethod
    ) {
        self.reference = reference
        self.candidates = candidates
        self.skipped = skipped
        self.similarity = similarity
        self.method = method
    }
}

/// What the report says about the reference document.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var id: String
    public var path: String
    public var encoding: TextEncoding
    public var warnings: [String]
    public var sentences: Int
    public var quotations: Int
    public var words: Int

    public init(id: String, path: String, encoding: TextEncoding, warnings: [String], sentences: Int, quotations: Int, words: Int) {
        self.id = id
        self.path = path
        self.encoding = encoding
        self.warnings = warnings
        self.sentences = sentences
        self.quotations = quotations
        self.words = words
    }
}

/// An input that was not analysed, and why.
public struct SkippedInput: Sendable, Hashable, Codable {
    public var id: String
    public var path: String
    public var reason: String

    public init(id: String, path: String, reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }
}

/// Pairwise similarities of the analysed documents (reference first, then candidates in rank order).
public struct SimilarityMatrix: Sendable, Hashable, Codable {
    public var ids: [String]
    /// Exact Jaccard of word-shingle sets of the whole texts. Symmetric.
    public var jaccard: [[Double]]
    /// Exact Jaccard of word shingles outside quotation marks. Symmetric.
    public var narrativeJaccard: [[Double]]

    public init(ids: [String], jaccard: [[Double]], narrativeJaccard: [[Double]]) {
        self.ids = ids
        self.jaccard = jaccard
        self.narrativeJaccard = narrativeJaccard
    }

    enum CodingKeys: String, CodingKey {
        case ids, jaccard
        case narrativeJaccard = "narrative_jaccard"
    }
}

/// The parameters of an analysis, so a report can be reproduced and read.
public struct ReportMethod: Sendable, Hashable, Codable {
    public var shingling: String
    public var rule: VerdictRule
    public var verdictRule: String
    public var alignment: String

    public init(shingling: String, rule: VerdictRule, verdictRule: String, alignment: String) {
        self.shingling = shingling
        self.rule = rule
        self.verdictRule = verdictRule
        self.alignment = alignment
    }

    enum CodingKeys: String, CodingKey {
        case shingling, rule, alignment
        case verdictRule = "verdict_rule"
    }
}
