/// The measures a verdict is decided on, each a share in 0…1.
public struct DerivationMeasures: Sendable, Hashable, Codable {
    /// Share of the candidate's narrative content words derived from the reference
    /// (``CandidateReport/score``).
    public var score: Double
    /// Share of the reference's narrative content words the candidate retells
    /// (``CandidateReport/coverage``).
    public var coverage: Double
    /// Share of the candidate's narrative content words whose stem the reference uses anywhere.
    public var vocabulary: Double

    /// The measures of a candidate with this evidence, rounded to 4 decimals (0 where a
    /// denominator is 0).
    ///
    /// - Parameter e: the counts: score is `derivedWords / narrativeWords`, coverage
    ///   `retoldWords / referenceNarrativeWords`, vocabulary `sharedVocabularyWords / narrativeWords`.
    public init(_ e: EvidenceSummary) {
        func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : round4(Double(a) / Double(b)) }
        self.init(
            score: share(e.derivedWords, e.narrativeWords), coverage: share(e.retoldWords, e.referenceNarrativeWords),
            vocabulary: share(e.sharedVocabularyWords, e.narrativeWords))
    }

    /// Makes a set of measures; each is a share in 0…1.
    ///
    /// - Parameters:
    ///   - score: the share of the candidate's narrative content words derived from the reference.
    ///   - coverage: the share of the reference's narrative content words the candidate retells.
    ///   - vocabulary: the share of the candidate's narrative content words whose stem the
    ///     reference uses.
    public init(score: Double, coverage: Double, vocabulary: Double) {
        self.score = score
        self.coverage = coverage
        self.vocabulary = vocabulary
    }
}

/// The rule that turns a candidate's measured derivation into a ``Verdict``. The one place the
/// verdict is decided; ``RewriteAnalyzer`` and every report format describe it from here.
///
/// Inputs (see ``DerivationMeasures``): the **score** (share of the candidate's narrative, quoted
/// speech and boilerplate left out, in sentences aligned to the reference or in runs copied from
/// it) and the **vocabulary** share (share of the candidate's narrative content words that the
/// reference uses anywhere). The score is the evidence a reader can check sentence by sentence;
/// the vocabulary share catches what alignment misses in heavy rewrites (a journalist reorders,
/// merges and condenses, but keeps the agency's words), and an independent story tells the event
/// in words of its own.
///
/// A candidate with narrative of its own is
/// - **wholly-derived** when score ≥ ``derivedScore`` *and* vocabulary ≥ ``derivedVocabulary``;
/// - **partially-derived** when one of the two holds;
/// - **non-derived** otherwise (and always when it has no narrative outside quotation marks).
///
/// There is no minimum number of sentences: a one-sentence brief copied from the wire scores 1
/// on both and is wholly derived. Nor is an aligned sentence required: a brief that condenses
/// several wire sentences into one may align with none, yet use almost only the wire's words
/// (on METER's development split, requiring one aligned sentence cost 0.018 binary accuracy). The thresholds were chosen on the METER development split
/// (322 newspaper stories labelled by journalists) by `scripts/meter.py calibrate`, which
/// re-derives them from any copy of the corpus: every one of five cross-validation folds chose
/// the same pair (0.65, 0.60). See <doc:RewriteReport>.
public struct VerdictRule: Sendable, Hashable, Codable {
    /// Vocabulary share from which a story is derived (wholly, with the score too).
    public var derivedVocabulary: Double
    /// Score from which a story is derived (wholly, with the vocabulary share too).
    public var derivedScore: Double

    /// Makes a rule; the defaults are the calibrated values described above. Thresholds are
    /// shares in 0…1.
    ///
    /// - Parameters:
    ///   - derivedVocabulary: the vocabulary share from which a story is derived.
    ///   - derivedScore: the score from which a story is derived.
    public init(derivedVocabulary: Double = 0.65, derivedScore: Double = 0.60) {
        self.derivedVocabulary = derivedVocabulary
        self.derivedScore = derivedScore
    }

    /// The default rule described above.
    public static let standard = VerdictRule()

    /// The verdict for a candidate with these measures and evidence.
    ///
    /// - Parameters:
    ///   - m: the candidate's score and vocabulary share (coverage does not enter the rule).
    ///   - e: the counts; a candidate without narrative words is non-derived.
    /// - Returns: ``Verdict/whollyDerived`` when both thresholds are met,
    ///   ``Verdict/partiallyDerived`` when one is, ``Verdict/nonDerived`` otherwise.
    public func verdict(_ m: DerivationMeasures, evidence e: EvidenceSummary) -> Verdict {
        guard e.narrativeWords > 0 else { return .nonDerived }
        let byScore = m.score >= derivedScore, byVocabulary = m.vocabulary >= derivedVocabulary
        if byScore && byVocabulary { return .whollyDerived }
        return byScore || byVocabulary ? .partiallyDerived : .nonDerived
    }

    /// The order of verdicts in a ranking: wholly (0), partially (1), non-derived (2).
    ///
    /// - Parameter verdict: a verdict.
    /// - Returns: its place in a ranking, 0 first.
    public static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .whollyDerived: 0
        case .partiallyDerived: 1
        case .nonDerived: 2
        }
    }

    /// The rule in one line, for reports.
    public var summary: String {
        """
        score = derived narrative content words / narrative content words (quoted speech and boilerplate excluded); \
        vocabulary = narrative content words the reference also uses / narrative content words; \
        wholly-derived if score >= \(derivedScore) and vocabulary >= \(derivedVocabulary), \
        partially-derived if one of the two holds; otherwise non-derived
        """
    }

    enum CodingKeys: String, CodingKey {
        case derivedVocabulary = "derived_vocabulary"
        case derivedScore = "derived_score"
    }
}
