import Foundation
import Testing
import NearDup

/// The seed stories' verdicts, as the issue states them (METER's definitions): 001, 002 and 004
/// each retell part of The Hill's piece among material of their own (partially derived), 003
/// reported the interview itself and shares only quotations (non-derived); 002 retells the most
/// and ranks first; a verbatim copy of the reference is wholly derived with score 1.0. The
/// verdicts come from the fitted ``VerdictModel``; nothing here is special-cased.
@Suite struct SeedVerdictTests {
    static func read(_ name: String) throws -> ReportDocument {
        let url = SeedAlignmentTests.seeds.appendingPathComponent(name)
        return ReportDocument(id: name, text: try String(contentsOf: url, encoding: .utf8))
    }

    @Test func seedVerdictsAndRanking() throws {
        let reference = try Self.read("000_ae173d8b20e40bc0.txt")
        let names = ["001_adf1a9dcc95edd58.txt", "002_b0680b2d050e38bf.txt", "003_8096e96fb3e898e3.txt", "004_a520d6d120b814dc.txt"]
        let copy = ReportDocument(id: "copy.txt", text: reference.text)
        let report = RewriteAnalyzer().analyze(reference: reference, candidates: try names.map(Self.read) + [copy])
        let byID = Dictionary(uniqueKeysWithValues: report.candidates.map { ($0.id, $0) })
        #expect(report.candidates.first?.id == "copy.txt")
        #expect(byID["copy.txt"]?.verdict == .whollyDerived)
        #expect(byID["copy.txt"]?.score == 1)
        #expect(byID["copy.txt"]?.retold == 1)
        #expect(report.candidates.dropFirst().first?.id == "002_b0680b2d050e38bf.txt")
        #expect(byID["003_8096e96fb3e898e3.txt"]?.verdict == .nonDerived)
        #expect(byID["002_b0680b2d050e38bf.txt"]?.verdict == .partiallyDerived)
        // 001 and 004 paraphrase heavily (39–41 % of their distinct narrative words are the
        // reference's, as low as METER's independent stories); what tips them is the bigram overlap
        // measured on the smaller side (The Hill's piece is shorter than either) and the
        // quotations they lift from it, which 003, reporting the interview itself, does not.
        #expect(byID["001_adf1a9dcc95edd58.txt"]?.verdict == .partiallyDerived)
        #expect(byID["004_a520d6d120b814dc.txt"]?.verdict == .partiallyDerived)
    }

    /// A story about something else that pastes in a stretch of the reference is partially
    /// derived (the reference is one of its sources), through the model's copying route; the same
    /// story without the stretch is not. Sharing alone misses such stories: the rest of the story
    /// shares little vocabulary with the reference and drowns the copied stretch.
    @Test func aPassagePastedIntoAStoryAboutSomethingElseIsPartiallyDerived() throws {
        let reference = try Self.read("000_ae173d8b20e40bc0.txt")
        let host = """
            The city council approved its budget for next year on Tuesday night after a debate that ran past midnight.

            Councillors voted seven to four for a plan that raises parking fees in the centre and spends the money on buses.

            The mayor said the libraries would keep their opening hours, after a campaign by parents and teachers.

            Opponents said the fees would drive shoppers to the retail park on the ring road, where parking is free.

            The budget also pays for two new crossings near the primary school on Station Road.

            Bus fares for pupils will be frozen for a second year, and three night routes will run again from April.

            The council's finance director warned that reserves would fall below the level auditors recommend.

            A consultation on closing two of the city's five recycling centres drew more than four thousand replies.

            Shopkeepers on the high street have asked for the first hour of parking to stay free on Saturdays.

            The opposition leader called the plan a tax on visitors and said the council had ignored the consultation.

            Teachers at the primary school welcomed the crossings, which parents had sought for more than a decade.

            A final vote on the parking fees is expected in March, when the council meets again.
            """
        let lines: [String] = reference.text.components(separatedBy: "\n").filter { $0.count > 80 }
        let pasted = lines.prefix(3).joined(separator: " ")
        var paragraphs = host.components(separatedBy: "\n\n")
        paragraphs.insert(pasted, at: 5)
        let report = RewriteAnalyzer().analyze(
            reference: reference,
            candidates: [ReportDocument(id: "host.txt", text: host), ReportDocument(id: "pasted.txt", text: paragraphs.joined(separator: "\n\n"))])
        let byID = Dictionary(uniqueKeysWithValues: report.candidates.map { ($0.id, $0) })
        let story = try #require(byID["pasted.txt"])
        #expect(byID["host.txt"]?.verdict == .nonDerived)
        #expect(story.verdict == .partiallyDerived)
        #expect(story.decision.sharingProbability < 0.5, "sharing alone would call it independent")
        #expect(story.decision.copyingProbability >= 0.5)
    }

    /// Ranking is by evidence: a one-sentence excerpt (all of it from the reference) ranks below
    /// a copy of the whole reference, which retells everything.
    @Test func aCopyRanksAboveAnExcerpt() throws {
        let reference = try Self.read("000_ae173d8b20e40bc0.txt")
        let copy = ReportDocument(id: "copy.txt", text: reference.text)
        let first = reference.text.split(separator: "\n").first { $0.count > 80 }.map(String.init) ?? ""
        let excerpt = ReportDocument(id: "excerpt.txt", text: first)
        let report = RewriteAnalyzer().analyze(reference: reference, candidates: [excerpt, copy])
        #expect(report.candidates.map(\.id) == ["copy.txt", "excerpt.txt"])
    }
}
