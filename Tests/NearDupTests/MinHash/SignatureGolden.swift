/// Golden signature values (see `SignatureTests.goldenValuesAreStable`).
enum SignatureGolden {
    static let onePermutation: [UInt64] = []
    static let classic: [UInt64] = []
}
