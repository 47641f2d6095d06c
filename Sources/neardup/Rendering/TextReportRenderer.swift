import Foundation
import NearDup

/// `--format text`: a ranked table that fits 80 columns, then the strongest passages of each
/// candidate. ANSI colour only when asked (the command asks on a terminal without `NO_COLOR`).
struct TextReportRenderer {
    var colour: Bool
    /// Show only this many best-ranked candidates.
    var top: Int? = nil
    var width = 80

    func render(_ report: SyndicationReport) -> String {
        var out = ""
        let ref = report.reference
        out += bold("Reference: \(ref.id)") + dim("  (\(ref.sentences) sentences, \(ref.quotations) quotations)") + "\n\n"
        if !ref.title.isEmpty { out += dim("  " + clip(ref.title, width - 2)) + "\n" }
        if let source = ref.metadata?.sourceLine { out += dim("  " + clip(source, width - 2)) + "\n" }
        out += "\n"
        out += bold(" #  " + pad("candidate", 26) + " " + pad("verdict", 17) + " retold cover score vocab") + "\n"
        let shown = top.map { Array(report.candidates.prefix($0)) } ?? report.candidates
        for c in shown {
            let row = pad(String(c.rank), 2, right: true) + "  " + pad(middleTruncate(c.id, 26), 26) + " "
            let verdict = paint(pad(c.verdict.rawValue, 17), verdictColour(c.verdict))
            let numbers = "  " + f(c.retold, 5) + " " + f(c.coverage, 5) + " " + f(c.score, 5) + " " + f(c.vocabulary, 5)
            out += row + verdict + numbers + "\n"
        }
        if shown.count < report.candidates.count {
            out += dim("… \(report.candidates.count - shown.count) more candidates (--top \(shown.count)); all are in --format json") + "\n"
        }
        out += dim("ranked by retold: share of the candidate's narrative (outside its quotes) retelling the reference") + "\n"
        out += dim("cover: share of the reference's narrative the candidate retells") + "\n"
        out += dim("score: the verdict model's probability that the story is derived") + "\n"
        out += dim("vocab: share of the candidate's distinct narrative words the reference uses") + "\n"
        for s in report.skipped {
            out += paint("skipped ", "33") + "\(s.path): \(s.reason)\n"
        }

        for c in shown {
            out += "\n" + bold("\(c.rank). \(c.id)") + " — " + paint(c.verdict.rawValue, verdictColour(c.verdict)) + "\n"
            if !c.title.isEmpty { out += "   " + clip(c.title, width - 3) + "\n" }
            if let source = c.metadata?.sourceLine { out += dim("   " + clip(source, width - 3)) + "\n" }
            for line in wrap(c.lead, indent: "   ") { out += bold(line) + "\n" }
            let rest = String(c.explanation.dropFirst(c.lead.count)).trimmingCharacters(in: .whitespaces)
                + " Score (P(derived)) \(f(c.score, 4)), P(wholly | derived) \(f(c.decision.whollyProbability, 4)), coverage \(f(c.coverage, 4)), Jaccard \(f(c.jaccard, 4))."
            for line in wrap(rest, indent: "   ") { out += dim(line) + "\n" }
            for warning in c.warnings { out += "   " + paint("warning: ", "33") + warning + "\n" }
            let narrative = c.passages.filter { $0.kind != .quotation }
                .sorted { Double($0.words) * $0.similarity > Double($1.words) * $1.similarity }.prefix(3)
            let quotes = c.passages.filter { $0.kind == .quotation }.sorted { $0.words > $1.words }.prefix(2)
            for p in narrative.sorted(by: { $0.candidate.start < $1.candidate.start }) + quotes {
                var head = "   " + paint(pad(p.kind.rawValue, 10), kindColour(p.kind))
                head += dim(" candidate \(p.candidate.start)–\(p.candidate.end), reference \(p.reference.start)–\(p.reference.end)")
                if p.kind == .paraphrase { head += dim(", similarity \(f(p.similarity, 4))") }
                if !p.referenceSentences.isEmpty { head += dim(", retells R\(p.referenceSentences.map(String.init).joined(separator: "+R"))") }
                out += head + "\n"
                out += "     C: " + clip(p.text, width - 9) + "\n"
                if p.kind == .paraphrase { out += dim("     R: " + clip(p.referenceText, width - 9)) + "\n" }
            }
            let hidden = c.passages.count - narrative.count - quotes.count
            if hidden > 0 { out += dim("   … \(hidden) more passage\(hidden == 1 ? "" : "s") in --format json or html") + "\n" }
        }
        out += citedSentences(shown, reference: ref)
        return out
    }

    /// The reference sentences the passages shown cite (R1…Rk), shortened to one line each.
    private func citedSentences(_ shown: [CandidateReport], reference: DocumentSummary) -> String {
        let cited = Set(shown.flatMap { $0.passages.filter { $0.kind != .quotation }.flatMap(\.referenceSentences) })
        let sentences = reference.narrativeSentences.filter { cited.contains($0.number) }
        guard !sentences.isEmpty else { return "" }
        var out = "\n" + bold("Reference sentences cited (\(sentences.count) of \(reference.narrativeSentences.count))") + "\n"
        for s in sentences {
            let label = pad("R\(s.number)", 4, right: true)
            out += label + " " + clip(s.text, width - 6) + "\n"
        }
        return out
    }

    private func f(_ x: Double, _ width: Int) -> String {
        let s = String(format: width >= 5 ? "%.3f" : "%.2f", x)
        return pad(s, width, right: true)
    }

    private func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let count = s.count
        guard count < n else { return s }
        let space = String(repeating: " ", count: n - count)
        return right ? space + s : s + space
    }

    private func middleTruncate(_ s: String, _ n: Int) -> String {
        guard s.count > n else { return s }
        let head = (n - 1) / 2, tail = n - 1 - head
        return String(s.prefix(head)) + "…" + String(s.suffix(tail))
    }

    /// One line, white space collapsed, cut with an ellipsis.
    private func clip(_ s: String, _ n: Int) -> String {
        let flat = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count <= n ? flat : String(flat.prefix(n - 1)) + "…"
    }

    private func wrap(_ s: String, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for word in s.split(separator: " ") {
            if line.count + word.count + 1 > width - 1, line.count > indent.count {
                lines.append(line)
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + word
        }
        if line.count > indent.count { lines.append(line) }
        return lines
    }

    private func verdictColour(_ v: Verdict) -> String {
        switch v {
        case .whollyDerived: return "1;31"
        case .partiallyDerived: return "33"
        case .nonDerived: return "2"
        }
    }

    private func kindColour(_ k: PassageKind) -> String {
        switch k {
        case .verbatim: return "31"
        case .paraphrase: return "35"
        case .quotation: return "36"
        }
    }

    private func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func bold(_ s: String) -> String { paint(s, "1") }
    private func dim(_ s: String) -> String { paint(s, "2") }
}
