// The Swift snippets of Sources/NearDup/NearDup.docc/SignaturesAndEncodings.md, verbatim: see
// SnippetTests.swift.
import Foundation
import NearDup
import Testing

enum SignaturesAndEncodingsSnippets {
    /// "Overview".
    static func overview() {
        // Snippet begin: Sources/NearDup/NearDup.docc/SignaturesAndEncodings.md
        let configuration = MinHashConfiguration(scheme: .onePermutation, permutations: 128, seed: 1,
                                                 shingling: .words(5), normalization: .standard)
        let hasher = MinHasher(configuration)
        let text = "The city council approved the new budget on Monday after a long debate about schools."
        let signature = hasher.signature(for: text)

        // The same set, from hashes computed elsewhere (a ShingleSet of the same configuration):
        let shingles = ShingleSet(text: text, shingling: configuration.shingling, seed: configuration.seed)
        let same = hasher.signature(forShingleHashes: shingles.hashes)
        assert(same == signature)
        // Snippet end
        #expect(same == signature)
    }

    /// "The JSON form".
    static func jsonForm() throws {
        // Snippet begin: Sources/NearDup/NearDup.docc/SignaturesAndEncodings.md
        let signature = MinHasher().signature(for: "a story worth keeping, told in a few words")
        let data = try JSONEncoder().encode(signature)
        let decoded = try JSONDecoder().decode(Signature.self, from: data)
        assert(decoded == signature)
        // Snippet end
        #expect(decoded == signature)
        // The keys and values the article shows.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["format", "scheme", "permutations", "seed", "shingling", "fold_diacritics", "set_size", "hashvalues"])
        #expect(object["format"] as? Int == Int(Signature.formatVersion))
        #expect(object["scheme"] as? String == "one-permutation" && object["shingling"] as? String == "words:5")
        #expect(object["permutations"] as? Int == 128 && object["seed"] as? Int == 1)
        #expect(object["fold_diacritics"] as? Bool == false && object["set_size"] as? Int == signature.setSize)
        let base64 = try #require(object["hashvalues"] as? String)
        let values = try #require(Data(base64Encoded: base64))
        #expect(values == Data(signature.binaryEncoded().dropFirst(32)))
    }

    /// "Compact values and band keys".
    static func bandKeys() {
        // Snippet begin: Sources/NearDup/NearDup.docc/SignaturesAndEncodings.md
        let lsh = LSHParameters(threshold: 0.8, permutations: 128)
        print(lsh, lsh.candidateProbability(atSimilarity: 0.8))   // 18 bands × 6 rows, about 0.996
        let sketch = DedupSketcher(configuration: .default, lsh: lsh).sketch("A story to band, in a few words.")
        print(sketch.bandKeys.count, sketch.compactSignature.count, sketch.fingerprints.count)
        // Snippet end
        #expect(lsh.bands == 18 && lsh.rows == 6 && "\(lsh)" == "18 bands × 6 rows")
        #expect((lsh.candidateProbability(atSimilarity: 0.8) * 1000).rounded() == 996)
        #expect(sketch.bandKeys.count == 18 && sketch.compactSignature.count == 128)
        // datasketch's choice, 9 × 13, "makes only 40 % of the pairs at 0.8 candidates".
        #expect((LSHParameters(bands: 9, rows: 13).candidateProbability(atSimilarity: 0.8) * 100).rounded() == 40)
    }
}
