// The report analyzer on any pair of texts (the input split at its first NUL byte, or in half,
// each half decoded as a file would be): passages lie inside both texts and quote them, scores
// and similarities are finite and in 0...1, the counts add up, and the report encodes as JSON.
import Foundation
import FuzzSupport
import NearDup

@main enum FuzzReport {
    static func main() { runFuzzer(fuzzOne) }
}

let analyzer = RewriteAnalyzer()

func inUnitRange(_ x: Double) -> Bool { x.isFinite && (0...1).contains(x) }

/// The runs of letters and digits of a text, lower-cased.
func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
}

func check(_ c: CandidateReport, reference: String, candidate: String) {
    invariant(inUnitRange(c.score) && inUnitRange(c.coverage), "score \(c.score), coverage \(c.coverage)")
    invariant(inUnitRange(c.jaccard) && inUnitRange(c.narrativeJaccard), "Jaccard \(c.jaccard), \(c.narrativeJaccard)")
    invariant(inUnitRange(c.containment.referenceInCandidate) && inUnitRange(c.containment.candidateFromReference),
              "containment \(c.containment)")
    let e = c.evidence
    invariant(e.derivedWords >= 0 && e.derivedWords <= e.narrativeWords, "derived words \(e.derivedWords) of \(e.narrativeWords)")
    invariant(e.derivedSentences >= 0 && e.derivedSentences <= e.narrativeSentences,
              "derived sentences \(e.derivedSentences) of \(e.narrativeSentences)")
    invariant(e.paraphrasedSentences >= 0 && e.verbatimSentences >= 0
              && e.paraphrasedSentences + e.verbatimSentences <= e.derivedSentences, "sentence counts \(e)")
    invariant(e.sharedQuotations >= 0 && e.sharedQuotationWords >= 0 && inUnitRange(e.quotedShare), "quotation counts \(e)")
    let ref = Array(reference.utf8), cand = Array(candidate.utf8)
    for p in c.passages {
        invariant(0 <= p.reference.start && p.reference.start <= p.reference.end && p.reference.end <= ref.count,
                  "reference span \(p.reference) outside 0..<\(ref.count)")
        invariant(0 <= p.candidate.start && p.candidate.start <= p.candidate.end && p.candidate.end <= cand.count,
                  "candidate span \(p.candidate) outside 0..<\(cand.count)")
        // Passage texts are the layout stage's cleaned text (wire quotes and `#` for `£` undone,
        // lines joined); they hold the same words as the input's span, and a reference text may
        // join several merged source sentences.
        invariant(words(p.text) == words(String(decoding: cand[p.candidate.range], as: UTF8.self)),
                  "passage text does not hold its span's words")
        invariant(Set(words(String(decoding: ref[p.reference.range], as: UTF8.self))).isSubset(of: Set(words(p.referenceText))),
                  "passage reference text does not hold its span's words")
        invariant(p.referenceSentences.allSatisfy { $0 >= 1 }, "reference sentence numbers \(p.referenceSentences)")
        invariant(p.words >= 1 && inUnitRange(p.similarity), "passage words \(p.words), similarity \(p.similarity)")
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let split = bytes.firstIndex(of: 0) ?? size / 2
    let referenceText = TextDecoder.decode(UnsafeBufferPointer(rebasing: bytes[..<split])).text
    let candidateText = TextDecoder.decode(UnsafeBufferPointer(rebasing: bytes[min(split + 1, size)...])).text
    let reference = ReportDocument(id: "reference", text: referenceText)
    let candidate = ReportDocument(id: "candidate", text: candidateText)

    check(analyzer.compare(reference: reference, candidate: candidate), reference: referenceText, candidate: candidateText)
    let report = analyzer.analyze(reference: reference, candidates: [candidate, ReportDocument(id: "copy", text: referenceText)])
    invariant(report.candidates.map(\.rank).sorted() == [1, 2], "ranks \(report.candidates.map(\.rank))")
    for c in report.candidates {
        check(c, reference: referenceText, candidate: c.id == "copy" ? referenceText : candidateText)
    }
    for row in report.similarity.jaccard + report.similarity.narrativeJaccard {
        invariant(row.allSatisfy(inUnitRange), "similarity row \(row)")
    }
    _ = try! JSONEncoder().encode(report)
    return 0
}
