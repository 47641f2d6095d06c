import NearDupCore

/// English function words, and the attribution verbs every news story uses, ignored when
/// sentences are compared: they carry no evidence that one text was rewritten from another.
///
/// Words are in ``Tokenizer`` form: case-folded, intra-word apostrophes removed (*don’t* → `dont`).
public enum StopWords {
    /// The stop words: about 200 English function words and the attribution words (*said*,
    /// *told*, *according*, *mr*), all in tokenizer form.
    public static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "arent",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "cannot", "cant", "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down",
        "during", "each", "either", "even", "ever", "few", "for", "from", "further", "had", "hadnt", "has",
        "hasnt", "have", "havent", "having", "he", "hed", "hell", "her", "here", "heres", "hers", "herself",
        "hes", "him", "himself", "his", "how", "hows", "however", "i", "id", "if", "ill", "im", "in", "into",
        "is", "isnt", "it", "its", "itself", "ive", "just", "lets", "may", "me", "might", "more", "most", "much",
        "must", "mustnt", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
        "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "shall", "she", "shed",
        "shell", "shes", "should", "shouldnt", "since", "so", "some", "such", "than", "that", "thats", "the",
        "their", "theirs", "them", "themselves", "then", "there", "theres", "these", "they", "theyd", "theyll",
        "theyre", "theyve", "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up",
        "upon", "very", "via", "was", "wasnt", "we", "wed", "well", "were", "werent", "weve", "what", "whats",
        "when", "whens", "where", "wheres", "whether", "which", "while", "who", "whom", "whos", "whose", "why",
        "whys", "will", "with", "within", "without", "wont", "would", "wouldnt", "yet", "you", "youd", "youll",
        "your", "youre", "yours", "yourself", "yourselves", "youve",
        // Attribution: how a story says who said something, not what it reports.
        "said", "says", "say", "saying", "told", "tell", "tells", "added", "adds", "according", "stated",
        "mr", "mrs", "ms",
    ]

    /// Whether `word` (in tokenizer form) is a stop word.
    ///
    /// - Parameter word: a word in tokenizer form.
    /// - Returns: `true` when ``english`` contains it.
    /// - Complexity: O(1): a word longer than the longest stop word is answered from its length,
    ///   another is packed into 16 bytes and looked up by a cheap hash (it runs on every word of
    ///   every text).
    public static func contains(_ word: String) -> Bool {
        guard let key = PackedWord(word) else { return false }
        return packed.contains(key)
    }

    /// ``english``, packed.
    private static let packed = Set(english.compactMap(PackedWord.init))
}

/// A word of at most 16 UTF-8 bytes as two integers, little-endian, zero-padded: two words pack
/// alike exactly when they are equal (a word has no NUL byte).
private struct PackedWord: Hashable {
    let low: UInt64
    let high: UInt64

    /// `nil` for a word of more than 16 bytes.
    init?(_ word: String) {
        var word = word
        guard let packed = word.withUTF8({ bytes -> (UInt64, UInt64)? in
            guard bytes.count <= 16 else { return nil }
            var low: UInt64 = 0, high: UInt64 = 0
            for (i, b) in bytes.enumerated() {
                if i < 8 { low |= UInt64(b) << (8 * i) } else { high |= UInt64(b) << (8 * (i - 8)) }
            }
            return (low, high)
        }) else { return nil }
        (low, high) = packed
    }

    func _rawHashValue(seed: Int) -> Int { HashKey.tableHash(low ^ (high &* 0x9E37_79B9_7F4A_7C15), seed: seed) }
}
