/// The plain-language explanation of a verdict shown in every report format.
enum VerdictExplanation {
    static func explain(verdict: Verdict, score: Double, evidence e: EvidenceSummary, rule: VerdictRule) -> String {
        let percent = Int((score * 100).rounded())
        var parts: [String] = []
        if e.narrativeSentences == 0 {
            parts.append("Non-derived: the story has no narrative of its own outside quotation marks, so nothing in it can be traced to the reference's reporting.")
        } else {
            let how: String
            switch (e.paraphrasedSentences, e.verbatimSentences) {
            case (0, 0): how = ""
            case (let p, 0): how = " (\(p) reworded)"
            case (0, let v): how = " (\(v) copied word for word)"
            case (let p, let v): how = " (\(p) reworded, \(v) copied word for word)"
            }
            let follows = "\(e.derivedSentences) of its \(e.narrativeSentences) narrative sentences follow the reference\(how), \(percent)% of its narrative content words"
            switch verdict {
            case .whollyDerived:
                parts.append("Wholly derived: \(follows). The reference accounts for nearly all of the story's own reporting.")
            case .partiallyDerived:
                parts.append("Partially derived: \(follows). The rest of the story comes from elsewhere.")
            case .nonDerived:
                if e.derivedSentences == 0 {
                    parts.append("Non-derived: none of its \(e.narrativeSentences) narrative sentences follows a sentence of the reference.")
                } else {
                    parts.append("Non-derived: only \(follows); a derived story needs at least \(rule.minimumDerivedSentences) such sentences and \(Int(rule.partiallyDerivedShare * 100))% of its narrative.")
                }
            }
        }
        if e.sharedQuotations > 0 {
            parts.append("It shares \(e.sharedQuotations) quoted passage\(e.sharedQuotations == 1 ? "" : "s") (\(e.sharedQuotationWords) words) with the reference; shared quotations are shown but not counted, because stories quoting the same source share them whether or not one was rewritten from the other.")
        }
        return parts.joined(separator: " ")
    }
}
