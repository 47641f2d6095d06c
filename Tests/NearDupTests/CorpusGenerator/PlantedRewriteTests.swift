import Foundation
import NearDup
import NearDupCorpusGenerator
import Testing

@Suite("Corpus generator: planted rewrites, dates and outlets")
struct PlantedRewriteTests {
    static let configuration = CorpusGenerator.Configuration(
        documents: 600, wordsPerDocument: 300, duplicateRate: 0.05, seed: 21, rewriteRate: 0.4,
        dates: DateSpan(first: "2024-02-27", days: 30), outlets: 9)

    static func bytes(_ corpus: CorpusGenerator, reversed: Bool = false) -> [UInt8] {
        var lines = [[UInt8]](repeating: [], count: corpus.count)
        for i in reversed ? Array(corpus.indices.reversed()) : Array(corpus.indices) {
            corpus.appendRecord(ofDocumentAt: i, to: &lines[i])
        }
        return lines.flatMap { $0 }
    }

    /// FNV-1a, 64 bits.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test("without rewrites, dates or outlets the corpus is the one generated before they existed")
    func unchangedWithoutTheNewOptions() {
        // The digest of `neardup generate --documents 300 --words 100 --duplicates 0.3 --seed 11`
        // as built before rewrites existed (commit 1f77e11).
        let corpus = CorpusGenerator(.init(documents: 300, wordsPerDocument: 100, duplicateRate: 0.3, seed: 11))
        var bytes: [UInt8] = []
        for i in corpus.indices { corpus.appendJSONLine(ofDocumentAt: i, to: &bytes) }
        #expect(Self.digest(bytes) == 0xf745_d3b0_5960_281b)
    }

    @Test("the same seed gives the same corpus and truth, in any order of generation")
    func determinism() {
        let a = CorpusGenerator(Self.configuration), b = CorpusGenerator(Self.configuration)
        #expect(Self.bytes(a) == Self.bytes(b, reversed: true))
        #expect(a.plantedRewrites() == b.plantedRewrites())
        var other = Self.configuration
        other.seed = 22
        #expect(Self.bytes(a) != Self.bytes(CorpusGenerator(other)))
    }

    @Test("about the requested share of documents are rewrites, of every kind, each of an earlier source")
    func rateAndKinds() {
        let corpus = CorpusGenerator(.init(documents: 4_000, wordsPerDocument: 20, duplicateRate: 0.1, seed: 9, rewriteRate: 0.3))
        let rewrites = corpus.indices.compactMap { corpus.rewritePlan(ofDocumentAt: $0) }
        let duplicates = corpus.indices.compactMap { corpus.plan(ofDocumentAt: $0) }
        // Binomial(3999, 0.3): mean 1200, sd 29; Binomial(3999, 0.1): mean 400, sd 19. Six sd.
        #expect((1_026...1_374).contains(rewrites.count))
        #expect((286...514).contains(duplicates.count))
        for kind in RewriteKind.allCases {
            // A fifth of the rewrites each: mean 240, sd ≈ 14 given the total.
            let n = rewrites.filter { $0.kind == kind }.count
            #expect((150...330).contains(n), "\(kind): \(n)")
        }
        for i in corpus.indices { if let plan = corpus.rewritePlan(ofDocumentAt: i) { #expect(plan.sourceIndex < i) } }
    }

    @Test("each rewrite's counts describe what it did", arguments: RewriteKind.allCases)
    func counts(kind: RewriteKind) throws {
        let corpus = CorpusGenerator(.init(
            documents: 200, wordsPerDocument: 300, duplicateRate: 0, seed: 5, rewriteRate: 0.4, rewriteKinds: [kind]))
        let rewrites = corpus.plantedRewrites()
        let otherCorpus = CorpusGenerator(.init(documents: 200, wordsPerDocument: 300, duplicateRate: 0, seed: 6))
        #expect(rewrites.count > 50)
        // The generator's words: separated by spaces and breaks, a comma or period attached.
        func words(_ text: String) -> [String] {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
                var word = $0.lowercased()
                if word.hasSuffix(".") || word.hasSuffix(",") { word.removeLast() }
                return word
            }
        }
        for r in rewrites {
            #expect(r.kind == kind && r.sourceIndex < r.storyIndex)
            #expect(r.sourceID == corpus.id(ofDocumentAt: r.sourceIndex) && r.storyID == corpus.id(ofDocumentAt: r.storyIndex))
            let source = words(corpus[r.sourceIndex].text), story = words(corpus[r.storyIndex].text)
            #expect(story.count == r.storyWords, "\(r)")
            switch kind {
            case .reordered, .reworded:
                #expect(r.storySentences == r.sourceSentences && r.retoldSentences == r.sourceSentences)
                #expect(story.count == source.count)
                // Word by word the same, but for replaced words (reordering moves whole sentences).
                if kind == .reworded { #expect(zip(source, story).filter { $0 != $1 }.count == r.replacedWords) }
                if kind == .reordered { #expect(r.movedSentences >= 2) }
            case .condensed, .rewritten:
                #expect(r.storySentences == r.retoldSentences && r.retoldSentences <= r.sourceSentences)
                #expect(story.count <= source.count)
            case .retold:
                #expect(r.derivation == .partiallyDerived)
                #expect(r.retoldSentences >= 2 && r.retoldSentences < r.storySentences)
                #expect(r.derivedWords > 0 && r.derivedWords < r.storyWords)
            }
            if kind != .retold {
                #expect(r.derivation == .whollyDerived && r.derivedShare == 1)
            }
            // A rewrite keeps more of its source's pairs of successive long words than an
            // unrelated document shares by chance (the generator's vocabulary is small: single
            // words are shared by almost any two documents, and function words are reworded).
            func pairs(_ all: [String]) -> Set<String> {
                let w = all.filter { $0.count >= 5 }
                return Set(zip(w, w.dropFirst()).map { $0 + " " + $1 })
            }
            let storyPairs = pairs(story)
            let unrelated = pairs(words(otherCorpus[r.sourceIndex].text))  // another seed: unrelated
            let shared = Double(storyPairs.intersection(pairs(source)).count) / Double(max(1, storyPairs.count))
            let sharedByChance = Double(storyPairs.intersection(unrelated).count) / Double(max(1, storyPairs.count))
            #expect(shared > 2 * sharedByChance, "\(r.storyID): \(shared) against \(sharedByChance)")
        }
    }

    @Test("dates rise with the position over the span; a planted document is from another outlet than its source")
    func datesAndOutlets() throws {
        let corpus = CorpusGenerator(Self.configuration)
        let dates = corpus.indices.map { corpus.date(ofDocumentAt: $0)! }
        #expect(dates.first == "2024-02-27" && dates.last == "2024-03-27")  // 2024 is a leap year
        #expect(dates == dates.sorted())
        var outlets = Set<String>()
        for i in corpus.indices {
            let outlet = try #require(corpus.outlet(ofDocumentAt: i))
            outlets.insert(outlet)
            let source = corpus.rewritePlan(ofDocumentAt: i)?.sourceIndex ?? corpus.plan(ofDocumentAt: i)?.sourceIndex
            if let source {
                #expect(corpus.outlet(ofDocumentAt: source) != outlet)
                #expect(dates[source] <= dates[i])
            }
            let record = try #require(try JSONSerialization.jsonObject(with: Data(corpus[i].jsonLine().utf8)) as? [String: String])
            #expect(record == ["id": corpus[i].id, "date": dates[i], "outlet": outlet, "text": corpus[i].text])
        }
        #expect(outlets == Set((1...9).map { "outlet-0\($0)" }))
    }

    @Test("dates are read and written as YYYY-MM-DD")
    func dateSpan() {
        #expect(DateSpan.text(ofDay: 0) == "1970-01-01")
        #expect(DateSpan(first: "2000-02-29", days: 1)?.firstDay == 11_016)
        for bad in ["2021-02-29", "2021-13-01", "2021-1-01", "20210101", "", "2021-02-3x"] {
            #expect(DateSpan(first: bad, days: 1) == nil, "\(bad)")
        }
        #expect(DateSpan(first: "2021-01-01", days: 0) == nil)
    }

    @Test("truth lines are JSON with the kind, derivation and shares")
    func truthLines() throws {
        let corpus = CorpusGenerator(Self.configuration)
        for r in corpus.plantedRewrites().prefix(40) {
            let line = try #require(try JSONSerialization.jsonObject(with: Data(r.jsonLine(jaccard: 0.25, shingling: "words:5").utf8)) as? [String: Any])
            #expect(line["source"] as? String == r.sourceID && line["story"] as? String == r.storyID)
            #expect(line["kind"] as? String == r.kind.rawValue && line["derivation"] as? String == r.derivation.rawValue)
            #expect(abs((line["derived_share"] as! Double) - r.derivedShare) < 1e-4)
            #expect(abs((line["coverage"] as! Double) - r.coverage) < 1e-4)
            #expect(line["retold_sentences"] as? Int == r.retoldSentences && line["jaccard"] as? Double == 0.25)
        }
    }
}

extension PlantedRewriteTests {
    @Test("a pool of names as large as the archive gives each original names few others have")
    func largePoolOfNames() {
        func capitalisedInside(_ text: String) -> Set<Substring> {
            // Words after the first of a sentence that start with a capital: the names.
            var found = Set<Substring>()
            for sentence in text.split(separator: ".") {
                for word in sentence.split(separator: " ").dropFirst() where word.first!.isUppercase {
                    found.insert(word.trimmingCharacters(in: [","])[...])
                }
            }
            return found
        }
        let small = CorpusGenerator(.init(documents: 400, wordsPerDocument: 200, duplicateRate: 0, seed: 8))
        let large = CorpusGenerator(.init(documents: 400, wordsPerDocument: 200, duplicateRate: 0, seed: 8, names: 1_000_000))
        func documentsPerName(_ corpus: CorpusGenerator) -> Double {
            var count: [Substring: Int] = [:]
            for document in corpus { for name in capitalisedInside(document.text) { count[name, default: 0] += 1 } }
            return Double(count.values.reduce(0, +)) / Double(count.count)
        }
        // 1,600 draws from 2,000 names: about 1.4 documents a name; from a million, about 1.
        #expect(documentsPerName(small) > 1.25)
        #expect(documentsPerName(large) < 1.05)
        // Only the names differ: the same number of words, the same words elsewhere.
        #expect(small[3].text.split(separator: " ").count == large[3].text.split(separator: " ").count)
        #expect(small[3].text != large[3].text)
    }
}
