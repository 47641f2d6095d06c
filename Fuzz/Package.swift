// swift-tools-version: 6.1
// libFuzzer targets for NearDup, in their own package (as Benchmarks/), so the library's build,
// `swift test` and every embedder never see them: they only link with `-sanitize=fuzzer`.
// Internal entry points they need are `@_spi(Fuzzing) public` in NearDup.
//
//   scripts/fuzz.sh TARGET SECONDS      (from the repository root; see docs/FUZZING.md)
import PackageDescription

let fuzzTargets = ["FuzzJSONL", "FuzzText", "FuzzReport", "FuzzSignature", "FuzzIndex"]

let package = Package(
    name: "NearDupFuzz",
    products: fuzzTargets.map { .executable(name: $0, targets: [$0]) },
    dependencies: [
        // Named explicitly: a path dependency's identity is otherwise its folder's name.
        .package(name: "NearDup", path: "../"),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver (provided by -sanitize=fuzzer at link time).
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver", .product(name: "NearDup", package: "NearDup")]
        ),
    ] + fuzzTargets.map {
        .executableTarget(name: $0, dependencies: ["FuzzSupport", .product(name: "NearDup", package: "NearDup")])
    }
)
