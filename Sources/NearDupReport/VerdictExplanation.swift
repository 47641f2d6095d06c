import NearDupCore

/// The plain-language explanation of a verdict shown in every report format. It leads with the
/// evidence an editor checks ("n % of this story retells the reference; it retells m of the
/// reference's k sentences") and the verdict; the other figures follow.
enum VerdictExplanation {
    /// The lead sentence: how much of the story retells the reference, how many of the
    /// reference's sentences it retells, and the verdict.
    static func lead(verdict: Verdict, retold: Double, evidence e: EvidenceSummary) -> String {
        "\(percent(retold)) of this story retells the reference; it retells \(e.retoldSentences) of the reference's "
            + "\(e.referenceNarrativeSentences) sentences: \(verdict.rawValue)."
    }

    static func explain(verdict: Verdict, retold: Double, coverage: Double, evidence e: EvidenceSummary) -> String {
        var parts = [lead(verdict: verdict, retold: retold, evidence: e)]
        if e.narrativeSentences == 0 {
            parts.append("The story has no narrative of its own outside quotation marks and boilerplate, so nothing in it can be traced to the reference's reporting.")
        } else {
            let how: String
            switch (e.paraphrasedSentences, e.verbatimSentences) {
            case (0, 0): how = ""
            case (let p, 0): how = " (\(p) reworded)"
            case (0, let v): how = " (\(v) copied word for word)"
            case (let p, let v): how = " (\(p) reworded, \(v) copied word for word)"
            }
            let vocabulary = e.distinctStems == 0 ? 0 : Double(e.sharedDistinctStems) / Double(e.distinctStems)
            parts.append(
                "\(e.derivedSentences) of its \(e.narrativeSentences) narrative sentences follow the reference\(how); "
                    + "\(percent(vocabulary)) of its distinct narrative words are the reference's; "
                    + "it retells \(percent(coverage)) of the reference's narrative words.")
            switch verdict {
            case .whollyDerived: parts.append("The reference accounts for nearly all of the story's own reporting.")
            case .partiallyDerived: parts.append("The reference is one of its sources; the rest of the story comes from elsewhere.")
            case .nonDerived: parts.append("What it shares is no more than independent reports of the same event share.")
            }
        }
        if e.sharedQuotations > 0 {
            parts.append("It quotes \(e.sharedQuotations) passage\(e.sharedQuotations == 1 ? "" : "s") (\(e.sharedQuotationWords) words) the reference also has: not counted as retelling, since stories quoting one source share its words either way, and weighed only in the shared word pairs.")
        }
        if e.boilerplateWords > 0 {
            parts.append("\(e.boilerplateWords) words of headline, byline and boilerplate were set aside.")
        }
        return parts.joined(separator: " ")
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
}
