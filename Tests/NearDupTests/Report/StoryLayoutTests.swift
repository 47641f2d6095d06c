import Testing
import NearDup

/// The layout stage on small fixtures written for these tests in the formats real copy comes in.
@Suite struct StoryLayoutTests {
    /// Press Association wire copy as sent (the METER corpus's format): header rules and a
    /// timestamp, an editorial note, a headline in capitals, a byline, paragraphs hard-wrapped at
    /// 80 columns and ending in `<`, backtick quotes, `#` for `£`, closing initials.
    static let wire = """
          ------------------------------------------------------------------------

                     10:12 03/02/00: Page 1 (HHH) COURTS Harbour
          ------------------------------------------------------------------------
        (with picture)<
        HARBOUR MASTER FINED OVER FERRY COLLISION<
        By Jane Doe, PA News<
        A harbour master was fined #2,500 today after two ferries collided in fog off
        the coast of a small island town.<
        The court heard that the radar at the harbour office had been switched off
        for repairs for three days.<
        Magistrate Anne Roe said: ``This was a serious lapse. Lives were put at
        risk.''<
        end<
        """

    @Test func readsWireCopy() {
        let story = StoryLayout().read(Self.wire)
        #expect(story.isWireCopy)
        let kinds = story.blocks.map(\.kind)
        #expect(kinds.first(where: { $0 != .boilerplate }) == .headline)
        #expect(kinds.contains(.byline))
        #expect(kinds.filter { $0 == .body }.count == 3)
        #expect(kinds.last == .boilerplate)  // end
        let body = story.body
        #expect(body.contains("fined £2,500 today after two ferries collided in fog off the coast"))
        #expect(body.contains("“This was a serious lapse. Lives were put at risk.”"))
        #expect(!body.contains("<"))
        #expect(!body.contains("PA News"))
        #expect(story.title() == "HARBOUR MASTER FINED OVER FERRY COLLISION")
        // Three body sentences and a two-sentence quotation: five sentences, one quotation.
        let sentences = SentenceSplitter().sentences(in: body)
        #expect(sentences.count == 4)
        #expect(QuotationFinder().quotations(in: body).count == 1)
    }

    @Test func mapsCleanedOffsetsBackToTheInput() {
        let story = StoryLayout().read(Self.wire)
        let utf8 = Array(Self.wire.utf8)
        let text = Array(story.text.utf8)
        // "£2,500" in the cleaned text comes from "#2,500" in the input.
        let pound = Array("£2,500".utf8)
        let at = (0...(text.count - pound.count)).first { Array(text[$0..<($0 + pound.count)]) == pound }!
        let original = story.originalRange(of: at..<(at + pound.count))
        #expect(String(decoding: utf8[original], as: UTF8.self) == "#2,500")
        // A word after a joined line break maps to itself.
        let coast = Array("coast".utf8)
        let c = (0...(text.count - coast.count)).first { Array(text[$0..<($0 + coast.count)]) == coast }!
        #expect(String(decoding: utf8[story.originalRange(of: c..<(c + coast.count))], as: UTF8.self) == "coast")
    }

    @Test func readsReutersDatelinesAndCredits() {
        let text = """
            Ferry talks resume after collision

            LONDON (Reuters) - Talks between the two ferry operators resumed on Monday, a week after their boats collided in fog.

            Both companies said the radar logs would be published.

            Reporting by Sam Poe; Editing by Kim Lo
            """
        let story = StoryLayout().read(text)
        #expect(!story.isWireCopy)
        #expect(story.blocks.map(\.kind) == [.headline, .dateline, .body, .body, .boilerplate])
        #expect(story.slice(story.blocks[1].range) == "LONDON (Reuters) -")
        #expect(story.body.hasPrefix("Talks between the two ferry operators"))
    }

    @Test func setsWebFurnitureAside() {
        let text = """
            Two ferries collide in fog
            The ferries were carrying 300 passengers between the islands when they collided.
            The operators said nobody was hurt. (Photo by Sam Poe/Getty Images)
            Read Also: Fog warnings issued for the weekend
            Advertisement
            Rescue boats from Getty Harbour reached both ferries within minutes.
            Rescue boats reached the ferries. Sam Poe/Getty Images
            Related Article: Island ferry timetable changes
            The ferries were carrying 300 passengers between the islands when they collided.
            For the latest news, weather, sports, and streaming video, head to The Daily.
            """
        let story = StoryLayout().read(text)
        let kinds = story.blocks.map(\.kind)
        #expect(kinds == [.headline, .body, .body, .boilerplate, .boilerplate, .body, .boilerplate, .boilerplate, .boilerplate, .boilerplate])
        #expect(!story.body.contains("Read Also"))
        #expect(!story.body.contains("head to"))
    }

    @Test func plainProseIsAllBody() {
        let text = "The council approved the budget on Monday. It passed by five votes to four.\n"
        let story = StoryLayout().read(text)
        #expect(story.blocks.map(\.kind) == [.body])
        #expect(story.text == "The council approved the budget on Monday. It passed by five votes to four.")
    }

    @Test func hardWrappedProseJoinsLines() {
        let text = """
            The council approved the budget on Monday after a debate that ran
            late into the night, with five votes to four in favour of the
            plan and one abstention from the chair of the finance committee

            A second paragraph follows the blank line and has its own
            sentences, which are also wrapped by hand at under a hundred
            columns as in a plain-text archive of the period
            """
        let story = StoryLayout().read(text)
        #expect(story.blocks.count == 2)
        #expect(story.blocks.allSatisfy { $0.kind == .body })
        #expect(!story.text.contains("ran\nlate"))
    }
}
