import Foundation
import Testing
import NearDup

@Suite struct SignatureTests {
    let text = "Dmitry Peskov acknowledged in an interview published on Thursday that Russia had sustained significant losses of troops."

    @Test(arguments: MinHashScheme.allCases)
    func identicalTextsEstimateOne(_ scheme: MinHashScheme) throws {
        let hasher = MinHasher(MinHashConfiguration(scheme: scheme, shingling: .words(3)))
        #expect(try hasher.signature(for: text).jaccard(hasher.signature(for: text)) == 1)
        #expect(try hasher.signature(for: text).containment(in: hasher.signature(for: text)) == 1)
    }

    @Test(arguments: MinHashScheme.allCases)
    func signaturesAreDeterministic(_ scheme: MinHashScheme) {
        let configuration = MinHashConfiguration(scheme: scheme, permutations: 64, seed: 99)
        #expect(MinHasher(configuration).signature(for: text) == MinHasher(configuration).signature(for: text))
        let other = MinHashConfiguration(scheme: scheme, permutations: 64, seed: 100)
        #expect(MinHasher(configuration).signature(for: text).values != MinHasher(other).signature(for: text).values)
    }

    /// Golden values: the signature of a fixed text must never change across releases and
    /// platforms (stored signatures and indexes depend on it); a change here is a format break
    /// and needs a new format version. The values of format 2 were computed independently by
    /// `scripts/signature-reference.py` (Python: regex words, the xxhash package's XXH3, the
    /// word-shingle polynomial as a plain sum, MinHash), which also reproduces format 1's.
    @Test func goldenValuesAreStable() {
        let oph = MinHasher(MinHashConfiguration(permutations: 8, seed: 1, shingling: .words(2))).signature(for: text)
        let classic = MinHasher(MinHashConfiguration(scheme: .classic, permutations: 4, seed: 1, shingling: .words(2)))
            .signature(for: text)
        #expect(oph.setSize == 16)  // 17 words, 16 word pairs
        #expect(oph.values == SignatureGolden.onePermutation)
        #expect(classic.values == SignatureGolden.classic)
    }

    @Test func emptyDocumentHasEmptySignature() throws {
        let hasher = MinHasher()
        let empty = hasher.signature(for: "")
        #expect(empty.isEmpty)
        #expect(empty.values.allSatisfy { $0 == .max })
        #expect(try empty.jaccard(hasher.signature(for: text)) == 0)
        #expect(try empty.jaccard(empty) == 0)
    }

    @Test func incompatibleSignaturesAreRefused() {
        let a = MinHasher(MinHashConfiguration(permutations: 64)).signature(for: text)
        let b = MinHasher(MinHashConfiguration(permutations: 64, shingling: .words(3))).signature(for: text)
        #expect(throws: NearDupError.self) { try a.jaccard(b) }
        do {
            _ = try a.jaccard(b)
        } catch let error as NearDupError {
            #expect(error.code == .incompatibleSignatures)
            #expect(error.message.contains("words:3"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: MinHashScheme.allCases)
    func binaryRoundTrip(_ scheme: MinHashScheme) throws {
        let signature = MinHasher(MinHashConfiguration(
            scheme: scheme, permutations: 32, seed: 5, shingling: .characters(4),
            normalization: Normalization(foldsDiacritics: true))).signature(for: text)
        let bytes = signature.binaryEncoded()
        #expect(bytes.count == Signature.binaryHeaderSize + 8 * 32)
        #expect(Array(bytes[0..<4]) == Array("NDMH".utf8))
        #expect(try Signature(binaryEncoded: bytes) == signature)
    }

    @Test func damagedBinaryIsRefusedWithTheOffendingField() {
        let bytes = MinHasher(MinHashConfiguration(permutations: 8)).signature(for: text).binaryEncoded()
        var badMagic = bytes
        badMagic[0] = 0x58
        var truncated = bytes
        truncated.removeLast(3)
        var badScheme = bytes
        badScheme[5] = 9
        for (damaged, fragment) in [(badMagic, "magic"), (truncated, "needs"), (badScheme, "scheme"), ([UInt8](), "header")] {
            do {
                _ = try Signature(binaryEncoded: damaged)
                Issue.record("accepted damaged bytes")
            } catch let error as NearDupError {
                #expect(error.code == .invalidEncoding)
                #expect(error.message.contains(fragment), "\(error.message)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    /// The issue's 40-byte signature (k = 1, set size 0x4000000000000001) used to be accepted
    /// and then trapped `containment(in:)` on overflow.
    @Test func hugeSetSizeIsRefusedNotTrapped() throws {
        var bytes = Array("NDMH".utf8) + [2, 1, 1, 5, 0, 0, 0, 0]
        Signature.appendForTest(UInt32(1), to: &bytes)
        Signature.appendForTest(UInt64(1), to: &bytes)
        Signature.appendForTest(UInt64(0x4000_0000_0000_0001), to: &bytes)
        Signature.appendForTest(UInt64(12345), to: &bytes)
        #expect(bytes.count == 40)
        #expect(throws: NearDupError.self) { try Signature(binaryEncoded: bytes) }
        do {
            _ = try Signature(binaryEncoded: bytes)
        } catch let error as NearDupError {
            #expect(error.code == .invalidEncoding)
            #expect(error.message.contains("set size"), "\(error.message)")
        }
        // The largest allowed set size decodes, and containment does not overflow.
        let top = Signature(configuration: MinHashConfiguration(permutations: 1), values: [7], setSize: Signature.maximumSetSize)
        let again = try Signature(binaryEncoded: top.binaryEncoded())
        #expect(try again.containment(in: again) == 1)
    }

    /// Format 1 (the word shingles combined by a second XXH3 call) is refused, in binary and
    /// in JSON (where it had no `format` field), with an error that says what to do.
    @Test func otherFormatVersionsAreRefusedClearly() throws {
        let signature = MinHasher(MinHashConfiguration(permutations: 8)).signature(for: text)
        #expect(Signature.formatVersion == 2)
        var old = signature.binaryEncoded()
        #expect(old[4] == 2)
        for (version, fragment) in [(UInt8(1), "sign the documents again"), (3, "newer")] {
            old[4] = version
            do {
                _ = try Signature(binaryEncoded: old)
                Issue.record("accepted format version \(version)")
            } catch let error as NearDupError {
                #expect(error.code == .unsupportedFormat)
                #expect(error.message.contains("version \(version) (offset 4)"), "\(error.message)")
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
        let data = try JSONEncoder().encode(signature)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? Int == 2)
        object["format"] = nil
        let withoutFormat = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try JSONDecoder().decode(Signature.self, from: withoutFormat)
            Issue.record("accepted a signature without a format field")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("format version 1 (no field \"format\")"), "\(context.debugDescription)")
            #expect(context.debugDescription.contains("sign the documents again"), "\(context.debugDescription)")
        }
        object["format"] = 2
        #expect(try JSONDecoder().decode(Signature.self, from: JSONSerialization.data(withJSONObject: object)) == signature)
    }

    @Test func reservedBytesAndEmptySetsAreChecked() throws {
        let good = MinHasher(MinHashConfiguration(permutations: 8)).signature(for: text).binaryEncoded()
        for offset in 9..<12 {
            var bytes = good
            bytes[offset] = 1
            #expect(throws: NearDupError.self) { try Signature(binaryEncoded: bytes) }
        }
        var emptyWithValues = good
        for i in 24..<32 { emptyWithValues[i] = 0 }
        #expect(throws: NearDupError.self) { try Signature(binaryEncoded: emptyWithValues) }
    }

    @Test func jsonDecoderChecksTheSetSize() throws {
        let values = Data(repeating: 0, count: 8).base64EncodedString()
        for size in ["4611686018427387905", "-1", "0"] {
            let json = #"{"format":2,"scheme":"one-permutation","permutations":1,"seed":1,"shingling":"words:5","set_size":"# + size + #","hashvalues":""# + values + #""}"#
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Signature.self, from: Data(json.utf8)) }
        }
    }

    @Test func jsonRoundTripCarriesTheConfiguration() throws {
        let signature = MinHasher(MinHashConfiguration(scheme: .classic, permutations: 16, seed: 3)).signature(for: text)
        let data = try JSONEncoder().encode(signature)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["scheme"] as? String == "classic")
        #expect(object?["permutations"] as? Int == 16)
        #expect(object?["shingling"] as? String == "words:5")
        #expect(try JSONDecoder().decode(Signature.self, from: data) == signature)
        let wrongLength = #"{"format":2,"scheme":"classic","permutations":16,"seed":3,"shingling":"words:5","set_size":1,"hashvalues":"AAAA"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Signature.self, from: Data(wrongLength.utf8)) }
    }

    @Test func containmentEstimateTracksExactContainment() throws {
        // B is A plus as much unrelated text: A is fully contained in B, B half in A.
        var rng = SplitMix64(seed: 21)
        let a = (0..<2000).map { _ in rng.next() }
        let b = a + (0..<2000).map { _ in rng.next() }
        let hasher = MinHasher(MinHashConfiguration(permutations: 256))
        let sa = hasher.signature(forShingleHashes: a)
        let sb = hasher.signature(forShingleHashes: b)
        // J = 0.5; sd of the Jaccard estimate ≈ 0.031; containment is a smooth function of it.
        #expect(abs(try sa.containment(in: sb) - 1.0) < 0.1)
        #expect(abs(try sb.containment(in: sa) - 0.5) < 0.1)
    }

    @Test func workspaceSigningMatchesConvenienceSigning() {
        let hasher = MinHasher(MinHashConfiguration(permutations: 64))
        let workspace = hasher.makeWorkspace()
        let texts = [text, "", "short", String(repeating: "many words here ", count: 500), text]
        for t in texts {
            #expect(hasher.signature(for: t, using: workspace) == hasher.signature(for: t))
        }
        // Signing from a shingle set gives the same signature as signing the text.
        let set = ShingleSet(text: text, shingling: .default, seed: hasher.configuration.seed)
        #expect(hasher.signature(forShingleHashes: set.hashes) == hasher.signature(for: text))
    }
}

extension Signature {
    static func appendForTest<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
