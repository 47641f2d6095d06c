// Run: cd Examples/DedupExample && swift run DedupExample
//
// A newsroom filter: stories arrive one by one (here from several concurrent feeds); each is
// checked against everything seen before and kept only if it is not a rewrite of an earlier
// story. The index is then saved, reopened (memory-mapped) and queried, and a whole corpus is
// deduplicated in one batch with CorpusDeduplicator.
import Foundation
import NearDup

let base = [
    "The city council approved the new budget on Monday after a long debate about schools, roads and the cost of public transport in the northern districts.",
    "Heavy rain flooded several streets in the old town overnight, and firefighters pumped water out of dozens of cellars while the river kept rising.",
    "The national football team won its qualifying match three to one, with two late goals from the young striker who joined the squad this spring.",
]
// Rewrites: a word changed here and there, which the filter should catch.
let rewrites = [
    "The city council approved the new budget on Monday after a long debate about schools, roads and the price of public transport in the northern districts.",
    "Heavy rain flooded several streets in the old town overnight, and firefighters pumped water out of dozens of cellars as the river kept rising.",
]
let stories = base.enumerated().map { ("wire-\($0.offset)", $0.element) }
    + rewrites.enumerated().map { ("rewrite-\($0.offset)", $0.element) }

// Short texts: 3-word shingles and a lower threshold suit them better than the defaults.
let configuration = MinHashConfiguration(shingling: .words(3))
let filter = NearDuplicateIndex(configuration: configuration, threshold: 0.6)

// Two concurrent feeds: NearDuplicateIndex is safe to share; insertIfUnique is atomic.
await withTaskGroup(of: Void.self) { group in
    for feed in [stories.prefix(3), stories.suffix(2)] {
        group.addTask {
            for (id, text) in feed {
                let matches = filter.insertIfUnique(id: id, text: text)
                if let best = matches.first {
                    print("\(id): rewrite of \(best.id) (Jaccard \(String(format: "%.2f", best.similarity))), dropped")
                } else {
                    print("\(id): new story, kept")
                }
            }
        }
    }
}
print("index holds \(filter.count) stories")

// Persist, reopen, query.
let path = FileManager.default.temporaryDirectory.appendingPathComponent("dedup-example.ndx").path
try filter.write(to: path)
let reopened = try NearDuplicateIndex(contentsOf: path, expecting: configuration)
let probe = "Heavy rain flooded several streets of the old town overnight, and firefighters pumped water out of dozens of cellars."
for match in reopened.query(probe, threshold: 0.3) {
    print("probe resembles \(match.id): estimate \(match.estimate), exact \(match.jaccard ?? -1)")
}
try? FileManager.default.removeItem(atPath: path)

// Batch: every pair and cluster of a corpus in one pass.
let dedup = try CorpusDeduplicator(configuration: configuration, options: .init(threshold: 0.6))
for (id, text) in stories { try dedup.add(id: id, text: text) }
let result = try dedup.finish()
for pair in result.pairs {
    print("pair \(result.ids[pair.first]) ~ \(result.ids[pair.second]): \(String(format: "%.3f", pair.jaccard!))")
}
for cluster in result.clusters {
    print("cluster kept \(result.ids[cluster.representative]) of \(cluster.members.map { result.ids[$0] })")
}
