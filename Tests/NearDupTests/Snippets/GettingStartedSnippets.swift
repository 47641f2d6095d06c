// The Swift snippets of Sources/NearDup/NearDup.docc/GettingStarted.md, verbatim: see
// SnippetTests.swift. (The Package.swift excerpt is manifest syntax, a plain ``` block.)
import Foundation
import NearDup
import Testing

enum GettingStartedSnippets {
    /// "Compare two texts exactly".
    static func compareExactly() {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        let a = ShingleSet(text: "the council approved the budget on monday", shingling: .words(3))
        let b = ShingleSet(text: "the council approved the budget on friday", shingling: .words(3))
        let jaccard = a.jaccard(b)            // |A ∩ B| / |A ∪ B| = 4 / 6
        let contained = a.containment(in: b)  // |A ∩ B| / |A|     = 4 / 5
        // Snippet end
        #expect(abs(jaccard - 4.0 / 6) < 1e-12)
        #expect(abs(contained - 4.0 / 5) < 1e-12)
    }

    /// "Compare by signature".
    static func compareBySignature() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        let hasher = MinHasher(MinHashConfiguration(scheme: .onePermutation, permutations: 128, seed: 1,
                                                    shingling: .words(5)))
        let storyA = "Kremlin spokesman Dmitry Peskov acknowledged significant losses of troops in an interview with Sky News on Thursday."
        let storyB = "Kremlin spokesman Dmitry Peskov acknowledged significant losses of troops in an interview with Sky News on Friday."
        let sa = hasher.signature(for: storyA)
        let sb = hasher.signature(for: storyB)
        let estimate = try sa.jaccard(sb)        // throws if the configurations differ
        let containment = try sa.containment(in: sb)

        let bytes = sa.binaryEncoded()           // 32 + 8·k bytes
        let again = try Signature(binaryEncoded: bytes)
        // Snippet end
        #expect(bytes.count == 32 + 8 * 128)
        #expect(again == sa)
        // Within three standard deviations, sqrt(J(1−J)/k), of the exact Jaccard similarity.
        let exact = ShingleSet(text: storyA, shingling: .words(5)).jaccard(ShingleSet(text: storyB, shingling: .words(5)))
        #expect(abs(estimate - exact) < 3 * (exact * (1 - exact) / 128).squareRoot())
        #expect(containment >= estimate)   // 13 shingles each: containment 2J / (1 + J) ≥ J
    }

    /// "Compare by signature": hot loops.
    static func hotLoop() {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        let hasher = MinHasher()
        let workspace = hasher.makeWorkspace()
        var values = [UInt64](repeating: 0, count: hasher.configuration.permutations)
        for var text in ["first document", "second document"] {
            let distinctShingles = text.withUTF8 { utf8 in
                values.withUnsafeMutableBufferPointer { hasher.sign(utf8: utf8, into: $0, using: workspace) }
            }
            print(distinctShingles, values[0])
        }
        // Snippet end
    }

    /// "Keep only new stories".
    static func keepOnlyNewStories() {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        let index = NearDuplicateIndex(threshold: 0.8)
        let incoming = [
            ("wire-1", "The city council approved the new budget on Monday after a long debate about schools, roads and public transport."),
            ("web-7", "The city council approved the new budget on Monday after a long debate about schools, roads and public transport costs."),
        ]
        for (id, text) in incoming {
            let matches = index.insertIfUnique(id: id, text: text)
            if let best = matches.first {
                print(id, "is a near-duplicate of", best.id, best.similarity)   // exact Jaccard
            }
        }
        // Snippet end
        #expect(index.count == 1 && index.contains(id: "wire-1"))   // web-7 was a near-duplicate
    }

    /// "Judge a rewrite".
    static func judgeARewrite() {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        let wire = ReportDocument(id: "wire.txt", text: """
            Dmitry Peskov, spokesman for the Kremlin, acknowledged significant losses of troops in Ukraine.

            He described the losses as a huge tragedy for Russia in an interview with Sky News.
            """)
        let story = ReportDocument(id: "paper.txt", text: """
            Kremlin spokesman Dmitry Peskov made a rare acknowledgement of significant troop losses in Ukraine.

            Speaking to Sky News, he called the losses a huge tragedy.
            """)
        let report = RewriteAnalyzer().analyze(reference: wire, candidates: [story])   // wholly-derived
        for candidate in report.candidates {
            print(candidate.rank, candidate.id, candidate.verdict, candidate.score, candidate.coverage)
            for passage in candidate.passages { print(passage.kind, passage.referenceSentences, passage.text) }
        }
        // Snippet end
        #expect(report.candidates.map(\.verdict) == [.whollyDerived])
    }

    /// "Errors" (it reads a file: compiled, not run).
    static func errors() {
        // Snippet begin: Sources/NearDup/NearDup.docc/GettingStarted.md
        do {
            _ = try NearDuplicateIndex(contentsOf: "archive.ndx")
        } catch let error as NearDupError where error.code == .damagedIndex {
            print("rebuild the index:", error.message)
        } catch {
            print(error)
        }
        // Snippet end
    }
}
