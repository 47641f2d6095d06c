// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "NearDup",
    products: [
        .library(name: "NearDup", targets: ["NearDup"]),
        .executable(name: "neardup", targets: ["neardup"]),
        // Deterministic news-like corpora with planted near-duplicates (tests, benchmarks, `neardup generate`).
        .library(name: "NearDupCorpusGenerator", targets: ["NearDupCorpusGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The library's C boundaries, all Debian packages imported `internal` by NearDup (no C
        // type in its public API): xxHash (hashing), utf8proc (Unicode normalisation of
        // non-ASCII words), Snowball's libstemmer, zlib and gumbo (HTML5), below.
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"]), .yum(["xxhash-devel"]), .brew(["xxhash"])]
        ),
        .systemLibrary(
            name: "CUTF8Proc",
            pkgConfig: "libutf8proc",
            providers: [.apt(["libutf8proc-dev"]), .yum(["utf8proc-devel"]), .brew(["utf8proc"])]
        ),
        // Snowball stemmers (Porter2 for English, 28 more languages) for the report's sentence
        // alignment. Debian ships no pkg-config file for it: the modulemap links -lstemmer.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"]), .yum(["libstemmer-devel"]), .brew(["snowball"])]
        ),
        // zlib: `.gz` corpora and report inputs are decompressed while read (Corpus/GzipStream).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .yum(["zlib-devel"]), .brew(["zlib"])]
        ),
        // gumbo, an HTML5 parser: saved web pages are parsed into a tree (Web/HTMLParser) whose
        // article body and metadata the report reads.
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .yum(["gumbo-parser-devel"]), .brew(["gumbo-parser"])]
        ),
        // The library's layers, one target each so that the compiler enforces that arrows run
        // one way (core ← report ← discovery, core ← index); what one layer lends another is
        // `package`, never public. `NearDup` re-exports them: the one module an embedder imports.
        //
        // The core: text (decoding, normalisation, tokens, story layout), saved web pages,
        // shingles, MinHash, sketches and LSH, corpus reading, JSON output and the internals
        // (the C boundary, parallel loops, files written whole).
        .target(
            name: "NearDupCore",
            dependencies: ["CXXHash", "CUTF8Proc", "CStemmer", "CZlib", "CGumbo"]
        ),
        // The rewrite report: sentence alignment, passages, evidence and verdicts.
        .target(name: "NearDupReport", dependencies: ["NearDupCore"]),
        // Near-duplicates: corpus deduplication and the persistent index.
        .target(name: "NearDupIndex", dependencies: ["NearDupCore"]),
        // Rewrites across an archive: rewrite sketches, candidates, and the report's verdicts on them.
        .target(name: "NearDupDiscovery", dependencies: ["NearDupCore", "NearDupReport"]),
        // The product: re-exports the layers above, and holds the DocC catalog.
        .target(
            name: "NearDup",
            dependencies: ["NearDupCore", "NearDupReport", "NearDupIndex", "NearDupDiscovery"]
        ),
        // The generator writes its records with the library's JSON escaping (JSONEscaping).
        .target(name: "NearDupCorpusGenerator", dependencies: ["NearDup"]),
        .executableTarget(
            name: "neardup",
            dependencies: [
                "NearDup",
                "NearDupCorpusGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NearDupTests", dependencies: ["NearDup", "NearDupCorpusGenerator"],
            exclude: ["Fixtures"]  // read from the source tree by path (saved web pages)
        ),
        .testTarget(name: "neardupTests", dependencies: ["neardup", "NearDup"]),
    ]
)
