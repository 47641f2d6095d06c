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

/// What the verdict model made of one candidate: its two probabilities and the value of every
/// feature it read, so that a reader (or a script) can recompute the decision from the report.
public struct VerdictDecision: Sendable, Hashable, Codable {
    /// P(derived): the probability that the candidate was written (wholly or partly) from the
    /// reference. Also the candidate's ``CandidateReport/score``.
    public var derivedProbability: Double
    /// P(wholly derived | derived): the probability that the reference is its only source.
    public var whollyProbability: Double
    /// The value of every feature either model reads, by ``VerdictFeature`` raw value.
    public var features: [String: Double]

    /// Makes a decision record; probabilities are in 0…1.
    ///
    /// - Parameters:
    ///   - derivedProbability: P(derived).
    ///   - whollyProbability: P(wholly derived | derived).
    ///   - features: the features read, by name.
    public init(derivedProbability: Double, whollyProbability: Double, features: [String: Double]) {
        self.derivedProbability = derivedProbability
        self.whollyProbability = whollyProbability
        self.features = features
    }

    enum CodingKeys: String, CodingKey {
        case derivedProbability = "derived_probability"
        case whollyProbability = "wholly_probability"
        case features
    }
}

/// The one place a verdict is decided: two small logistic regressions over length-normalised
/// features of the evidence (``VerdictFeature``), in METER's sense.
///
/// - **Derived or not.** ``derived`` gives P(derived): evidence of retelling beyond what two
///   independent stories of the same event share. A candidate is derived when P ≥ ½ (and never
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
    /// P(derived) from the evidence.
    public var derived: LogisticModel
    /// P(wholly derived | derived) from the evidence.
    public var wholly: LogisticModel

    /// Makes a model from its two regressions.
    ///
    /// - Parameters:
    ///   - derived: P(derived) from the evidence.
    ///   - wholly: P(wholly derived | derived) from the evidence.
    public init(derived: LogisticModel, wholly: LogisticModel) {
        self.derived = derived
        self.wholly = wholly
    }

    /// The probabilities and features for a candidate with this evidence (probabilities rounded
    /// to 4 decimals, as reports show them).
    ///
    /// - Parameter e: the candidate's counts.
    /// - Returns: P(derived), P(wholly | derived) and the features read.
    public func decide(_ e: EvidenceSummary) -> VerdictDecision {
        var features: [String: Double] = [:]
        for t in derived.terms + wholly.terms { features[t.feature.rawValue] = round4(t.feature.value(e)) }
        let p = e.narrativeWords == 0 ? 0 : derived.probability(e)
        return VerdictDecision(derivedProbability: round4(p), whollyProbability: round4(wholly.probability(e)), features: features)
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
        return """
            logit P(derived) = \(formula(derived)); logit P(wholly | derived) = \(formula(wholly)); \
            features are smoothed log-odds of shares (see VerdictFeature); derived if P(derived) >= 0.5, \
            then wholly-derived if P(wholly | derived) >= 0.5, else partially-derived
            """
    }
}
