import Testing
import NearDup

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    func words(_ text: String) -> [String] { tokenizer.words(in: text).map(\.text) }

    /// The text at a token's byte range.
    func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    @Test func emptyAndBlankTextHaveNoTokens() {
        #expect(tokenizer.tokens(in: "").isEmpty)
        #expect(tokenizer.tokens(in: "  \n\t — … !!").isEmpty)
    }

    @Test func oneWord() {
        let tokens = tokenizer.tokens(in: "Hello")
        #expect(tokens.count == 1)
        #expect(tokens[0].range == 0..<5)
    }

    @Test func caseAndCompatibilityFormsAreUnified() {
        #expect(words("HELLO Hello hello") == ["hello", "hello", "hello"])
        #expect(words("Straße ﬁnal ＡＢＣ") == ["strasse", "final", "abc"])
        // Precomposed and decomposed é are one word.
        #expect(words("caf\u{E9}") == words("cafe\u{301}"))
        #expect(words("CAFÉ") == ["café"])
    }

    @Test func diacriticsAreKeptUnlessFolded() {
        #expect(words("café") != words("cafe"))
        let folding = Tokenizer(normalization: Normalization(foldsDiacritics: true))
        #expect(folding.words(in: "café naïve").map(\.text) == ["cafe", "naive"])
    }

    @Test func apostrophesOfEveryKindJoinAWord() {
        #expect(words("don't") == ["dont"])
        #expect(words("don’t") == ["dont"])
        #expect(words("donʼt") == ["dont"])
        // A quote mark that is not between letters separates.
        #expect(words("'quoted' ‘words’") == ["quoted", "words"])
    }

    @Test func quotesAndDashesSeparateWords() {
        #expect(words("“significant losses” — a “huge tragedy.”") == ["significant", "losses", "a", "huge", "tragedy"])
        #expect(words("well-staged") == words("well–staged"))
        #expect(words("well-staged") == ["well", "staged"])
    }

    @Test func offsetsPointIntoTheOriginalUTF8() {
        let text = "«Café» — naïve 😀 test"
        for token in tokenizer.tokens(in: text) {
            let original = slice(text, token.range)
            #expect(!original.isEmpty)
        }
        let ranges = tokenizer.tokens(in: text).map { slice(text, $0.range) }
        #expect(ranges == ["Café", "naïve", "test"])
    }

    @Test func emojiSeparateWordsAndDoNotBreakOffsets() {
        let text = "fire🔥works 👩‍👩‍👧 family"
        #expect(words(text) == ["fire", "works", "family"])
        #expect(tokenizer.tokens(in: text).map { slice(text, $0.range) } == ["fire", "works", "family"])
    }

    @Test func rightToLeftScripts() {
        let arabic = "السلام عليكم"
        #expect(words(arabic).count == 2)
        let hebrew = "שלום \u{200F}עולם"  // with a right-to-left mark
        #expect(words(hebrew) == ["שלום", "עולם"])
    }

    @Test func ideographsAreOneWordEach() {
        #expect(words("東京都") == ["東", "京", "都"])
    }

    @Test func crlfAndNulSeparate() {
        #expect(words("one\r\ntwo\u{0}three") == ["one", "two", "three"])
        let text = "one\r\ntwo"
        #expect(tokenizer.tokens(in: text).map(\.range) == [0..<3, 5..<8])
    }

    @Test func zeroWidthJoinersDoNotSplitWords() {
        #expect(words("co\u{200B}operate") == ["co", "operate"])  // a zero-width space is a space
        #expect(words("می\u{200C}خواهم") == ["میخواهم"])
        #expect(words("soft\u{AD}ware") == ["software"])
    }

    @Test func sameWordSameHashAcrossForms() {
        let a = tokenizer.tokens(in: "Don’t")
        let b = tokenizer.tokens(in: "DON'T")
        #expect(a.map(\.hash) == b.map(\.hash))
    }

    @Test func seedChangesHashes() {
        #expect(Tokenizer(seed: 1).tokens(in: "word")[0].hash != Tokenizer(seed: 2).tokens(in: "word")[0].hash)
    }

    @Test func normalizerUnifiesPunctuation() {
        let normalizer = TextNormalizer()
        #expect(normalizer.normalize("“Hello” — it’s\u{A0}fine…") == "\"hello\" - it's fine...")
    }
}
