import Foundation
import Testing
import NearDup

@Suite struct RewriteAnalyzerTests {
    let reference = ReportDocument(
        id: "ref.txt",
        text: """
            The city council approved the budget on Monday after a long debate about bus routes.
            The plan adds forty police officers and raises property taxes by two percent.
            “This budget reflects what residents asked for at every single hearing this spring,” the mayor said.
            Libraries will keep their weekend opening hours, reversing an earlier proposal.
            """)

    @Test func sharedQuotationsAloneDoNotMakeAStoryDerived() {
        let candidate = ReportDocument(
            id: "quotes.txt",
            text: """
                Hundreds of residents packed the hall, many holding signs about the bus cuts.
                “This budget reflects what residents asked for at every single hearing this spring,” the mayor said.
                Shop owners outside were less pleased and plan to protest at the next meeting.
                """)
        let result = RewriteAnalyzer().compare(reference: reference, candidate: candidate)
        #expect(result.verdict == .nonDerived)
        #expect(result.retold == 0)
        #expect(result.score < 0.5)
        #expect(result.passages.contains { $0.kind == .quotation && $0.words >= 10 })
        #expect(!result.passages.contains { $0.kind != .quotation })
    }

    /// A quotation belongs to the story that quotes it: the reference's quoted sentence, lifted
    /// by the candidate without quotation marks, is reuse and counts.
    @Test func aQuotedSentenceLiftedWithoutQuotationMarksIsReuse() {
        let candidate = ReportDocument(
            id: "lifted.txt",
            text: """
                Hundreds of residents packed the hall, many holding signs about the bus cuts.
                This budget reflects what residents asked for at every single hearing this spring, according to the mayor.
                Shop owners outside were less pleased and plan to protest at the next meeting.
                """)
        let result = RewriteAnalyzer().compare(reference: reference, candidate: candidate)
        #expect(!result.passages.contains { $0.kind == .quotation })
        #expect(result.passages.contains { $0.kind == .verbatim && $0.words >= 10 })
        #expect(result.retold > 0.2)
        #expect(result.evidence.sharedQuotations == 0)
    }

    /// Words the candidate puts in quotation marks are a shared quotation, not reuse, even where
    /// the reference has them in its narrative.
    @Test func wordsTheCandidateQuotesAreAQuotation() {
        let candidate = ReportDocument(
            id: "quoting.txt",
            text: """
                Hundreds of residents packed the hall, many holding signs about the bus cuts.
                A resident read aloud from the notice: “The plan adds forty police officers and raises property taxes by two percent.”
                Shop owners outside were less pleased and plan to protest at the next meeting.
                """)
        let result = RewriteAnalyzer().compare(reference: reference, candidate: candidate)
        #expect(result.passages.contains { $0.kind == .quotation && $0.words >= 10 })
        #expect(!result.passages.contains { $0.kind == .verbatim })
        #expect(result.retold == 0)
    }

    @Test func paraphraseIsFoundAndOffsetsPointAtTheSentences() {
        let candidate = ReportDocument(
            id: "para.txt",
            text: """
                On Monday, after lengthy debate about bus routes, council members passed the budget.
                Forty more police officers are added by the plan, which lifts property taxes two percent.
                Weekend opening hours at libraries stay, an earlier proposal having been reversed.
                """)
        let result = RewriteAnalyzer().compare(reference: reference, candidate: candidate)
        #expect(result.verdict == .whollyDerived)
        let paraphrases = result.passages.filter { $0.kind == .paraphrase }
        #expect(paraphrases.count == 3)
        for p in paraphrases {
            let refBytes = Array(reference.text.utf8)[p.reference.range]
            let candBytes = Array(candidate.text.utf8)[p.candidate.range]
            #expect(String(decoding: refBytes, as: UTF8.self) == p.referenceText)
            #expect(String(decoding: candBytes, as: UTF8.self) == p.text)
        }
    }

    @Test func ranksMostDerivedFirst() {
        let copy = ReportDocument(id: "copy.txt", text: reference.text)
        let other = ReportDocument(id: "other.txt", text: "The football team won on Saturday with two late goals from the captain.")
        let report = RewriteAnalyzer().analyze(reference: reference, candidates: [other, copy])
        #expect(report.candidates.map(\.id) == ["copy.txt", "other.txt"])
        #expect(report.candidates.map(\.rank) == [1, 2])
        #expect(report.candidates[0].jaccard == 1)
        #expect(report.similarity.ids == ["ref.txt", "copy.txt", "other.txt"])
    }

    /// Beyond the limit the all-pairs matrices (quadratic in the number of documents) are left
    /// out with the reason; every candidate is still analysed and ranked the same way.
    @Test func manyCandidatesLeaveTheQuadraticMatricesOut() {
        let candidates = (0..<6).map { ReportDocument(id: "c\($0).txt", text: reference.text + " Story \($0) adds a line.") }
        var configuration = RewriteAnalyzer.Configuration()
        let full = RewriteAnalyzer(configuration: configuration).analyze(reference: reference, candidates: candidates)
        configuration.similarityMatrixLimit = 4
        let bounded = RewriteAnalyzer(configuration: configuration).analyze(reference: reference, candidates: candidates)
        #expect(full.similarity.omitted == nil && full.similarity.jaccard.count == 7)
        #expect(bounded.similarity.omitted != nil && bounded.similarity.jaccard.isEmpty && bounded.similarity.narrativeJaccard.isEmpty)
        #expect(bounded.similarity.ids == full.similarity.ids)
        #expect(bounded.candidates == full.candidates)
    }

    @Test func jsonContractHasTheDocumentedKeys() throws {
        let copy = ReportDocument(id: "copy.txt", path: "dir/copy.txt", text: reference.text)
        let report = RewriteAnalyzer().analyze(reference: reference, candidates: [copy])
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["reference"] != nil)
        let candidate = try #require((object["candidates"] as? [[String: Any]])?.first)
        for key in ["id", "path", "rank", "verdict", "score", "retold", "coverage", "vocabulary", "decision", "jaccard", "containment", "passages"] {
            #expect(candidate[key] != nil, "missing \(key)")
        }
        #expect(candidate["path"] as? String == "dir/copy.txt")
        #expect(candidate["verdict"] as? String == "wholly-derived")
        let containment = try #require(candidate["containment"] as? [String: Any])
        #expect(containment["reference_in_candidate"] != nil && containment["candidate_from_reference"] != nil)
        let passage = try #require((candidate["passages"] as? [[String: Any]])?.first)
        for key in ["kind", "reference", "candidate", "text"] { #expect(passage[key] != nil, "missing \(key)") }
        let span = try #require(passage["reference"] as? [String: Any])
        #expect(span["start"] != nil && span["end"] != nil)
    }

    @Test func documentsFromBytes() throws {
        #expect(throws: NearDupError.self) { try ReportDocument(id: "e", path: "e.txt", bytes: []) }
        #expect(throws: NearDupError.self) { try ReportDocument(id: "b", path: "b.bin", bytes: [0x41, 0, 0x42]) }
        let latin = try ReportDocument(id: "w", path: "w.txt", bytes: Array("caf".utf8) + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94])
        #expect(latin.encoding == .windows1252)
        #expect(latin.text == "café “ok”")
        #expect(latin.warnings.count == 1 && latin.warnings[0].hasPrefix("w.txt"))
        #expect(QuotationFinder().quotations(in: latin.text).count == 1)
    }
}
