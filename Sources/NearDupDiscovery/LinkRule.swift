import NearDupCore
import NearDupReport

/// Which links dates, outlets and identity allow, whatever the texts say.
///
/// A story is never linked to itself, nor to a source dated after it (when both have dates:
/// `YYYY-MM-DD` compares as text). In an archive searched all against all, two stories of the
/// same day, or one without a date, are ordered by id, so that of two copies only one is the
/// source of the other. Two stories of the same outlet are not linked unless ``sameOutlet`` is
/// on: an outlet's updates of its own story are not rewrites of another's work.
public struct LinkRule: Sendable, Hashable {
    /// Whether a story may be linked to a source of its own outlet (both outlets known and equal).
    public var sameOutlet: Bool
    /// Whether a story may only be linked to a source whose id sorts before its own when their
    /// dates are equal or unknown: on for an archive searched all against all, off when the
    /// sources are given apart (they are sources whatever their ids).
    public var ordersByID: Bool

    /// Makes a rule.
    ///
    /// - Parameters:
    ///   - sameOutlet: whether two stories of one outlet may be linked; off by default.
    ///   - ordersByID: whether ties of date are broken by id (all against all); on by default.
    public init(sameOutlet: Bool = false, ordersByID: Bool = true) {
        self.sameOutlet = sameOutlet
        self.ordersByID = ordersByID
    }

    /// Whether `story` may have been rewritten from `source` as far as this rule goes.
    ///
    /// - Parameters:
    ///   - story: the possible rewrite.
    ///   - source: the possible source.
    /// - Returns: whether the link `source → story` is allowed.
    public func allows(story: RewriteSketch, source: RewriteSketch) -> Bool {
        guard story.id != source.id else { return false }
        if !sameOutlet, let a = story.outlet, let b = source.outlet, a == b { return false }
        if let d = story.date, let s = source.date, d != s { return s < d }
        return !ordersByID || source.id < story.id
    }
}
