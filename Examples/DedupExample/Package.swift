// swift-tools-version: 6.1
// A small program that embeds NearDup: an incremental near-duplicate filter for a stream of
// stories, with a persistent index. Kept as its own package so the root package stays lean.
import PackageDescription

let package = Package(
    name: "DedupExample",
    dependencies: [.package(name: "NearDup", path: "../..")],
    targets: [
        .executableTarget(
            name: "DedupExample",
            dependencies: [.product(name: "NearDup", package: "NearDup")]
        ),
    ]
)
