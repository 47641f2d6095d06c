/// The plain-language explanation of a verdict shown in every report format.
enum VerdictExplanation {
    static func explain(verdict: Verdict, measures m: DerivationMeasures, evidence e: EvidenceSummary, rule: VerdictRule) -> String {
        func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        var parts: [String] = []
        if e.narrativeSentences == 0 {
            parts.append("Non-derived: the story has no narrative of its own outside quotation marks and boilerplate, so nothing in it can be traced to the reference's reporting.")
        } else {
            let how: String
            switch (e.paraphrasedSentences, e.verbatimSentences) {
            case (0, 0): how = ""
            case (let p, 0): how = " (\(p) reworded)"
            case (0, let v): how = " (\(v) copied word for word)"
            case (let p, let v): how = " (\(p) reworded, \(v) copied word for word)"
            }
            let follows = "\(e.derivedSentences) of its \(e.narrativeSentences) narrative sentences follow the reference\(how), \(percent(m.score)) of its narrative content words"
            let retells = "It retells \(e.retoldSentences) of the reference's \(e.referenceNarrativeSentences) narrative sentences (coverage \(percent(m.coverage)))"
            let words = "\(percent(m.vocabulary)) of its narrative words are the reference's"
            switch verdict {
            case .whollyDerived:
                parts.append("Wholly derived: \(follows); \(words). \(retells). The reference accounts for nearly all of the story's own reporting.")
            case .partiallyDerived:
                parts.append("Partially derived: \(follows); \(words). \(retells). The rest of the story comes from elsewhere.")
            case .nonDerived:
                if e.derivedSentences == 0 {
                    parts.append("Non-derived: none of its \(e.narrativeSentences) narrative sentences follows a sentence of the reference, and \(words).")
                } else {
                    parts.append("Non-derived: only \(follows), and \(words); a derived story has \(percent(rule.derivedScore)) of its narrative following the reference or \(percent(rule.derivedVocabulary)) of its narrative words from it.")
                }
            }
        }
        if e.sharedQuotations > 0 {
            parts.append("It shares \(e.sharedQuotations) quoted passage\(e.sharedQuotations == 1 ? "" : "s") (\(e.sharedQuotationWords) words) with the reference; shared quotations are shown but not counted, because stories quoting the same source share them whether or not one was rewritten from the other.")
        }
        if e.boilerplateWords > 0 {
            parts.append("\(e.boilerplateWords) words of headline, byline and boilerplate were set aside.")
        }
        return parts.joined(separator: " ")
    }
}
