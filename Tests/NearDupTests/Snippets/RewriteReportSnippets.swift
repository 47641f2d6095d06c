// The Swift snippets of Sources/NearDup/NearDup.docc/RewriteReport.md, verbatim: see
// SnippetTests.swift.
import Foundation
import NearDup
import Testing

enum RewriteReportSnippets {
    /// "Overview".
    static func overview() {
        // Snippet begin: Sources/NearDup/NearDup.docc/RewriteReport.md
        let hill = ReportDocument(id: "hill.txt", text: """
            Dmitry Peskov, spokesman for the Kremlin, acknowledged significant losses of troops in Ukraine.

            He described the losses as a huge tragedy for Russia in an interview with Sky News.
            """)
        let retold = ReportDocument(id: "retold.txt", text: """
            Kremlin spokesman Dmitry Peskov made a rare acknowledgement of significant troop losses in Ukraine.

            Speaking to Sky News, he called the losses a huge tragedy.
            """)
        let report = RewriteAnalyzer().analyze(reference: hill, candidates: [retold])
        let first = report.candidates[0]
        print(first.verdict, first.score, first.coverage, first.explanation)
        // Snippet end
        #expect(report.candidates.count == 1 && first.id == "retold.txt")
    }

    /// "The report's fields".
    static func reportFields() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/RewriteReport.md
        func json(of report: SyndicationReport) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(report), as: UTF8.self)
        }
        // Snippet end
        let report = RewriteAnalyzer().analyze(
            reference: ReportDocument(id: "a.txt", text: "The council approved the budget on Monday."),
            candidates: [ReportDocument(id: "b.txt", text: "The council approved the budget on Friday.")])
        let text = try json(of: report)
        // Keys snake_case and sorted.
        #expect(text.hasPrefix(#"{"candidates":[{"#))
        #expect(text.contains(#""narrative_sentences""#) && text.contains(#""reference_in_candidate""#))
    }
}
