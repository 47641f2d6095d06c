import NearDupCore

/// The result of ``RewriteAnalyzer/analyze(reference:candidates:skipped:)``: which candidates were
/// rewritten from the reference, how much, and the evidence. Its `Codable` form is the JSON
/// contract of `neardup report --format json` (documented in the README, "JSON contract").
public struct SyndicationReport: Sendable, Hashable, Codable {
    /// The version of the JSON layout a report of this build encodes to: raised when a field is
    /// removed, renamed or given another meaning (a new optional field does not raise it).
    /// `schemas/report.schema.json` describes it.
    public static let currentFormat = 1
    /// The version of this report's JSON layout (`"format"`): ``currentFormat`` for a report
    /// made by this build.
    public var format: Int
    /// The reference document's name, decoding and size.
    public var reference: DocumentSummary
    /// Ranked: `candidates[0]` has rank 1, the most derived.
    public var candidates: [CandidateReport]
    /// Inputs not analysed, each with the reason (the reference itself, empty, binary, unreadable).
    public var skipped: [SkippedInput]
    /// Pairwise similarity of all analysed documents, the reference first.
    public var similarity: SimilarityMatrix
    /// The parameters and the verdict rule used.
    public var method: ReportMethod

    /// Makes a report from parts already computed; ``RewriteAnalyzer/analyze(reference:candidates:skipped:)``
    /// is the usual source. `candidates` should be in rank order.
    ///
    /// - Parameters:
    ///   - reference: the reference's summary.
    ///   - candidates: the candidates' results, in rank order.
    ///   - skipped: the inputs not analysed.
    ///   - similarity: the all-pairs similarity matrices.
    ///   - method: the parameters and verdict rule used.
    public init(
        reference: DocumentSummary, candidates: [CandidateReport], skipped: [SkippedInput],
        similarity: SimilarityMatrix, method: ReportMethod
    ) {
        self.format = Self.currentFormat
        self.reference = reference
        self.candidates = candidates
        self.skipped = skipped
        self.similarity = similarity
        self.method = method
    }
}

/// What the report says about the reference document.
public struct DocumentSummary: Sendable, Hashable, Codable {
    /// The short name shown in reports: the file name for files.
    public var id: String
    /// The path the document was read from.
    public var path: String
    /// How the bytes were decoded.
    public var encoding: TextEncoding
    /// Problems with the input that did not stop the analysis.
    public var warnings: [String]
    /// Number of sentences found in the text.
    public var sentences: Int
    /// Number of quotations (passages inside quotation marks) found in the text.
    public var quotations: Int
    /// Number of words in the text, quoted ones included.
    public var words: Int
    /// The document's headline, or the first line of its body.
    public var title: String
    /// The reference's narrative sentences (body sentences with content words outside quotes),
    /// numbered from 1: passages name the ones they retell by these numbers.
    public var narrativeSentences: [ReferenceSentence]
    /// The story's headline, byline, date, outlet and address when known (a saved web page's
    /// metadata); left out of JSON when unknown. Set after initialisation.
    public var metadata: StoryMetadata?

    /// Makes a summary; counts are non-negative.
    ///
    /// - Parameters:
    ///   - id: the short name shown in reports.
    ///   - path: where the document was read from.
    ///   - encoding: how the bytes were decoded.
    ///   - warnings: problems with the input that did not stop the analysis.
    ///   - sentences: the number of sentences.
    ///   - quotations: the number of quotations.
    ///   - words: the number of words, quoted ones included.
    ///   - title: the headline, or the first line of the body.
    ///   - narrativeSentences: the numbered narrative sentences.
    public init(
        id: String, path: String, encoding: TextEncoding, warnings: [String], sentences: Int, quotations: Int, words: Int,
        title: String = "", narrativeSentences: [ReferenceSentence] = []
    ) {
        self.id = id
        self.path = path
        self.encoding = encoding
        self.warnings = warnings
        self.sentences = sentences
        self.quotations = quotations
        self.words = words
        self.title = title
        self.narrativeSentences = narrativeSentences
    }

    enum CodingKeys: String, CodingKey {
        case id, path, encoding, warnings, sentences, quotations, words, title, metadata
        case narrativeSentences = "narrative_sentences"
    }
}

/// An input that was not analysed, and why.
public struct SkippedInput: Sendable, Hashable, Codable {
    /// The short name the input would have had in the report.
    public var id: String
    /// The path as given.
    public var path: String
    /// Why it was left out, as a phrase for the user (such as `the reference itself`).
    public var reason: String

    /// Makes a record of an input left out of the analysis.
    ///
    /// - Parameters:
    ///   - id: the short name the input would have had.
    ///   - path: the path as given.
    ///   - reason: why it was left out, as a phrase for the user.
    public init(id: String, path: String, reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }
}

/// Pairwise similarities of the analysed documents (reference first, then candidates in rank order).
public struct SimilarityMatrix: Sendable, Hashable, Codable {
    /// The documents' ids, in row (and column) order: the reference, then the candidates by rank.
    public var ids: [String]
    /// Exact Jaccard of word-shingle sets of the whole texts. Symmetric.
    public var jaccard: [[Double]]
    /// Exact Jaccard of word shingles outside quotation marks. Symmetric.
    public var narrativeJaccard: [[Double]]
    /// Why both matrices are empty (too many documents: see
    /// ``RewriteAnalyzer/Configuration/similarityMatrixLimit``); `nil` when they are computed.
    public var omitted: String?

    /// Makes a matrix; both matrices are square with `ids.count` rows, in the order of `ids`,
    /// with values in 0…1, or both empty with the reason in `omitted`.
    ///
    /// - Parameters:
    ///   - ids: the documents, reference first.
    ///   - jaccard: the Jaccard of the whole texts' word-shingle sets.
    ///   - narrativeJaccard: the Jaccard of the word shingles outside quotation marks.
    ///   - omitted: why the matrices are empty, or `nil`.
    public init(ids: [String], jaccard: [[Double]], narrativeJaccard: [[Double]], omitted: String? = nil) {
        self.ids = ids
        self.jaccard = jaccard
        self.narrativeJaccard = narrativeJaccard
        self.omitted = omitted
    }

    enum CodingKeys: String, CodingKey {
        case ids, jaccard, omitted
        case narrativeJaccard = "narrative_jaccard"
    }
}

/// The parameters of an analysis, so a report can be reproduced and read.
public struct ReportMethod: Sendable, Hashable, Codable {
    /// The shingling used for Jaccard and containment, in its textual form (such as `words:5`).
    public var shingling: String
    /// The model that turned the evidence into verdicts.
    public var model: VerdictModel
    /// How the score and verdict are computed, in one line of plain language with the values used.
    public var verdictRule: String
    /// How sentences are aligned, in one line of plain language with the values used.
    public var alignment: String

    /// Makes a description of an analysis; ``RewriteAnalyzer`` fills it from its configuration.
    ///
    /// - Parameters:
    ///   - shingling: the shingling in its text form, such as `words:5`.
    ///   - model: the verdict model.
    ///   - verdictRule: the model in one line of plain language.
    ///   - alignment: the alignment in one line of plain language.
    public init(shingling: String, model: VerdictModel, verdictRule: String, alignment: String) {
        self.shingling = shingling
        self.model = model
        self.verdictRule = verdictRule
        self.alignment = alignment
    }

    enum CodingKeys: String, CodingKey {
        case shingling, model, alignment
        case verdictRule = "verdict_rule"
    }
}

/// One narrative sentence of the reference, as reports number it.
public struct ReferenceSentence: Sendable, Hashable, Codable {
    /// 1-based number among the reference's narrative sentences.
    public var number: Int
    /// Where the sentence is in the reference as read.
    public var span: TextSpan
    /// The sentence, as the layout stage cleaned it.
    public var text: String

    /// Makes a numbered sentence.
    ///
    /// - Parameters:
    ///   - number: the 1-based number among the reference's narrative sentences.
    ///   - span: where the sentence is in the reference as read.
    ///   - text: the sentence as the layout stage cleaned it.
    public init(number: Int, span: TextSpan, text: String) {
        self.number = number
        self.span = span
        self.text = text
    }
}
