import NearDupCore

/// How much of a candidate story was derived from the reference: the three classes of the METER
/// text-reuse corpus (Gaizauskas et al. 2001; Clough et al. 2002), which annotated newspaper
/// stories against the Press Association copy they may have been rewritten from.
public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The reference is the only source: (almost) all of the story's own narrative comes from it.
    case whollyDerived = "wholly-derived"
    /// Some of the story's narrative comes from the reference, the rest from elsewhere.
    case partiallyDerived = "partially-derived"
    /// The story was written independently of the reference. It may still quote the same people.
    case nonDerived = "non-derived"

    /// The class name as written in reports and JSON: `wholly-derived`, `partially-derived` or
    /// `non-derived`.
    public var description: String { rawValue }
}
