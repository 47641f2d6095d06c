import Foundation

/// The stemmers lent by ``ReportLanguage/withStemmer(_:)``: a few per language (one per thread
/// at work), each keeping the stems it made, so that reading thousands of texts stems each word
/// of their vocabulary about once per thread instead of once per occurrence.
final class StemmerPool: @unchecked Sendable {
    static let shared = StemmerPool()

    private let lock = NSLock()
    private var idle: [String: [SnowballStemmer]] = [:]

    /// An idle stemmer of `language`, now lent, or `nil` when none is idle.
    func borrow(_ language: String) -> SnowballStemmer? {
        lock.withLock { idle[language]?.popLast() }
    }

    /// Takes a lent stemmer back.
    func giveBack(_ stemmer: SnowballStemmer) {
        lock.withLock { idle[stemmer.language, default: []].append(stemmer) }
    }
}
