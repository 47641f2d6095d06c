import NearDupCore
import NearDupReport

/// Stories a discovery run reads by position: an array in memory, or ``SpilledStories``, whose
/// texts wait in a scratch file so that an archive larger than memory can be searched.
///
/// A run reads each story's text when it sketches the story and again, later, when it judges
/// it or a story it may be the source of, so the texts need not all be in memory at once.
/// Reading must be safe from several threads at once.
///
/// Reading may fail (a scratch file on a failing disk): the run then stops with the error
/// (``RewriteDiscovery/discover(corpus:links:)``). An array never fails.
public protocol StoryCollection: Sendable {
    /// The number of stories.
    var count: Int { get }
    /// The story at `position` (0 for the first), its text included.
    ///
    /// - Parameter position: at least 0 and below ``count``.
    /// - Returns: the story.
    /// - Throws: ``NearDupError`` naming the story and what failed, when its text cannot be
    ///   read.
    subscript(position: Int) -> StoryRecord { get throws(NearDupError) }
}

/// An array's stories are in memory: reading one never fails.
extension Array: StoryCollection where Element == StoryRecord {}
