import Foundation
import NearDup

/// `--format json`: the report's `Codable` form, pretty-printed with sorted keys (the contract is
/// documented in the README).
struct JSONReportRenderer {
    func render(_ report: SyndicationReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
