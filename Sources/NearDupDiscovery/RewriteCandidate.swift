import NearDupCore
import NearDupReport

/// A source the candidate stage proposes for a story: worth aligning, not yet judged.
public struct RewriteCandidate: Sendable, Hashable, Codable {
    /// The source's position in the ``RewriteCandidateIndex`` (the order sources were inserted).
    public var source: Int
    /// The source's id.
    public var sourceID: String
    /// The summed inverse document frequency of the story's query terms the source shares: how
    /// much rare vocabulary the two have in common.
    public var weight: Double
    /// How many of the story's query terms the source shares.
    public var sharedTerms: Int

    /// Makes a candidate; ``RewriteCandidateIndex/candidates(for:rule:)`` is the usual source.
    ///
    /// - Parameters:
    ///   - source: the source's position in the index.
    ///   - sourceID: the source's id.
    ///   - weight: the summed inverse document frequency of the shared query terms.
    ///   - sharedTerms: the number of shared query terms.
    public init(source: Int, sourceID: String, weight: Double, sharedTerms: Int) {
        self.source = source
        self.sourceID = sourceID
        self.weight = weight
        self.sharedTerms = sharedTerms
    }
}
