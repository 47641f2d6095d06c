/// The rule that turns a candidate's measured derivation into a ``Verdict``.
///
/// The score is the share of the candidate's *narrative* content words (words outside quotation
/// marks, stop words left out) that sit in sentences aligned to the reference or in long verbatim
/// runs copied from it. Quoted speech is left out of both the numerator and the denominator:
/// two stories quoting the same interview share those words whether or not one was rewritten from
/// the other.
///
/// - **wholly-derived** when the score is at least ``whollyDerivedShare`` (3/4 by default): the
///   reference accounts for nearly all of the story's own narrative; what is left is the
///   connective text, headline and sign-off any rewrite adds.
/// - **partially-derived** when the score is at least ``partiallyDerivedShare`` (1/10) *and* at
///   least ``minimumDerivedSentences`` (2) narrative sentences are derived (1 when the candidate
///   has only one narrative sentence). One matching sentence is not enough: independent stories on
///   the same event do state the same fact in similar words now and then; two or more sentences
///   that each follow a sentence of the reference are unlikely by chance.
/// - **non-derived** otherwise.
///
/// These values were chosen from the METER class definitions and checked on the labelled test
/// set in `Tests/NearDupTests/Report/`.
public struct VerdictRule: Sendable, Hashable, Codable {
    /// Score from which a story is wholly derived.
    public var whollyDerivedShare: Double
    /// Score from which a story is partially derived (given enough derived sentences).
    public var partiallyDerivedShare: Double
    /// Derived narrative sentences needed for any derived verdict.
    public var minimumDerivedSentences: Int

    /// Makes a rule; the defaults are those described above. The shares are expected in 0…1,
    /// with `partiallyDerivedShare` no larger than `whollyDerivedShare`.
    public init(whollyDerivedShare: Double = 0.75, partiallyDerivedShare: Double = 0.10, minimumDerivedSentences: Int = 2) {
        self.whollyDerivedShare = whollyDerivedShare
        self.partiallyDerivedShare = partiallyDerivedShare
        self.minimumDerivedSentences = minimumDerivedSentences
    }

    /// The default rule described above.
    public static let standard = VerdictRule()

    /// The verdict for a candidate with this `score`, `derivedSentences` derived narrative sentences
    /// out of `narrativeSentences`.
    public func verdict(score: Double, derivedSentences: Int, narrativeSentences: Int) -> Verdict {
        let needed = min(minimumDerivedSentences, max(1, narrativeSentences))
        guard derivedSentences >= needed, score >= partiallyDerivedShare, score > 0 else { return .nonDerived }
        return score >= whollyDerivedShare ? .whollyDerived : .partiallyDerived
    }

    enum CodingKeys: String, CodingKey {
        case whollyDerivedShare = "wholly_derived_share"
        case partiallyDerivedShare = "partially_derived_share"
        case minimumDerivedSentences = "minimum_derived_sentences"
    }
}
