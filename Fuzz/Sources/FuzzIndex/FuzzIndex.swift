// The index loader on any bytes, with the header and record checksums recomputed first so that
// mutations reach the record parsing: loading either refuses the file or gives an index that
// answers queries, takes an insert and writes itself back to a file that loads again.
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif
@_spi(Fuzzing) import NearDup

@main enum FuzzIndex {
    static func main() { runFuzzer(fuzzOne, seeds: seeds) }
}

/// Small index files: with shingle fingerprints (exact verification) and without.
func seeds() -> [(String, [UInt8])] {
    let configuration = MinHashConfiguration(permutations: 8, shingling: .words(2))
    return [Verification.exact, .estimate].map { verification in
        let index = NearDuplicateIndex(configuration: configuration, threshold: 0.5, verification: verification)
        index.insert(id: "a", text: story)
        index.insert(id: "story-2", text: "The council approved the budget on Tuesday.")
        index.insert(id: "é", text: "")
        try! index.write(to: input.path)
        let file = fopen(input.path, "rb")!
        var bytes: [UInt8] = []
        var byte = fgetc(file)
        while byte != EOF { bytes.append(UInt8(byte)); byte = fgetc(file) }
        fclose(file)
        return ("index-\(verification).ndx", bytes)
    }
}

let input = ScratchFile(suffix: ".ndx")
let rewritten = ScratchFile(suffix: "-rewritten.ndx")
let story = "The council approved the new budget on Tuesday after a long debate about school funding."

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var bytes = Array(fuzzInput(data, size))
    IndexFileChecksums.reseal(&bytes)
    bytes.withUnsafeBytes { input.write($0) }
    guard let index = try? NearDuplicateIndex(contentsOf: input.path) else { return 0 }
    let count = index.count
    _ = index.query(story)
    _ = index.query(story, threshold: 0)
    index.insert(id: "fuzz-story", text: story)
    let matches = index.query(story, threshold: 0.5)
    invariant(matches.contains { $0.id == "fuzz-story" }, "an inserted story is not found: \(matches)")
    invariant(index.remove(id: "fuzz-story"), "an inserted story cannot be removed")
    invariant(index.count == count, "count \(index.count) after insert and remove, was \(count)")
    try! index.write(to: rewritten.path)
    let reloaded = try! NearDuplicateIndex(contentsOf: rewritten.path)
    invariant(reloaded.count == count, "rewritten index has \(reloaded.count) documents, not \(count)")
    return 0
}
