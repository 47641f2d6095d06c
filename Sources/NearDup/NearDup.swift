// The one module an embedder imports: `import NearDup` brings every layer's public API.
//
// The layers are separate targets so that the compiler keeps their arrows one way; this file
// only re-exports them (the Fuzzing SPI included, for the nested Fuzz package).

@_exported import NearDupCore
@_exported import NearDupDiscovery
@_exported import NearDupIndex
@_exported import NearDupReport
