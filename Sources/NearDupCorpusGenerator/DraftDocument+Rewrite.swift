/// The rewrites of ``RewriteKind``, on a document's sentences of lexicon indices.
extension DraftDocument {
    /// What a rewrite did, counted as ``PlantedRewrite`` reports it.
    struct RewriteCounts {
        var sourceSentences = 0, storySentences = 0, retoldSentences = 0
        var storyWords = 0, derivedWords = 0, movedSentences = 0, replacedWords = 0, cutWords = 0
    }

    /// Rewrites the document (the source) as `kind`, its strengths drawn from `random`.
    ///
    /// - Parameters:
    ///   - kind: the rewrite.
    ///   - ownStory: for ``RewriteKind/retold``, the story of its own the source is retold in
    ///     (its first 50–100 % of sentences are kept); unused otherwise.
    ///   - lexicon: the words and their classes.
    ///   - random: the rewrite's own random stream.
    /// - Returns: the counts of the truth file.
    mutating func rewrite(
        _ kind: RewriteKind, ownStory: () -> DraftDocument, lexicon: Lexicon, random: inout CorpusRandom
    ) -> RewriteCounts {
        var counts = RewriteCounts()
        counts.sourceSentences = sentences.count
        switch kind {
        case .reordered:
            counts.movedSentences = reorder(share: 0.34 + 0.66 * random.nextUnit(), random: &random)
            counts.replacedWords = reword(probability: 0.1 + 0.2 * random.nextUnit(), lexicon: lexicon, random: &random)
        case .reworded:
            counts.replacedWords = reword(probability: 0.4 + 0.5 * random.nextUnit(), lexicon: lexicon, random: &random)
        case .condensed:
            counts.retoldSentences = sentences.count - dropSentencesFromParagraphs(random: &random)
            counts.cutWords = cutClauses(probability: 0.4, random: &random)
            counts.replacedWords = reword(probability: 0.1 + 0.2 * random.nextUnit(), lexicon: lexicon, random: &random)
        case .rewritten:
            counts.retoldSentences = sentences.count - dropSentencesFromParagraphs(random: &random)
            counts.cutWords = cutClauses(probability: 0.3, random: &random)
            counts.replacedWords = reword(probability: 0.3 + 0.4 * random.nextUnit(), lexicon: lexicon, random: &random)
            counts.movedSentences = reorder(share: 0.2 + 0.4 * random.nextUnit(), random: &random)
        case .retold:
            // A run of 25–50 % of the source's sentences (at least 2), lightly reworded and
            // shortened, in one or two blocks inside a story of its own, never before its lead.
            let count = min(sentences.count, max(2, Int((Double(sentences.count) * (0.25 + 0.25 * random.nextUnit())).rounded())))
            let start = random.next(below: sentences.count - count + 1)
            var part = DraftDocument(sentences: Array(sentences[start..<(start + count)]))
            counts.replacedWords = part.reword(probability: 0.2 + 0.4 * random.nextUnit(), lexicon: lexicon, random: &random)
            counts.cutWords = part.cutClauses(probability: 0.2, random: &random)
            var own = ownStory().sentences
            own.removeLast(own.count - max(1, min(own.count, Int((Double(own.count) * (0.5 + 0.5 * random.nextUnit())).rounded()))))
            var blocks = [part.sentences]
            if count >= 4 && random.chance(0.5) {
                let cut = 2 + random.next(below: count - 3)
                blocks = [Array(part.sentences[..<cut]), Array(part.sentences[cut...])]
            }
            // Insert the later block first, so that the first block's place is still right.
            let places = blocks.map { _ in 1 + random.next(below: own.count) }.sorted()
            for (block, place) in zip(blocks, places).reversed() { own.insert(contentsOf: block, at: place) }
            sentences = own
            counts.retoldSentences = count
            counts.derivedWords = part.wordCount
        }
        counts.storySentences = sentences.count
        counts.storyWords = wordCount
        if kind.derivation == .whollyDerived {
            counts.derivedWords = counts.storyWords
            if counts.retoldSentences == 0 { counts.retoldSentences = counts.sourceSentences }
        }
        return counts
    }

    /// Moves `share` of the sentences (at least 2) among their own places; returns how many
    /// sentences changed place.
    mutating func reorder(share: Double, random: inout CorpusRandom) -> Int {
        let n = sentences.count
        guard n > 1 else { return 0 }
        let k = min(n, max(2, Int((Double(n) * share).rounded())))
        // k distinct places (a partial Fisher–Yates shuffle of the places), then their sentences
        // rotated by a random non-zero step, so that every chosen sentence moves.
        var places = Array(0..<n)
        for i in 0..<k { places.swapAt(i, i + random.next(below: n - i)) }
        let chosen = places[..<k].sorted()
        let step = 1 + random.next(below: k - 1)
        let moved = chosen.map { sentences[$0] }
        for (j, place) in chosen.enumerated() { sentences[place] = moved[(j + step) % k] }
        return k
    }

    /// Replaces each word that has a class by another of its class with `probability`;
    /// returns how many were replaced.
    mutating func reword(probability: Double, lexicon: Lexicon, random: inout CorpusRandom) -> Int {
        var replaced = 0
        for s in sentences.indices {
            for w in sentences[s].indices {
                let c = lexicon.wordClass(of: sentences[s][w])
                guard c >= 0, random.chance(probability) else { continue }
                let members = lexicon.wordClasses[Int(c)]
                var other = members[random.next(below: members.count - 1)]
                if other == sentences[s][w] { other = members[members.count - 1] }
                sentences[s][w] = other
                replaced += 1
            }
        }
        return replaced
    }

    /// Drops one sentence from 45 % of the paragraphs (of four sentences, as rendered) and two
    /// from another 20 %, keeping one at least in each; returns how many were dropped.
    mutating func dropSentencesFromParagraphs(random: inout CorpusRandom) -> Int {
        var kept: [[UInt32]] = []
        var dropped = 0
        for start in stride(from: 0, to: sentences.count, by: 4) {
            var paragraph = Array(sentences[start..<min(sentences.count, start + 4)])
            let u = random.nextUnit()
            let drop = min(paragraph.count - 1, u < 0.45 ? 1 : u < 0.65 ? 2 : 0)
            for _ in 0..<drop { paragraph.remove(at: random.next(below: paragraph.count)) }
            dropped += drop
            kept.append(contentsOf: paragraph)
        }
        sentences = kept
        return dropped
    }

    /// Cuts a run of 2 to a third of the words (never the first) from each sentence of 10
    /// words or more with `probability`; returns how many words were cut.
    mutating func cutClauses(probability: Double, random: inout CorpusRandom) -> Int {
        var cut = 0
        for s in sentences.indices where sentences[s].count >= 10 && random.chance(probability) {
            let length = 2 + random.next(below: max(1, sentences[s].count / 3 - 1))
            let start = 1 + random.next(below: sentences[s].count - length)
            cut += sentences[s][start..<(start + length)].lazy.filter { $0 != Lexicon.comma }.count
            sentences[s].removeSubrange(start..<(start + length))
            // No comma after another, and none before the period.
            sentences[s] = sentences[s].enumerated().filter { i, token in
                token != Lexicon.comma || (i > 0 && sentences[s][i - 1] != Lexicon.comma && i < sentences[s].count - 1)
            }.map(\.element)
        }
        return cut
    }
}
