import NearDupCore
import Foundation

/// A logistic regression over ``VerdictFeature``s: P = 1 / (1 + e^−(intercept + Σ weight·feature)).
public struct LogisticModel: Sendable, Hashable, Codable {
    /// One feature and its weight.
    public struct Term: Sendable, Hashable, Codable {
        /// The feature.
        public var feature: VerdictFeature
        /// Its weight in the log-odds.
        public var weight: Double

        /// Makes a term.
        ///
        /// - Parameters:
        ///   - feature: the feature.
        ///   - weight: its weight in the log-odds.
        public init(feature: VerdictFeature, weight: Double) {
            self.feature = feature
            self.weight = weight
        }
    }

    /// The log-odds when every feature is 0.
    public var intercept: Double
    /// The features and their weights.
    public var terms: [Term]

    /// Makes a model.
    ///
    /// - Parameters:
    ///   - intercept: the log-odds when every feature is 0.
    ///   - terms: each feature with its weight.
    public init(intercept: Double, terms: [(VerdictFeature, Double)]) {
        self.intercept = intercept
        self.terms = terms.map { Term(feature: $0.0, weight: $0.1) }
    }

    /// The model's probability for a candidate with this evidence.
    ///
    /// - Parameter e: the candidate's counts.
    /// - Returns: a probability in 0…1.
    public func probability(_ e: EvidenceSummary) -> Double {
        let z = terms.reduce(intercept) { $0 + $1.weight * $1.feature.value(e) }
        return 1 / (1 + exp(-z))
    }
}

/// What the verdict model made of one candidate: its probabilities and the value of every
/// feature it read, so that a reader (or a script) can recompute the decision from the report.
public struct VerdictDecision: Sendable, Hashable, Codable {
    /// P(derived): the probability that the candidate was written (wholly or partly) from the
    /// reference. Also the candidate's ``CandidateReport/score``.
    public var derivedProbability: Double
    /// P(wholly derived | derived): the probability that the reference is its only source.
    public var whollyProbability: Double
    /// P(sharing), ``VerdictModel/derived``'s probability: derived by what the candidate shares
    /// with the reference.
    public var sharingProbability: Double
    /// P(copying), ``VerdictModel/copying``'s probability (0 without one): derived by sentences
    /// copied into a story about something else. ``derivedProbability`` is 1 − (1 −
    /// ``sharingProbability``) (1 − this).
    public var copyingProbability: Double
    /// The value of every feature the models read, by ``VerdictFeature`` raw value.
    public var features: [String: Double]

    /// Makes a decision record; probabilities are in 0…1.
    ///
    /// - Parameters:
    ///   - derivedProbability: P(derived).
    ///   - whollyProbability: P(wholly derived | derived).
    ///   - sharingProbability: P(sharing); `nil` for `derivedProbability` (no copying route).
    ///   - copyingProbability: P(copying).
    ///   - features: the features read, by name.
    public init(
        derivedProbability: Double, whollyProbability: Double, sharingProbability: Double? = nil, copyingProbability: Double = 0,
        features: [String: Double]
    ) {
        self.derivedProbability = derivedProbability
        self.whollyProbability = whollyProbability
        self.sharingProbability = sharingProbability ?? derivedProbability
        self.copyingProbability = copyingProbability
        self.features = features
    }

    enum CodingKeys: String, CodingKey {
        case derivedProbability = "derived_probability"
        case whollyProbability = "wholly_probability"
        case sharingProbability = "sharing_probability"
        case copyingProbability = "copying_probability"
        case features
    }
}

/// The one place a verdict is decided: small logistic regressions over length-normalised
/// features of the evidence (``VerdictFeature``), in METER's sense.
///
/// - **Derived or not**, by two routes. ``derived`` gives P(sharing): evidence of retelling
///   beyond what two independent stories of the same event share. ``copying`` gives P(copying):
///   whole sentences copied into a story about something else, a case no labelled corpus holds
///   (every METER and web candidate reports the reference's own event). P(derived) = 1 − (1 −
///   P(sharing)) (1 − P(copying)): either route can show the reference is a source, and
///   P(derived) is never below P(sharing). A candidate is derived when P(derived) ≥ ½ (and never
///   when it has no narrative words of its own).
/// - **Wholly or partially.** Among derived candidates, ``wholly`` gives P(wholly): how much of the
///   candidate's own narrative comes from the reference. Wholly derived when P ≥ ½.
///
/// The coefficients of ``standard`` are fitted, not set by hand, by `scripts/fit-verdict.py` on
/// METER's development split and the web rewrites' development events; the script prints the
/// cross-validated figures (grouped by catchline and event, and leave-one-corpus-out) the model
/// is judged by. The file `VerdictCoefficients.swift` holds them with their provenance.
/// See <doc:RewriteReport>.
public struct VerdictModel: Sendable, Hashable, Codable {
    /// P(sharing) from the evidence: derived by what the candidate shares with the reference.
    public var derived: LogisticModel
    /// P(wholly derived | derived) from the evidence.
    public var wholly: LogisticModel
    /// P(copying) from the evidence: derived by sentences copied into a story about something
    /// else; `nil` for none (P(derived) is then P(sharing)).
    public var copying: LogisticModel?

    /// Makes a model from its regressions.
    ///
    /// - Parameters:
    ///   - derived: P(sharing) from the evidence.
    ///   - wholly: P(wholly derived | derived) from the evidence.
    ///   - copying: P(copying) from the evidence, or `nil`.
    public init(derived: LogisticModel, wholly: LogisticModel, copying: LogisticModel? = nil) {
        self.derived = derived
        self.wholly = wholly
        self.copying = copying
    }

    /// The probabilities and features for a candidate with this evidence (probabilities rounded
    /// to 4 decimals, as reports show them).
    ///
    /// - Parameter e: the candidate's counts.
    /// - Returns: P(derived), P(wholly | derived), the two routes of P(derived) and the features read.
    public func decide(_ e: EvidenceSummary) -> VerdictDecision {
        var features: [String: Double] = [:]
        for t in derived.terms + wholly.terms + (copying?.terms ?? []) { features[t.feature.rawValue] = round4(t.feature.value(e)) }
        let shared = e.narrativeWords == 0 ? 0 : derived.probability(e)
        let copied = e.narrativeWords == 0 ? 0 : copying?.probability(e) ?? 0
        return VerdictDecision(
            derivedProbability: round4(1 - (1 - shared) * (1 - copied)), whollyProbability: round4(wholly.probability(e)),
            sharingProbability: round4(shared), copyingProbability: round4(copied), features: features)
    }

    /// The verdict of a decision.
    ///
    /// - Parameter d: a decision made by ``decide(_:)``.
    /// - Returns: non-derived below P(derived) = ½, else wholly or partially derived by P(wholly) ≥ ½.
    public func verdict(_ d: VerdictDecision) -> Verdict {
        guard d.derivedProbability >= 0.5 else { return .nonDerived }
        return d.whollyProbability >= 0.5 ? .whollyDerived : .partiallyDerived
    }

    /// The model in one line, for reports.
    public var summary: String {
        func formula(_ m: LogisticModel) -> String {
            String(format: "%.3f", m.intercept) + m.terms.map { String(format: " %+.3f·%@", $0.weight, $0.feature.rawValue) }.joined()
        }
        let routes = copying.map {
            "logit P(sharing) = \(formula(derived)); logit P(copying) = \(formula($0)); P(derived) = 1 - (1 - P(sharing)) (1 - P(copying))"
        } ?? "logit P(derived) = \(formula(derived))"
        return """
            \(routes); logit P(wholly | derived) = \(formula(wholly)); \
            features are smoothed log-odds of shares (see VerdictFeature); derived if P(derived) >= 0.5, \
            then wholly-derived if P(wholly | derived) >= 0.5, else partially-derived
            """
    }
}
