import NearDupCore

extension RewriteAnalyzer {
    /// The parameters of the analysis. The defaults are documented on each property; the
    /// alignment's were checked on the METER development split and the seed stories' labelled
    /// alignments (`Tests/NearDupTests/Report/SeedAlignmentTests.swift`), the verdict rule's
    /// model's were fitted on METER and the web rewrites by `scripts/fit-verdict.py`.
    public struct Configuration: Sendable, Hashable {
        /// Shingles for Jaccard and containment (word 5-grams, the core's default). The report
        /// tokenises each text once and builds word shingles from those words: only word
        /// shingling is supported (the CLI refuses `chars:N` for `report`).
        public var shingling: Shingling = .default
        /// The stories' language: its Snowball stemmer, and English stop words for English.
        public var language: ReportLanguage = .english
        /// Whether a candidate word may match a WordNet synonym of a reference word (*suffered* for
        /// *sustained*, *admitted* for *acknowledged*) when sentences are aligned. English only;
        /// needs the WordNet database (Debian's `wordnet-base`), and is off when it is missing.
        public var synonyms = true
        /// Seed of the word hashes.
        public var seed: UInt64 = 0
        /// How words are normalised before hashing and comparison (Unicode folding, case,
        /// apostrophes); ``Normalization/standard`` by default.
        public var normalization: Normalization = .standard
        /// Turns the evidence into P(derived), P(wholly | derived) and the verdict.
        public var model: VerdictModel = .standard
        /// Stems two sentences must share before they can be aligned. Three: fewer is what any two
        /// sentences about the same event share (a name, a place, a verb).
        public var minimumSharedStems = 3
        /// Similarity (containment: the share of the candidate sentence's weighted content stems
        /// found in its source sentences) from which a sentence pair is aligned on its own: half
        /// of the sentence's weighted content taken from there.
        public var alignedSimilarity = 0.5
        /// Similarity from which a sentence pair is aligned when a neighbouring pair in the same
        /// order supports it (a sentence-by-sentence rewrite).
        public var supportedSimilarity = 0.35
        /// Identical narrative words in a row that make a verbatim passage: one word shingle.
        public var verbatimMinimumWords = 5
        /// A verbatim run outside any aligned sentence counts only from this length; shorter ones
        /// are stock phrases (*“a spokesperson for the council said”*).
        public var standaloneVerbatimWords = 8
        /// Identical quoted words in a row that make a shared-quotation passage.
        public var quotationMinimumWords = 3
        /// The most documents (reference included) for which the all-pairs similarity matrices
        /// are computed. They grow with the square of the number of documents (10,000 candidates
        /// would need 800 MB each), so beyond this they are left empty, with the reason, and each
        /// candidate's analysed text is dropped as soon as it is compared: memory stays linear.
        public var similarityMatrixLimit = 500

        /// Makes the default configuration, the values documented on each property.
        public init() {}

        /// The WordNet used, if synonyms are on, the language is English and the database is there.
        var wordNet: WordNet? { synonyms && language.usesEnglishStopWords ? WordNet.installed : nil }

        var aligner: SentenceAligner {
            SentenceAligner(
                minimumSharedStems: minimumSharedStems, alignedSimilarity: alignedSimilarity,
                supportedSimilarity: supportedSimilarity)
        }

        var method: ReportMethod {
            ReportMethod(
                shingling: shingling.description, model: model,
                verdictRule: model.summary,
                alignment: """
                    body sentences compared on Snowball-stemmed (\(language)) content words, weighted by inverse sentence frequency \
                    (candidate: outside quotes, sentences at least half quotation left out; reference: quotations included); \
                    WordNet synonyms of reference words \(wordNet == nil ? "off" : "on (2 senses)"); \
                    each candidate sentence's source is the reference sentence sharing most weight, plus up to 2 near it adding >= 2 stems; \
                    aligned if >= \(minimumSharedStems) shared stems and containment >= \(alignedSimilarity), \
                    or >= \(supportedSimilarity) with an in-order neighbouring pair; verbatim runs >= \(verbatimMinimumWords) words
                    """)
        }
    }
}
