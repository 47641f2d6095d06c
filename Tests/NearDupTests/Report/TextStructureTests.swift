import Testing
import NearDup
@testable import NearDupCore
@testable import NearDupReport

@Suite struct QuotationFinderTests {
    func quoted(_ text: String) -> [String] {
        QuotationFinder().quotations(in: text).map { q in
            let u = Array(text.utf8)
            return String(decoding: u[q.contentRange], as: UTF8.self)
        }
    }

    @Test func findsEveryKindOfMark() {
        #expect(quoted("He said \"no way\" twice.") == ["no way"])
        #expect(quoted("He said “no way” twice.") == ["no way"])
        #expect(quoted("Il a dit « pas question » hier.") == [" pas question "])
        #expect(quoted("Er sagte „nein“ dazu.") == ["nein"])
        #expect(quoted("a 'huge tragedy' for us") == ["huge tragedy"])
        #expect(quoted("a ‘huge tragedy’ for us") == ["huge tragedy"])
    }

    @Test func apostrophesAreNotQuotes() {
        #expect(quoted("Russia’s troops don’t say it's over.").isEmpty)
        #expect(quoted("The troops’ casualties were high.").isEmpty)
    }

    @Test func quotationRunsAcrossHardWrappedLines() {
        let text = """
            The mayor spoke for an hour to the council and the press on Monday
            evening. "We will not raise taxes again this year, and we will not
            cut the bus service either," she said, before leaving the room.
            """
        #expect(quoted(text).count == 1)
        #expect(quoted(text)[0].hasPrefix("We will not raise taxes"))
        #expect(quoted(text)[0].hasSuffix("either,"))
    }

    @Test func speechOverSeveralParagraphs() {
        let text = """
            “The first paragraph of the speech has no closing mark.

            “The second one ends the speech,” the minister said.

            Then the meeting ended.
            """
        let q = quoted(text)
        #expect(q.count == 2)
        #expect(q[0] == "The first paragraph of the speech has no closing mark.")
        #expect(q[1] == "The second one ends the speech,")
    }

    @Test func strayMarkDoesNotSwallowTheParagraph() {
        let text = "Prices rose 5\" in the chart, the report said.\nThe next paragraph is plain."
        #expect(quoted(text).isEmpty)
    }
}

@Suite struct SentenceSplitterTests {
    /// The layout answers ASCII without the Unicode tables; its answers must be the tables'.
    @Test func asciiClassesAreTheUnicodePropertiesOnes() {
        for value in UInt32(0)..<0x100 {
            let s = Unicode.Scalar(value)!
            #expect(TextLayout.isWhiteSpace(s) == s.properties.isWhitespace, "U+\(String(value, radix: 16))")
            #expect(TextLayout.isWordCharacter(s) == (s.properties.isAlphabetic || s.properties.numericType != nil), "U+\(String(value, radix: 16))")
        }
    }

    func split(_ text: String) -> [String] {
        let u = Array(text.utf8)
        return SentenceSplitter().sentences(in: text).map { String(decoding: u[$0], as: UTF8.self) }
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(split("U.S. officials met on Feb. 24 with Gen. Smith. They left.") == [
            "U.S. officials met on Feb. 24 with Gen. Smith.", "They left.",
        ])
        #expect(split("John F. Kennedy spoke. Then he left.").count == 2)
    }

    @Test func quotedSentencesAndAttribution() {
        #expect(split("“It was a mistake.” He left. “We deny it,” Peskov said.") == [
            "“It was a mistake.”", "He left.", "“We deny it,” Peskov said.",
        ])
    }

    @Test func controlCharactersAreSpaces() {
        // METER's PA copy opens each paragraph with U+0019; a text joined from such paragraphs
        // must still split, and no sentence starts with the mark.
        #expect(split("He was jailed for life. \u{19}The judge said it was cruel. \u{7F}\u{85}It was.") == [
            "He was jailed for life.", "The judge said it was cruel.", "It was.",
        ])
    }

    @Test func lineBreaksEndSentencesUnlessHardWrapped() {
        #expect(split("KEY POINTS\nPeskov spoke to Sky News.\nIt was late.") == ["KEY POINTS", "Peskov spoke to Sky News.", "It was late."])
        let wrapped = """
            The council met on Monday evening and argued for hours about
            the budget, the buses and the libraries. Then it voted, seven
            to four, for the plan of the mayor

            The next paragraph
            """
        #expect(split(wrapped) == [
            "The council met on Monday evening and argued for hours about\nthe budget, the buses and the libraries.",
            "Then it voted, seven\nto four, for the plan of the mayor", "The next paragraph",
        ])
    }
}

@Suite struct SnowballStemmerTests {
    // English is Porter2 (Snowball's published vocabulary and output lists).
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("agreed", "agre"), ("plastered", "plaster"),
        ("motoring", "motor"), ("hopping", "hop"), ("filing", "file"), ("happy", "happi"), ("relational", "relat"),
        ("conditional", "condit"), ("generalization", "general"), ("hopefulness", "hope"), ("adjustment", "adjust"),
        ("adoption", "adopt"), ("controlling", "control"), ("acknowledged", "acknowledg"),
        ("acknowledgement", "acknowledg"), ("casualties", "casualti"), ("withdrawing", "withdraw"),
        ("skepticism", "skeptic"), ("skeptical", "skeptic"),
    ])
    func stemsEnglish(word: String, stem: String) throws {
        #expect(try SnowballStemmer(language: "english").stem(word) == stem)
    }

    /// A stem's id is the hash of the stem libstemmer wrote, whether the String is made or not;
    /// words that are their own stem (short, or with a digit) too; different stems differ.
    @Test(arguments: ["negotiations", "negotiated", "withdrawing", "casualties", "of", "g7", "2024", "naïveté", "verhandlungen"])
    func stemIDIsTheStemsHash(word: String) throws {
        let stemmer = try SnowballStemmer(language: "english")
        #expect(stemmer.stemID(word) == StemID(stem: stemmer.stem(word)))
    }

    @Test func stemIDsTellStemsApart() throws {
        let stemmer = try SnowballStemmer(language: "english")
        #expect(stemmer.stemID("negotiations") == stemmer.stemID("negotiated"))
        #expect(stemmer.stemID("negotiations") != stemmer.stemID("withdrawing"))
        #expect(StemID(stem: "negoti") != StemID(stem: "negotia"))
    }

    @Test func otherLanguages() throws {
        #expect(try SnowballStemmer(language: "french").stem("continuellement") == "continuel")
        #expect(try SnowballStemmer(language: "german").stem("verhandlungen") == "verhandl")
        #expect(SnowballStemmer.languages.contains("english"))
        #expect(SnowballStemmer.languages.count >= 15)
    }

    @Test func refusesAnUnknownLanguage() {
        #expect(throws: NearDupError.self) { try SnowballStemmer(language: "klingon") }
        #expect(throws: NearDupError.self) { try ReportLanguage("klingon") }
    }

    @Test func leavesNumbersAndShortWordsAlone() throws {
        let stemmer = try SnowballStemmer(language: "english")
        #expect(stemmer.stem("2022") == "2022")
        #expect(stemmer.stem("is") == "is")
    }
}
