// Signature decoding from any bytes, as the binary form and as JSON: a decoded signature
// re-encodes to the same bytes (binary) or the same signature (JSON), and its estimators stay in
// range against itself and against a signature of the same configuration.
import Foundation
import FuzzSupport
import NearDup

@main enum FuzzSignature {
    static func main() { runFuzzer(fuzzOne, seeds: seeds) }
}

/// Binary and JSON forms of small signatures of each scheme and shingling.
func seeds() -> [(String, [UInt8])] {
    let text = "The council approved the new budget on Tuesday after a long debate."
    let configurations = [
        MinHashConfiguration(permutations: 4, shingling: .words(2)),
        MinHashConfiguration(scheme: .classic, permutations: 3, seed: 9, shingling: .characters(3),
                             normalization: Normalization(foldsDiacritics: true)),
    ]
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var seeds: [(String, [UInt8])] = []
    for (i, configuration) in configurations.enumerated() {
        let signature = MinHasher(configuration).signature(for: text)
        seeds.append(("signature-\(i).bin", signature.binaryEncoded()))
        seeds.append(("signature-\(i).json", Array(try! encoder.encode(signature))))
    }
    let empty = MinHasher(configurations[0]).signature(for: "")
    seeds.append(("empty.bin", empty.binaryEncoded()))
    return seeds
}

func check(_ signature: Signature) {
    let binary = signature.binaryEncoded()
    invariant((try? Signature(binaryEncoded: binary)) == signature, "binary round trip")
    let json = try! JSONEncoder().encode(signature)
    invariant((try? JSONDecoder().decode(Signature.self, from: json)) == signature, "JSON round trip")
    let other = Signature(
        configuration: signature.configuration,
        values: signature.values.enumerated().map { $0.offset % 2 == 0 ? $0.element : ~$0.element },
        setSize: signature.setSize)
    for (a, b) in [(signature, signature), (signature, other), (other, signature)] {
        let j = try! a.jaccard(b)
        let c = try! a.containment(in: b)
        invariant((0...1).contains(j) && (0...1).contains(c), "estimates \(j), \(c) out of 0...1")
        invariant(j == (try! b.jaccard(a)), "Jaccard is not symmetric")
    }
    invariant(try! signature.jaccard(signature) == (signature.isEmpty ? 0 : 1), "Jaccard with itself")
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    if let signature = try? Signature(binaryEncoded: bytes) {
        invariant(signature.binaryEncoded().elementsEqual(bytes), "binary re-encoding differs from the input")
        check(signature)
    }
    if let signature = try? JSONDecoder().decode(Signature.self, from: Data(buffer: bytes)) {
        check(signature)
    }
    return 0
}
