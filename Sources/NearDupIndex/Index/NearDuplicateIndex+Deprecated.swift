import NearDupCore

/// The persistent near-duplicate index's name before 0.2.0, kept so that code written against
/// it still compiles (with a warning naming the new one).
@available(*, deprecated, renamed: "NearDuplicateIndex")
public typealias Deduplicator = NearDuplicateIndex
