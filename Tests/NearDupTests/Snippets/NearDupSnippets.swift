// The Swift snippets of the DocC landing page (Sources/NearDup/NearDup.docc/NearDup.md),
// verbatim: see SnippetTests.swift.
import Foundation
import NearDup
import Testing

enum NearDupSnippets {
    /// "Overview".
    static func overview() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/NearDup.md
        let hasher = MinHasher(MinHashConfiguration(shingling: .words(5)))
        let a = hasher.signature(for: "The council approved the budget on Monday after a debate.")
        let b = hasher.signature(for: "The council approved the budget on Friday after a debate.")
        // They share 2 of their 10 distinct 5-word shingles: the estimate is near 0.2.
        let estimate = try a.jaccard(b)
        // Snippet end
        #expect(a.setSize == 6 && b.setSize == 6)   // 6 + 6 − 2 shared = 10 distinct
        let exact = ShingleSet(text: "The council approved the budget on Monday after a debate.", shingling: .words(5))
            .jaccard(ShingleSet(text: "The council approved the budget on Friday after a debate.", shingling: .words(5)))
        #expect(abs(exact - 0.2) < 1e-12)
        #expect(abs(estimate - 0.2) < 3 * (0.2 * 0.8 / 128).squareRoot())   // three standard deviations
    }
}
