import Foundation
import NearDup
import Testing

/// How ``VerdictModel`` combines its routes, and the copying route's feature.
@Suite struct VerdictModelTests {
    static func evidence(verbatim: Int, underived: Int, underivedShared: Int) -> EvidenceSummary {
        var e = EvidenceSummary(narrativeSentences: 10, derivedSentences: verbatim, verbatimSentences: verbatim, narrativeWords: 120)
        e.underivedWords = underived
        e.underivedSharedWords = underivedShared
        return e
    }

    /// Copies weigh only where the rest of the story shares less than half its words with the
    /// reference (as a story about something else does), and nothing without a copied sentence.
    @Test func offTopicCopiesReadTheRestOfTheStory() {
        let feature = VerdictFeature.offTopicCopies
        #expect(feature.value(Self.evidence(verbatim: 3, underived: 100, underivedShared: 60)) == 0)
        #expect(feature.value(Self.evidence(verbatim: 0, underived: 100, underivedShared: 5)) == 0)
        let p = 10.5 / 101.0
        let expected = log(4.0) * -log(p / (1 - p))
        #expect(abs(feature.value(Self.evidence(verbatim: 3, underived: 100, underivedShared: 10)) - expected) < 1e-12)
    }

    /// P(derived) = 1 − (1 − P(sharing)) (1 − P(copying)), each route's own probability reported;
    /// without a copying route P(derived) is P(sharing); a story with no narrative words scores 0.
    @Test func theRoutesCombineAsEitherShowingTheSource() {
        let sharing = LogisticModel(intercept: -0.4, terms: [])
        let copying = LogisticModel(intercept: -3, terms: [(.offTopicCopies, 2)])
        let wholly = LogisticModel(intercept: 0, terms: [])
        let e = Self.evidence(verbatim: 2, underived: 80, underivedShared: 12)
        let both = VerdictModel(derived: sharing, wholly: wholly, copying: copying).decide(e)
        let (s, c) = (sharing.probability(e), copying.probability(e))
        #expect(abs(both.sharingProbability - s) < 1e-4 && abs(both.copyingProbability - c) < 1e-4)
        #expect(abs(both.derivedProbability - (1 - (1 - s) * (1 - c))) < 1e-4)
        #expect(both.derivedProbability >= both.sharingProbability)
        #expect(both.features["offTopicCopies"] != nil)
        let one = VerdictModel(derived: sharing, wholly: wholly).decide(e)
        #expect(one.copyingProbability == 0 && one.derivedProbability == one.sharingProbability)
        var empty = e
        empty.narrativeWords = 0
        #expect(VerdictModel(derived: sharing, wholly: wholly, copying: copying).decide(empty).derivedProbability == 0)
    }
}
