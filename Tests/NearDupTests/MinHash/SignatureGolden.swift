/// Golden signature values of format 2 (see `SignatureTests.goldenValuesAreStable`), from
/// `python3 scripts/signature-reference.py` (an independent computation).
enum SignatureGolden {
    static let onePermutation: [UInt64] = [
        1_085_936_908_014_273_801, 2_696_810_359_667_681_861, 5_180_105_934_770_877_862, 8_210_471_766_799_254_618,
        10_132_948_626_805_234_347, 13_806_413_307_009_354_771, 14_591_666_039_892_327_939, 17_460_206_821_755_718_678,
    ]
    static let classic: [UInt64] = [
        628_052_804_886_461_886, 7_602_871_967_342_879_871, 203_131_547_746_619_750, 246_094_822_861_419_705,
    ]
}
