// The Swift snippets of Sources/NearDup/NearDup.docc/CorpusDeduplication.md, verbatim: see
// SnippetTests.swift. Both read a corpus from a file: they are compiled, not run.
import Foundation
import NearDup

enum CorpusDeduplicationSnippets {
    /// "Overview".
    static func overview() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/CorpusDeduplication.md
        let dedup = try CorpusDeduplicator(
            configuration: .default,                                   // k = 128, word 5-grams
            options: .init(threshold: 0.8, verification: .exact, keepsRecords: true))
        try CorpusReader().read(["news.jsonl"], document: { try dedup.add($0) }, problem: { print($0) })
        let result = try dedup.finish()

        for pair in result.pairs {
            print(result.ids[pair.first], result.ids[pair.second], pair.estimate, pair.jaccard ?? pair.estimate)
        }
        for cluster in result.clusters {
            print("keep", result.ids[cluster.representative], "drop", cluster.members.dropFirst().map { result.ids[$0] })
        }
        try result.forEachKeptRecord { position, record in
            // The JSONL line of every kept document, in input order, byte for byte.
            _ = (position, record)
        }
        // Snippet end
    }

    /// "Signatures instead of texts".
    static func signaturesInsteadOfTexts() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/CorpusDeduplication.md
        let dedup = try CorpusDeduplicator(options: .init(threshold: 0.8, verification: .estimate))
        try CorpusReader().readSignatures(["2024.sig.jsonl"], signature: { record in
            try dedup.add(id: record.id, signature: record.signature)
        }, problem: { print($0) })
        let result = try dedup.finish()
        print(result.pairs.count, "pairs by estimate")
        // Snippet end
    }
}
