import Testing
import NearDup

/// The report on copy in the formats it arrives in: a wire story as sent, and newspaper stories
/// written from it or independently. Fixtures written for these tests (invented events).
@Suite struct RealCopyTests {
    static let wire = """
          ------------------------------------------------------------------------

                     11:05 14/03/00: Page 1 (HHH) COURTS Lighthouse
          ------------------------------------------------------------------------
        KEEPER JAILED FOR LIGHTHOUSE FIRE<
        By Jane Doe, PA News<
        A lighthouse keeper who started a fire that destroyed a 200-year-old lamp room was
        jailed for three years today.<
        Thomas Wren, 41, of Harbour Street, Porthcove, admitted arson at Truro Crown
        Court after the blaze caused #400,000 of damage last August.<
        The court heard that Wren had been drinking heavily and knocked over a paraffin
        heater while arguing with his brother on the gallery.<
        Judge Mary Stone told him: ``You put the lives of the crew of a passing trawler
        at risk by putting out the only light on that stretch of coast.''<
        Wren's barrister said he was deeply ashamed and had since stopped drinking.<
        The lighthouse trust said repairs would take at least two years.<
        end<
        """

    /// A newspaper's rewrite: reordered, condensed, a few words changed, one line added.
    static let rewrite = """
        LIGHTHOUSE KEEPER CAGED OVER BLAZE

        A LIGHTHOUSE keeper was jailed for three years yesterday for starting a fire that destroyed a 200-year-old lamp room.

        Thomas Wren, 41, who had been drinking heavily, knocked over a paraffin heater while arguing with his brother on the gallery, Truro Crown Court heard.

        The blaze last August caused £400,000 of damage. Wren, of Porthcove, admitted arson.

        Judge Mary Stone said he had put the lives of a trawler crew at risk.

        The lighthouse trust said repairs would take at least two years.
        """

    /// An independent story on the same hearing: the same people and facts, its own reporting.
    static let independent = """
        Village mourns its light

        For two centuries the lamp at Porthcove guided fishing boats home, and on Tuesday villagers gathered on the quay to watch scaffolding go up around its blackened tower.

        Fishermen said the night of the fire was the first time in living memory that the headland had gone dark. Several skippers described turning back to open water rather than risk the reef.

        "You put the lives of the crew of a passing trawler at risk by putting out the only light on that stretch of coast," the judge told Thomas Wren in court.

        The parish council has started a fund to help pay for the restoration, and a concert in the church hall raised more than three thousand pounds last weekend.
        """

    let analyzer = RewriteAnalyzer()

    func compare(_ candidate: String) -> CandidateReport {
        analyzer.compare(
            reference: ReportDocument(id: "wire", text: Self.wire), candidate: ReportDocument(id: "story", text: candidate))
    }

    @Test func aRewriteOfWireCopyIsWhollyDerived() {
        let r = compare(Self.rewrite)
        #expect(r.verdict == .whollyDerived, "\(r.explanation)")
        #expect(r.coverage >= 0.5)
        #expect(r.evidence.derivedSentences >= 4)
        #expect(r.title == "LIGHTHOUSE KEEPER CAGED OVER BLAZE")
    }

    @Test func anIndependentStoryQuotingTheSamePeopleIsNotDerived() {
        let r = compare(Self.independent)
        #expect(r.verdict == .nonDerived, "\(r.explanation)")
        #expect(r.evidence.sharedQuotations >= 1)
        #expect(r.score < compare(Self.rewrite).score)
    }

    @Test func aOneSentenceBriefCopiedFromTheWireIsDerived() {
        let brief = "A lighthouse keeper who started a fire that destroyed a 200-year-old lamp room was jailed for three years today."
        let r = compare(brief)
        #expect(r.verdict == .whollyDerived, "\(r.explanation)")
        #expect(r.score == 1)
    }

    @Test func wireFurnitureNeverCounts() {
        let r = compare(Self.rewrite)
        let report = analyzer.analyze(
            reference: ReportDocument(id: "wire", text: Self.wire), candidates: [ReportDocument(id: "story", text: Self.rewrite)])
        // Six narrative sentences in the wire story: header, headline, byline and `end` are not.
        #expect(report.reference.narrativeSentences.count == 6)
        #expect(report.reference.title == "KEEPER JAILED FOR LIGHTHOUSE FIRE")
        #expect(!r.passages.contains { $0.text.contains("PA News") || $0.referenceText.contains("PA News") })
    }

    @Test func passagesPointAtTheInputAsRead() {
        let r = compare(Self.rewrite)
        let utf8 = Array(Self.wire.utf8)
        for p in r.passages {
            #expect(p.reference.start < p.reference.end && p.reference.end <= utf8.count)
            // The original span holds the passage's words, whatever the wire formatting.
            let original = String(decoding: utf8[p.reference.range], as: UTF8.self)
            func words(_ s: String) -> Set<String> {
                Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
            }
            #expect(words(original).isSubset(of: words(p.referenceText)), "\(original) / \(p.referenceText)")
        }
        #expect(r.passages.allSatisfy { (0...1).contains($0.similarity) })
        #expect((0...1).contains(r.score) && (0...1).contains(r.coverage))
    }
}
