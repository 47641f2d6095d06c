import Foundation
import Testing
import NearDup

/// Random text made of the characters the layout stage and the sentence and quotation finders
/// react to, through the whole analysis: nothing traps, and every figure and offset stays in range.
@Suite struct ReportRobustnessTests {
    static let pieces = [
        "<", "\n", "\n\n", " ", "``", "''", "#5", "\"", "“", "”", "'", "’", ". ", "! ", "? ", "—", "- ", "(", ")",
        "By ", "PA News", "end", "LONDON (Reuters) - ", "Read Also: ", "Advertisement", "Getty Images", "•",
        "----------", "10:12 03/02/00: Page 1", "the", "court", "heard", "Wren", "fire", "said", "MAN JAILED", "é", "中",
        "\u{200B}", "\r\n", "\t",
    ]

    static func randomText(_ rng: inout SplitMix64, pieces count: Int) -> String {
        (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func randomCopyKeepsEveryFigureInRange() {
        var rng = SplitMix64(seed: 2026)
        let analyzer = RewriteAnalyzer()
        for round in 0..<300 {
            let reference = Self.randomText(&rng, pieces: Int(rng.next() % 120))
            let candidate = round % 3 == 0 ? reference : Self.randomText(&rng, pieces: Int(rng.next() % 120))
            let story = StoryLayout().read(candidate)
            let length = candidate.utf8.count
            for block in story.blocks {
                #expect(block.range.lowerBound >= 0 && block.range.upperBound <= story.text.utf8.count)
                let original = story.originalRange(of: block.range)
                #expect(original.lowerBound >= 0 && original.upperBound <= length)
            }
            let report = analyzer.analyze(
                reference: ReportDocument(id: "r", text: reference), candidates: [ReportDocument(id: "c", text: candidate)])
            let r = report.candidates[0]
            #expect((0...1).contains(r.score) && (0...1).contains(r.coverage) && (0...1).contains(r.jaccard))
            for p in r.passages {
                #expect(p.candidate.start <= p.candidate.end && p.candidate.end <= length)
                #expect(p.reference.start <= p.reference.end && p.reference.end <= reference.utf8.count)
                #expect((0...1).contains(p.similarity))
                #expect(p.referenceSentences.allSatisfy { (1...report.reference.narrativeSentences.count).contains($0) })
            }
        }
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Found by the report fuzz target (Fuzz/, after the layout stage landed): a passage's
    /// reference text joins merged source sentences, so it is not the bytes of its span. The
    /// contract: a passage's text holds the same words as its candidate span, and its reference
    /// text holds every word of its reference span.
    @Test func passageTextsHoldTheirSpansWords() throws {
        let input = [UInt8](Data(base64Encoded: "VGhlIHNhbWUgc2VudGVuY2UgY29waWVkIHdvcmQgZm9yIHdvcmQgaGVyZS4gQW5vdGhlciBvbmUuAFRoZSBzYW1lIHNlbnRlbmNlIGNvcGllZCB3b3JkIGZvciB3b3JkIGhlcmVUaGUgc2FtZSBzZW50ZW5jZSBjb3BpZWQgd29yZCBmb3Igd29yZCBoZXJlLiBBbm90aGVyIG9uZS4AVGhlIHNhbWUgc2VudGVuY2UgY29waWVkIHcuIEFub3RoZXIgb25lLg==")!)
        let split = input.firstIndex(of: 0)!
        let reference = String(decoding: input[..<split], as: UTF8.self)
        let candidate = String(decoding: input[(split + 1)...], as: UTF8.self)
        let r = RewriteAnalyzer().compare(
            reference: ReportDocument(id: "r", text: reference), candidate: ReportDocument(id: "c", text: candidate))
        #expect(!r.passages.isEmpty)
        let ref = Array(reference.utf8), cand = Array(candidate.utf8)
        for p in r.passages {
            #expect(Self.words(p.text) == Self.words(String(decoding: cand[p.candidate.range], as: UTF8.self)))
            #expect(Set(Self.words(String(decoding: ref[p.reference.range], as: UTF8.self))).isSubset(of: Set(Self.words(p.referenceText))))
        }
    }
}
