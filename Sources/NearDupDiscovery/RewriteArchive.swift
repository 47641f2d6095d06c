import NearDupCore
import NearDupReport
import Foundation

/// An archive of stories that answers, for an incoming story, which stored stories it was
/// rewritten from, with the report's verdicts: discovery for a pipeline, one story at a time.
///
/// ```swift
/// let archive = RewriteArchive()
/// try archive.insert(StoryRecord(id: "pa-1", text: wireCopy, date: "1999-11-02", outlet: "PA"))
/// for link in archive.query(StoryRecord(id: "sun-7", text: story, date: "1999-11-03")) {
///     print(link.source, link.verdict, link.score)
/// }
/// ```
///
/// Stored stories are sources: a query is linked to those the ``LinkRule`` allows (not the
/// story itself, none dated after it, none of its own outlet unless ``RewriteDiscovery/Configuration/sameOutlet``),
/// among the candidates ``RewriteCandidateIndex`` proposes, judged by ``RewriteLinker``: a
/// query answers what `neardup discover --sources ARCHIVE STORY` answers.
///
/// The archive keeps every stored text (the report needs it to judge) and each story's sketch
/// in its postings. It is thread-safe: inserts are serialised, queries run concurrently with
/// each other.
public final class RewriteArchive: @unchecked Sendable {
    /// How stories are sketched, candidates chosen and links kept.
    public let configuration: RewriteDiscovery.Configuration
    var index: RewriteCandidateIndex
    var stories: [StoryRecord] = []
    var sketches: [RewriteSketch] = []
    var positionOf: [String: Int] = [:]
    let lock = NSLock()

    /// Makes an empty archive.
    ///
    /// - Parameter configuration: how stories are sketched, candidates chosen and links kept
    ///   (``RewriteDiscovery/Configuration/threads`` is not used: a query runs on its caller's thread).
    public init(configuration: RewriteDiscovery.Configuration = RewriteDiscovery.Configuration()) {
        self.configuration = configuration
        self.index = RewriteCandidateIndex(settings: configuration.candidates)
    }

    /// The number of stories stored.
    public var count: Int { lock.withLock { stories.count } }

    /// Whether a story with this id is stored.
    ///
    /// - Parameter id: a story id.
    /// - Returns: `true` when ``insert(_:)`` stored a story under it.
    public func contains(id: String) -> Bool { lock.withLock { positionOf[id] != nil } }

    /// Stores a story: from now on, queries may link to it.
    ///
    /// - Parameter story: the story; its id must be new to the archive.
    /// - Throws: ``NearDupError`` with code `.duplicateID` when a story with the same id is stored.
    /// - Complexity: linear in the story's length (its sketch), plus O(t) for its t terms.
    public func insert(_ story: StoryRecord) throws(NearDupError) {
        try insert(story, sketch: configuration.sketcher.sketch(story))
    }

    /// Stores a story with its sketch, already made (read from an archive file).
    func insert(_ story: StoryRecord, sketch: RewriteSketch) throws(NearDupError) {
        let inserted = lock.withLock {
            guard positionOf[story.id] == nil else { return false }
            positionOf[story.id] = stories.count
            stories.append(story)
            sketches.append(sketch)
            index.insert(sketch)
            return true
        }
        guard inserted else { throw NearDupError(.duplicateID, "a story with id \(story.id) is already in the archive") }
    }

    /// The stored stories `story` was rewritten from.
    ///
    /// - Parameter story: the incoming story (it need not be stored; if it is, it is not linked
    ///   to itself).
    /// - Returns: its links, best source first; empty when the report finds it derived from none.
    /// - Complexity: the sketch of the story, the bounded query of ``RewriteCandidateIndex``, and
    ///   the report on at most ``RewriteCandidateIndex/Settings/limit`` candidates.
    public func query(_ story: StoryRecord) -> [RewriteLink] {
        let sketch = configuration.sketcher.sketch(story)
        let rule = LinkRule(sameOutlet: configuration.sameOutlet, ordersByID: false)
        let sources = lock.withLock {
            index.candidates(for: sketch, rule: rule).map { (record: stories[$0.source], weight: $0.weight) }
        }
        return configuration.linker.links(story: story, sources: sources)
    }
}
