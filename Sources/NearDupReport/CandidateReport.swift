import NearDupCore

/// Containment of the two documents' word-shingle sets in each other.
public struct Containment: Sendable, Hashable, Codable {
    /// |R ∩ C| / |R|: the share of the reference's shingles found in the candidate.
    public var referenceInCandidate: Double
    /// |R ∩ C| / |C|: the share of the candidate's shingles found in the reference.
    public var candidateFromReference: Double

    /// Makes a containment pair; both values are shares in 0…1.
    ///
    /// - Parameters:
    ///   - referenceInCandidate: |R ∩ C| / |R|.
    ///   - candidateFromReference: |R ∩ C| / |C|.
    public init(referenceInCandidate: Double, candidateFromReference: Double) {
        self.referenceInCandidate = referenceInCandidate
        self.candidateFromReference = candidateFromReference
    }

    enum CodingKeys: String, CodingKey {
        case referenceInCandidate = "reference_in_candidate"
        case candidateFromReference = "candidate_from_reference"
    }
}

/// The counts behind a candidate's score.
public struct EvidenceSummary: Sendable, Hashable, Codable {
    /// Candidate sentences with at least one narrative (unquoted) content word.
    public var narrativeSentences: Int
    /// Narrative sentences derived from the reference (aligned to a reference sentence, or holding
    /// a long verbatim run).
    public var derivedSentences: Int
    /// Derived sentences that are rewritten rather than copied.
    public var paraphrasedSentences: Int
    /// Derived sentences mostly copied word for word.
    public var verbatimSentences: Int
    /// Narrative content words of the candidate (the score's denominator).
    public var narrativeWords: Int
    /// Narrative content words taken from the reference (the score's numerator): in a sentence
    /// aligned to reference sentences that use the same stem (or a WordNet synonym of it), or in a
    /// run copied word for word.
    public var derivedWords: Int
    /// Quotation passages shared with the reference.
    public var sharedQuotations: Int
    /// Words in shared quotation passages.
    public var sharedQuotationWords: Int
    /// Share of the candidate's body words that are inside quotation marks.
    public var quotedShare: Double
    /// Words of the candidate outside its body (headline, byline, dateline, boilerplate): shown,
    /// never counted.
    public var boilerplateWords: Int
    /// Narrative sentences of the reference (the ``CandidateReport/coverage`` denominator's sentences).
    public var referenceNarrativeSentences: Int
    /// Reference narrative sentences the candidate retells (an aligned candidate sentence uses at
    /// least one of their content words, or copies a run from them).
    public var retoldSentences: Int
    /// Aligned candidate sentences whose source sentences come in the reference's order (the
    /// longest such chain): a rewrite follows its source; independent stories scatter.
    public var inOrderSentences: Int
    /// Narrative content words of the reference (the coverage's denominator).
    public var referenceNarrativeWords: Int
    /// Reference narrative content words the candidate retells (the coverage's numerator): in a
    /// reference sentence a candidate sentence is aligned to and uses the stem of, or in a run it
    /// copies.
    public var retoldWords: Int
    /// Candidate narrative content words whose stem the reference's body also uses, wherever it
    /// stands: the vocabulary the story shares with the reference.
    public var sharedVocabularyWords: Int
    /// Distinct stems of the candidate's narrative content words.
    public var distinctStems: Int = 0
    /// Those the reference's body uses, quoted or not (the vocabulary share's numerator).
    public var sharedDistinctStems: Int = 0
    /// Distinct content stems of the reference's body, quoted or not: with ``distinctStems``, the
    /// smaller side of the vocabulary overlap.
    public var referenceDistinctStems: Int = 0
    /// Distinct content stems of the candidate's whole body, its quotations included.
    public var bodyDistinctStems: Int = 0
    /// Those the reference's body uses.
    public var sharedBodyDistinctStems: Int = 0
    /// Distinct word bigrams of the candidate's narrative (within a sentence, outside its own
    /// quotation marks).
    public var narrativeBigrams: Int = 0
    /// Those found in the reference's body.
    public var sharedBigrams: Int = 0
    /// Distinct word bigrams of the reference's body (within a sentence, quoted or not): with
    /// ``narrativeBigrams``, the smaller side of the bigram overlap.
    public var referenceBigrams: Int = 0
    /// Distinct word bigrams of the candidate's whole body (within a sentence), its quotations
    /// included: a story that lifts the quotations its source chose shares them.
    public var bodyBigrams: Int = 0
    /// Those found in the reference's body.
    public var sharedBodyBigrams: Int = 0
    /// Distinct word trigrams of the candidate's narrative.
    public var narrativeTrigrams: Int = 0
    /// Those found in the reference's body.
    public var sharedTrigrams: Int = 0
    /// The candidate's narrative words, stop words included.
    public var narrativeTokens: Int = 0
    /// Those inside a run of three or more words shared with the reference, each word in one run
    /// at most (Greedy String Tiling coverage).
    public var tiledTokens: Int = 0
    /// Those inside a shared run of six or more words.
    public var longTiledTokens: Int = 0
    /// Distinct pairs of consecutive content stems of the candidate's narrative (stop words
    /// skipped, within a sentence).
    public var stemPairs: Int = 0
    /// Those found as consecutive content stems of a reference body sentence.
    public var sharedStemPairs: Int = 0
    /// The candidate's narrative content words not taken from the reference (the complement of
    /// ``derivedWords``): the rest of the story.
    public var underivedWords: Int = 0
    /// Those whose stem the reference's body uses. Two reports of one event share much of their
    /// vocabulary even where neither retells the other; a story about something else shares
    /// little.
    public var underivedSharedWords: Int = 0

    /// Makes a summary; every count defaults to zero, the state before any sentence is counted.
    /// Counts are non-negative and `quotedShare` is in 0…1. Each parameter sets the property of
    /// the same name.
    ///
    /// - Parameters:
    ///   - narrativeSentences: candidate sentences with a narrative content word.
    ///   - derivedSentences: narrative sentences derived from the reference.
    ///   - paraphrasedSentences: derived sentences rewritten rather than copied.
    ///   - verbatimSentences: derived sentences mostly copied word for word.
    ///   - narrativeWords: the candidate's narrative content words (the score's denominator).
    ///   - derivedWords: those taken from the reference (the score's numerator).
    ///   - sharedQuotations: quotation passages shared with the reference.
    ///   - sharedQuotationWords: words in shared quotation passages.
    ///   - quotedShare: the share of the candidate's body words inside quotation marks.
    ///   - boilerplateWords: the candidate's words outside its body.
    ///   - referenceNarrativeSentences: the reference's narrative sentences.
    ///   - retoldSentences: reference narrative sentences the candidate retells.
    ///   - referenceNarrativeWords: the reference's narrative content words (the coverage's
    ///     denominator).
    ///   - retoldWords: those the candidate retells (the coverage's numerator).
    ///   - sharedVocabularyWords: candidate narrative content words whose stem the reference's
    ///     body uses.
    ///   - inOrderSentences: aligned candidate sentences whose sources come in the reference's
    ///     order.
    public init(
        narrativeSentences: Int = 0, derivedSentences: Int = 0, paraphrasedSentences: Int = 0, verbatimSentences: Int = 0,
        narrativeWords: Int = 0, derivedWords: Int = 0, sharedQuotations: Int = 0, sharedQuotationWords: Int = 0,
        quotedShare: Double = 0, boilerplateWords: Int = 0, referenceNarrativeSentences: Int = 0, retoldSentences: Int = 0,
        referenceNarrativeWords: Int = 0, retoldWords: Int = 0, sharedVocabularyWords: Int = 0, inOrderSentences: Int = 0
    ) {
        self.narrativeSentences = narrativeSentences
        self.derivedSentences = derivedSentences
        self.paraphrasedSentences = paraphrasedSentences
        self.verbatimSentences = verbatimSentences
        self.narrativeWords = narrativeWords
        self.derivedWords = derivedWords
        self.sharedQuotations = sharedQuotations
        self.sharedQuotationWords = sharedQuotationWords
        self.quotedShare = quotedShare
        self.boilerplateWords = boilerplateWords
        self.referenceNarrativeSentences = referenceNarrativeSentences
        self.retoldSentences = retoldSentences
        self.referenceNarrativeWords = referenceNarrativeWords
        self.retoldWords = retoldWords
        self.sharedVocabularyWords = sharedVocabularyWords
        self.inOrderSentences = inOrderSentences
    }

    enum CodingKeys: String, CodingKey {
        case narrativeSentences = "narrative_sentences"
        case derivedSentences = "derived_sentences"
        case paraphrasedSentences = "paraphrased_sentences"
        case verbatimSentences = "verbatim_sentences"
        case narrativeWords = "narrative_words"
        case derivedWords = "derived_words"
        case sharedQuotations = "shared_quotations"
        case sharedQuotationWords = "shared_quotation_words"
        case quotedShare = "quoted_share"
        case boilerplateWords = "boilerplate_words"
        case referenceNarrativeSentences = "reference_narrative_sentences"
        case retoldSentences = "retold_sentences"
        case referenceNarrativeWords = "reference_narrative_words"
        case retoldWords = "retold_words"
        case sharedVocabularyWords = "shared_vocabulary_words"
        case inOrderSentences = "in_order_sentences"
        case distinctStems = "distinct_stems"
        case sharedDistinctStems = "shared_distinct_stems"
        case referenceDistinctStems = "reference_distinct_stems"
        case bodyDistinctStems = "body_distinct_stems"
        case sharedBodyDistinctStems = "shared_body_distinct_stems"
        case narrativeBigrams = "narrative_bigrams"
        case sharedBigrams = "shared_bigrams"
        case referenceBigrams = "reference_bigrams"
        case bodyBigrams = "body_bigrams"
        case sharedBodyBigrams = "shared_body_bigrams"
        case narrativeTrigrams = "narrative_trigrams"
        case sharedTrigrams = "shared_trigrams"
        case narrativeTokens = "narrative_tokens"
        case tiledTokens = "tiled_tokens"
        case longTiledTokens = "long_tiled_tokens"
        case stemPairs = "stem_pairs"
        case sharedStemPairs = "shared_stem_pairs"
        case underivedWords = "underived_words"
        case underivedSharedWords = "underived_shared_words"
    }

    /// Adds the alignment-free overlap counts.
    mutating func add(_ o: NarrativeOverlap) {
        distinctStems = o.distinctStems
        sharedDistinctStems = o.sharedDistinctStems
        referenceDistinctStems = o.referenceDistinctStems
        bodyDistinctStems = o.bodyDistinctStems
        sharedBodyDistinctStems = o.sharedBodyDistinctStems
        narrativeBigrams = o.bigrams
        sharedBigrams = o.sharedBigrams
        referenceBigrams = o.referenceBigrams
        bodyBigrams = o.bodyBigrams
        sharedBodyBigrams = o.sharedBodyBigrams
        narrativeTrigrams = o.trigrams
        sharedTrigrams = o.sharedTrigrams
        narrativeTokens = o.narrativeTokens
        tiledTokens = o.tiledTokens
        longTiledTokens = o.longTiledTokens
        stemPairs = o.stemPairs
        sharedStemPairs = o.sharedStemPairs
    }
}

/// One candidate's result: verdict, score, similarity measures and the passages that support them.
public struct CandidateReport: Sendable, Hashable, Codable {
    /// The file name (or any name the caller gave the document).
    public var id: String
    /// The path the document was read from.
    public var path: String
    /// The story's headline, or the first line of its body (see ``StoryText/title(limit:)``).
    public var title: String
    /// 1 for the candidate with the most evidence: ranked by ``retold``, then ``coverage``, then
    /// ``score``, then `id`. The verdict does not enter the order.
    public var rank: Int
    /// The METER class ``VerdictModel`` gives the ``evidence``.
    public var verdict: Verdict
    /// P(derived) from ``VerdictModel``, 0…1: the probability that the candidate was written
    /// (wholly or partly) from the reference. 1.0 for a verbatim copy.
    public var score: Double
    /// Share (0…1) of the candidate's narrative content words derived from the reference: in
    /// sentences aligned to it or in runs copied from it. "How much of this story retells the
    /// reference"; the ranking's first key.
    public var retold: Double
    /// Share (0…1) of the candidate's distinct narrative content stems that the reference uses.
    public var vocabulary: Double
    /// Share (0…1) of the reference's narrative content words that the candidate retells: in
    /// reference sentences its sentences align to, or in runs it copies. "How much of the
    /// reference this story retells."
    public var coverage: Double
    /// Exact Jaccard similarity of the two texts' word-shingle sets (quotations included).
    public var jaccard: Double
    /// How much of each text's word-shingle set the other contains.
    public var containment: Containment
    /// Exact Jaccard similarity of the word shingles outside quotation marks only.
    public var narrativeJaccard: Double
    /// Shared passages, in the order they appear in the candidate.
    public var passages: [Passage]
    /// The sentence and word counts the score and verdict were computed from.
    public var evidence: EvidenceSummary
    /// The verdict model's features and probabilities for this candidate.
    public var decision: VerdictDecision
    /// The verdict in plain language.
    public var explanation: String
    /// How the text was decoded.
    public var encoding: TextEncoding
    /// Problems with the input that did not stop the analysis (such as a Windows-1252 fallback).
    public var warnings: [String]
    /// The story's headline, byline, date, outlet and address when known (a saved web page's
    /// metadata); left out of JSON when unknown. Set after initialisation.
    public var metadata: StoryMetadata?

    /// Makes a candidate's result from values already computed; ``RewriteAnalyzer`` is the usual
    /// source. `rank` is 1-based, and `score` and the similarities are in 0…1. Each parameter
    /// sets the property of the same name.
    ///
    /// - Parameters:
    ///   - id: the candidate's name.
    ///   - path: where it was read from.
    ///   - title: its headline, or the first line of its body.
    ///   - rank: its 1-based place in the ranking.
    ///   - verdict: its METER class.
    ///   - score: P(derived).
    ///   - retold: the share of its narrative content words derived from the reference.
    ///   - coverage: the share of the reference's narrative content words it retells.
    ///   - vocabulary: the share of its distinct narrative content stems the reference uses.
    ///   - jaccard: the exact Jaccard of the two word-shingle sets.
    ///   - containment: the containments of the two word-shingle sets.
    ///   - narrativeJaccard: the exact Jaccard of the shingles outside quotation marks.
    ///   - passages: the shared passages, in candidate order.
    ///   - evidence: the counts behind the score and verdict.
    ///   - decision: the verdict model's features and probabilities.
    ///   - explanation: the verdict in plain language.
    ///   - encoding: how the text was decoded.
    ///   - warnings: problems with the input that did not stop the analysis.
    public init(
        id: String, path: String, title: String = "", rank: Int, verdict: Verdict, score: Double, retold: Double = 0,
        coverage: Double = 0, vocabulary: Double = 0, jaccard: Double, containment: Containment,
        narrativeJaccard: Double, passages: [Passage], evidence: EvidenceSummary,
        decision: VerdictDecision = VerdictDecision(derivedProbability: 0, whollyProbability: 0, features: [:]), explanation: String,
        encoding: TextEncoding, warnings: [String]
    ) {
        self.id = id
        self.path = path
        self.title = title
        self.rank = rank
        self.verdict = verdict
        self.score = score
        self.retold = retold
        self.coverage = coverage
        self.vocabulary = vocabulary
        self.jaccard = jaccard
        self.containment = containment
        self.narrativeJaccard = narrativeJaccard
        self.passages = passages
        self.evidence = evidence
        self.decision = decision
        self.explanation = explanation
        self.encoding = encoding
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case id, path, title, rank, verdict, score, retold, coverage, vocabulary, jaccard, containment, passages, evidence, decision
        case explanation, encoding, warnings
        case metadata
        case narrativeJaccard = "narrative_jaccard"
    }
}

extension CandidateReport {
    /// The one sentence an editor reads first: "n % of this story retells the reference; it
    /// retells m of the reference's k sentences", and the verdict.
    public var lead: String { VerdictExplanation.lead(verdict: verdict, retold: retold, evidence: evidence) }
}
