import NearDup
import NearDupCorpusGenerator
import Foundation
import Testing

@Suite("Corpus generator")
struct CorpusGeneratorTests {
    static let configuration = CorpusGenerator.Configuration(
        documents: 400, wordsPerDocument: 300, duplicateRate: 0.25, seed: 42)

    @Test("the same seed gives the same corpus, byte for byte")
    func determinism() {
        let a = CorpusGenerator(Self.configuration)
        let b = CorpusGenerator(Self.configuration)
        #expect(a.map(\.text) == b.map(\.text))
        #expect(a.plantedDuplicates() == b.plantedDuplicates())
        var bytesA: [UInt8] = [], bytesB: [UInt8] = []
        for i in a.indices { a.appendJSONLine(ofDocumentAt: i, to: &bytesA) }
        for i in b.indices.reversed() {  // random access: order does not matter
            var line: [UInt8] = []
            b.appendJSONLine(ofDocumentAt: i, to: &line)
            bytesB.insert(contentsOf: line, at: 0)
        }
        #expect(bytesA == bytesB)
    }

    @Test("another seed gives another corpus")
    func seedMatters() {
        var other = Self.configuration
        other.seed = 43
        #expect(CorpusGenerator(Self.configuration)[0].text != CorpusGenerator(other)[0].text)
    }

    @Test("a known first document, so an accidental change of the generator shows")
    func stableOutput() {
        let corpus = CorpusGenerator(.init(documents: 3, wordsPerDocument: 20, duplicateRate: 0, seed: 1))
        let text = corpus[0].text
        #expect(text.first!.isUppercase)
        #expect(text.hasSuffix("."))
        #expect(corpus[0].id == "doc-000000")
        // Pinned: BENCHMARKS.md figures rely on the same seed giving the same corpus. Change this
        // only with a deliberate change of the generator (and re-run the benchmarks).
        #expect(text == Self.pinnedFirstDocument)
    }
    static let pinnedFirstDocument = """
        Effect country encryption nurses than started to logging more of encryption, is the \
        semiconductor, about the, been exports added.
        """

    @Test("documents have about the requested number of words, as prose")
    func sizes() {
        let corpus = CorpusGenerator(Self.configuration)
        let tokenizer = Tokenizer()
        for document in corpus.prefix(50) where document.planted == nil {
            let words = tokenizer.tokens(in: document.text).count
            #expect((240...360).contains(words), "\(document.id) has \(words) words")
            #expect(document.text.contains(". "))
        }
    }

    @Test("about the requested share of documents are planted duplicates, of every kind")
    func rateAndKinds() {
        let corpus = CorpusGenerator(.init(documents: 4_000, wordsPerDocument: 20, duplicateRate: 0.2, seed: 9))
        let planned = corpus.indices.compactMap { corpus.plan(ofDocumentAt: $0) }
        // Binomial(3999, 0.2): mean 800, standard deviation 25; six deviations either side.
        #expect((650...950).contains(planned.count))
        for kind in DuplicateKind.allCases {
            let n = planned.filter { $0.kind == kind }.count
            // Each kind a quarter of the duplicates: mean 200, sd ≈ 12 given the total.
            #expect((120...280).contains(n), "\(kind): \(n)")
        }
        #expect(corpus.plan(ofDocumentAt: 0) == nil)
    }

    @Test("ground truth: each planted duplicate names an earlier source and is similar to it", arguments: DuplicateKind.allCases)
    func plantedDuplicatesAreSimilar(kind: DuplicateKind) throws {
        let corpus = CorpusGenerator(.init(documents: 300, wordsPerDocument: 600, duplicateRate: 0.3, seed: 5, kinds: [kind]))
        let planted = corpus.plantedDuplicates()
        #expect(planted.count > 40)
        var similarities: [Double] = []
        for p in planted {
            #expect(p.kind == kind)
            #expect(p.sourceIndex < p.duplicateIndex)
            #expect(p.sourceID == corpus[p.sourceIndex].id && p.duplicateID == corpus[p.duplicateIndex].id)
            let a = ShingleSet(text: corpus[p.sourceIndex].text), b = ShingleSet(text: corpus[p.duplicateIndex].text)
            let j = a.jaccard(b)
            similarities.append(j)
            switch p.edit {
            case .wordEdits(let s, let i, let d):
                // Each edit changes at most 5 shingles on each side.
                let changed = 5.0 * Double(s + i + d)
                #expect(j >= (Double(a.count) - changed) / (Double(a.count) + changed) - 1e-9)
                #expect(j < 1)
            case .sentenceReorder(let moves):
                #expect(moves >= 1 && j < 1 && j > 0.5)
            case .truncation(let kept, let original):
                #expect(kept < original)
                // The kept words' shingles are all shared: J = (kept − 4) / (original − 4) up to repeats.
                #expect(abs(j - Double(kept - 4) / Double(original - 4)) < 0.03, "J \(j), kept \(kept) of \(original)")
            case .boilerplate(let added, _):
                #expect(added > 0 && j < 1 && j > 0.6)
            }
        }
        // The planted similarities straddle the usual 0.8 threshold.
        let mean = similarities.reduce(0, +) / Double(similarities.count)
        #expect(mean > 0.6 && mean < 0.98)
    }

    @Test("unrelated documents share almost no word 5-gram")
    func unrelatedDocumentsDiffer() {
        let corpus = CorpusGenerator(.init(documents: 40, wordsPerDocument: 600, duplicateRate: 0, seed: 3))
        let sets = corpus.map { ShingleSet(text: $0.text) }
        for i in 0..<sets.count {
            for j in (i + 1)..<sets.count {
                #expect(sets[i].jaccard(sets[j]) < 0.02)
            }
        }
    }

    @Test("JSONL records are valid JSON with the id and text")
    func jsonLines() throws {
        let corpus = CorpusGenerator(.init(documents: 5, wordsPerDocument: 50, duplicateRate: 0.5, seed: 1))
        for document in corpus {
            let line = document.jsonLine()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object == ["id": document.id, "text": document.text])
            if let planted = document.planted {
                let truth = try #require(try JSONSerialization.jsonObject(with: Data(planted.jsonLine().utf8)) as? [String: Any])
                #expect(truth["kind"] as? String == planted.kind.rawValue)
                #expect(truth["duplicate"] as? String == document.id)
            }
        }
    }
}
