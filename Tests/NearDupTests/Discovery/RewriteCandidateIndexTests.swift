import Testing
import NearDup
@testable import NearDupDiscovery

@Suite struct RewriteCandidateIndexTests {
    let sketcher = RewriteSketcher()

    @Test func sketchesAreStemmedContentWordsAndSampledPairs() {
        let a = sketcher.sketch(StoryRecord(id: "a", text: "Police arrested two men on Friday."))
        let b = sketcher.sketch(StoryRecord(id: "b", text: "The police had arrested two men on friday"))
        let c = sketcher.sketch(StoryRecord(id: "c", text: "Two men were arrested by the police on friday"))
        // The same content stems in the same order: the same stems and pairs.
        #expect(a.terms == b.terms)
        #expect(a.terms == a.terms.sorted())
        // polic, arrest, two, men, friday, and those of its four pairs the hash keeps: the same
        // stems in another order share the stems, and the pair (two, men) when it is kept.
        let stems = Set(a.terms).intersection(c.terms)
        #expect((5...9).contains(a.terms.count) && stems.count >= 5)
        #expect(stems.count <= 6)
    }

    /// One pair of consecutive stems in ``RewriteSketcher/pairSampling`` is kept, chosen by its
    /// hash: 3,999 distinct pairs keep Binomial(3999, 1/16) of them, mean 250, sd 15.3; fixed
    /// stems, five standard deviations either side.
    @Test func oneStemPairInSixteenIsKept() {
        var collector = RewriteSketcher.TermCollector()
        for i: UInt64 in 0..<4_000 { collector.add(i &* 0x2545_F491_4F6C_DD1D) }
        #expect(RewriteSketcher.pairSampling == 16)
        #expect((174...326).contains(collector.seen.count - 4_000))
    }

    /// A story's sketch made from the report's reading of it (as `neardup discover --sources`
    /// makes it, reading the story once) equals the one made from its text, in English and in
    /// another language; a reading in another language or normalisation is not used.
    @Test func aSketchFromTheReportsReadingEqualsOneFromTheText() throws {
        var texts = ["HEADLINE ONLY, NO BODY", "5 men and 12 women: 3 of them arrested.", "", "Á la carte: café, naïve, 7 ½"]
        for event in RewriteCorpus.events { texts += [event.reference] + event.candidates.map(\.text) }
        let german = try ReportLanguage("german")
        for language in [ReportLanguage.english, german] {
            var configuration = RewriteAnalyzer.Configuration()
            configuration.language = language
            let linker = RewriteLinker(analyzer: RewriteAnalyzer(configuration: configuration))
            for seed: UInt64 in [0, 42] {
                let sketcher = RewriteSketcher(language: language, seed: seed)
                for (n, text) in texts.enumerated() {
                    let story = StoryRecord(id: "s\(n)", text: text)
                    let read = try #require(sketcher.sketch(story, readAs: linker.prepare(story: story)))
                    #expect(read == sketcher.sketch(story), "\(language) \(seed) text \(n)")
                }
            }
        }
        let english = RewriteLinker().prepare(story: StoryRecord(id: "e", text: texts[1]))
        #expect(RewriteSketcher(language: german).sketch(StoryRecord(id: "e", text: texts[1]), readAs: english) == nil)
        var folding = RewriteAnalyzer.Configuration()
        folding.normalization.foldsDiacritics = true
        let folded = RewriteLinker(analyzer: RewriteAnalyzer(configuration: folding)).prepare(story: StoryRecord(id: "f", text: texts[3]))
        #expect(sketcher.sketch(StoryRecord(id: "f", text: texts[3]), readAs: folded) == nil)
    }

    /// A query sums its sources' weights in an array over the sources (a small archive) or by
    /// sorting what its postings meet (a large one): the same candidates, weights to the bit.
    @Test func bothWaysOfSummingGiveTheSameCandidates() {
        let archive = DiscoveryMemoryTests.archive
        var dense = RewriteCandidateIndex(settings: .init(limit: 50))
        for story in archive { dense.insert(sketcher.sketch(story)) }
        var sorted = dense
        sorted.denseScoringSources = 0
        var found = 0
        for story in archive {
            let sketch = sketcher.sketch(story)
            let rule = LinkRule(ordersByID: true)
            let a = dense.candidates(for: sketch, rule: rule), b = sorted.candidates(for: sketch, rule: rule)
            #expect(a == b)
            found += a.count
        }
        #expect(found > archive.count, "not vacuous")
    }

    /// Every derived story of ``RewriteCorpus`` (heavy rewrites included) has its own event's
    /// reference as its first candidate, and an unrelated story shares too little with any.
    @Test func theOwnSourceComesFirst() {
        var index = RewriteCandidateIndex()
        for event in RewriteCorpus.events {
            index.insert(sketcher.sketch(StoryRecord(id: "\(event.name)/reference", text: event.reference)))
        }
        let rule = LinkRule(ordersByID: false)
        for event in RewriteCorpus.events {
            for c in event.candidates where c.expected != .nonDerived {
                let found = index.candidates(for: sketcher.sketch(StoryRecord(id: "\(event.name)/\(c.kind)", text: c.text)), rule: rule)
                #expect(found.first?.sourceID == "\(event.name)/reference", "\(event.name)/\(c.kind): \(found.map(\.sourceID))")
            }
        }
    }

    /// The query reads the story's rarest terms only and skips terms held by more than
    /// `maximumPostings` sources: a term every source holds points nowhere.
    @Test func commonTermsArePassedOverAndTheCutHolds() {
        var settings = RewriteCandidateIndex.Settings(limit: 2, queryTerms: 64, maximumPostings: 3, minimumSharedTerms: 1)
        var index = RewriteCandidateIndex(settings: settings)
        let texts = ["harbour strike ferry", "harbour strike union", "harbour council budget", "harbour festival music", "harbour strike"]
        for (i, text) in texts.enumerated() { index.insert(sketcher.sketch(StoryRecord(id: "s\(i)", text: text))) }
        let story = sketcher.sketch(StoryRecord(id: "q", text: "harbour strike ferry union"))
        #expect(index.documentFrequency(of: sketcher.sketch(StoryRecord(id: "h", text: "harbour")).terms[0]) == 5)
        let found = index.candidates(for: story, rule: LinkRule(ordersByID: false))
        // "harbour" (5 sources > 3) is passed over; ferry and union are rarer than strike.
        #expect(found.map(\.sourceID) == ["s0", "s1"])
        #expect(found.allSatisfy { $0.sharedTerms == 2 })
        settings.minimumSharedTerms = 3
        index.settings = settings
        #expect(index.candidates(for: story, rule: LinkRule(ordersByID: false)).isEmpty)
    }

    /// The query's radix sort equals the standard sort on keys appended term after term, large
    /// (radix passes over many sources) and small (the standard sort).
    @Test func theSourceMajorSortEqualsTheStandardSort() {
        var random = SplitMix64(seed: 7)
        for (terms, sources) in [(64, 5_000), (40, 3_000_000), (3, 10), (64, 1)] {
            var keys: [UInt64] = []
            for rank in 0..<terms {
                let holders = (0..<Int.random(in: 1...400, using: &random)).map { _ in UInt64.random(in: 0..<UInt64(sources), using: &random) }
                for source in Set(holders).sorted() { keys.append(source << 32 | UInt64(rank)) }
            }
            var radix = keys
            radix.sortBySourceThenRank()
            #expect(radix == keys.sorted(), "\(terms) terms over \(sources) sources, \(keys.count) keys")
        }
    }

    @Test func theLinkRule() {
        func s(_ id: String, _ date: String?, _ outlet: String?) -> RewriteSketch { RewriteSketch(id: id, date: date, outlet: outlet, terms: []) }
        let rule = LinkRule()
        #expect(!rule.allows(story: s("a", nil, nil), source: s("a", nil, nil)))
        #expect(rule.allows(story: s("b", "2024-01-02", nil), source: s("z", "2024-01-01", nil)))
        #expect(!rule.allows(story: s("z", "2024-01-01", nil), source: s("b", "2024-01-02", nil)))
        #expect(rule.allows(story: s("b", "2024-01-01", nil), source: s("a", "2024-01-01", nil)))
        #expect(!rule.allows(story: s("a", "2024-01-01", nil), source: s("b", "2024-01-01", nil)))
        #expect(!rule.allows(story: s("b", nil, "PA"), source: s("a", nil, "PA")))
        #expect(LinkRule(sameOutlet: true).allows(story: s("b", nil, "PA"), source: s("a", nil, "PA")))
        #expect(LinkRule(ordersByID: false).allows(story: s("a", nil, nil), source: s("b", nil, nil)))
        #expect(!LinkRule(ordersByID: false).allows(story: s("a", "2024-01-01", nil), source: s("b", "2024-01-02", nil)))
        #expect(StoryRecord.isValidDate("1999-11-02") && !StoryRecord.isValidDate("02.11.99") && !StoryRecord.isValidDate("1999-13-01"))
    }
}
