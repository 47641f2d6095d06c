// swift-tools-version: 6.1
// The benchmarks live in their own package, so the library's build, tests and every embedder
// never resolve package-benchmark (the swift-nio and swift-crypto layout).
//
//   cd Benchmarks && swift package benchmark
//   swift package benchmark thresholds check --metric mallocCountTotal   # allocation regressions
import PackageDescription

let package = Package(
    name: "NearDupBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named explicitly: the identity of a path dependency is otherwise its folder's name,
        // which depends on where the repository was cloned.
        .package(name: "NearDup", path: "../"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "NearDupBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "NearDup", package: "NearDup"),
                .product(name: "NearDupCorpusGenerator", package: "NearDup"),
            ],
            path: "Benchmarks/NearDupBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
