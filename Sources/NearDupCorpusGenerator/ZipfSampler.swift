import Foundation

/// Draws ranks 0..<n with probability proportional to 1 / (rank + 1)^exponent, in O(1) per draw
/// (Walker's alias method, built with Vose's algorithm).
struct ZipfSampler: Sendable {
    private let probability: [UInt64]  // threshold of each column, scaled to 2^64
    private let alias: [Int32]

    init(count: Int, exponent: Double) {
        precondition(count > 0)
        let weights = (0..<count).map { 1 / pow(Double($0 + 1), exponent) }
        self.init(weights: weights)
    }

    init(weights: [Double]) {
        let n = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var probability = [UInt64](repeating: .max, count: n)
        var alias = [Int32](repeating: 0, count: n)
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.popLast() {
            probability[s] = Self.threshold(scaled[s])
            alias[s] = Int32(l)
            scaled[l] = scaled[l] + scaled[s] - 1
            if scaled[l] < 1 { small.append(l) } else { large.append(l) }
        }
        // Leftovers are 1 up to rounding: always keep their own column.
        self.probability = probability
        self.alias = alias
    }

    private static func threshold(_ p: Double) -> UInt64 {
        p >= 1 ? .max : UInt64(p * 0x1p64)
    }

    @inline(__always)
    func draw(_ random: inout CorpusRandom) -> Int {
        let column = random.next(below: probability.count)
        return random.next() < probability[column] ? column : Int(alias[column])
    }
}
