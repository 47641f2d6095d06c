import NearDupCore
import NearDupReport
import Foundation

/// Stories whose texts are kept in a scratch file, not in memory: what `neardup discover` reads
/// an archive into, so that a million stories (some 3 GB of text) are searched in a few hundred
/// megabytes of story records.
///
/// Memory holds each story's id, date, outlet and URL and where its text is in the file; the
/// text is read back (`pread`, from the page cache as a rule) each time the story is read. The
/// scratch file is made in the temporary folder (`TMPDIR`) and unlinked at once: nothing
/// remains on disk after the process ends, however it ends.
///
/// ```swift
/// let archive = try SpilledStories()
/// for record in newspaperStories { try archive.append(record) }
/// let result = try RewriteDiscovery().discover(corpus: archive)
/// ```
///
/// Appending is not thread-safe; reading, once appending is over, is.
public final class SpilledStories: StoryCollection, @unchecked Sendable {
    private struct Entry {
        var id: String
        var date: String?
        var outlet: String?
        var url: String?
        var offset: UInt64
        var length: Int
    }

    private let file: SpillFile
    private var entries: [Entry] = []
    /// Guarded by `lock`: whether every appended text is in the file, and the failure that
    /// ended writing it.
    private var flushed = true
    private var writeFailure: NearDupError?
    private let lock = NSLock()

    /// Makes an empty collection and its scratch file.
    ///
    /// - Throws: ``NearDupError`` when the temporary folder cannot hold the scratch file.
    public init() throws(NearDupError) {
        do throws(NearDupError) { file = try SpillFile() } catch {
            throw NearDupError(error.code, "cannot make a scratch file in the temporary folder: \(error.message)", systemErrorNumber: error.systemErrorNumber)
        }
    }

    /// The number of stories appended.
    public var count: Int { entries.count }

    /// Appends a story: its text goes to the scratch file, the rest stays in memory.
    ///
    /// - Parameter story: the story.
    /// - Throws: ``NearDupError`` naming the scratch file when it cannot be written (a full
    ///   disk). A scratch file that failed once is not written again: every later append and
    ///   read throws the same error, since part of a text may have reached the file.
    /// - Complexity: O(n) for a text of n bytes.
    public func append(_ story: StoryRecord) throws(NearDupError) {
        if let failure = lock.withLock({ writeFailure }) { throw failure }
        var text = story.text
        let placed = text.withUTF8 { bytes -> Result<(offset: UInt64, length: Int), NearDupError> in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return .success((file.length, 0)) }
            return Result { () throws(NearDupError) in (try file.append(UnsafeRawPointer(base), count: bytes.count), bytes.count) }
        }
        let offset: UInt64, length: Int
        switch placed {
        case .success(let place): (offset, length) = place
        case .failure(let error):
            lock.withLock { writeFailure = error }
            throw error
        }
        entries.append(Entry(id: story.id, date: story.date, outlet: story.outlet, url: story.url, offset: offset, length: length))
        lock.withLock { flushed = false }
    }

    /// The name the scratch file had before it was unlinked (messages name it).
    package var scratchPath: String { file.path }

    /// The id of the story at `position`, without reading its text.
    ///
    /// - Parameter position: at least 0 and below ``count``.
    /// - Returns: the story's id.
    public func id(at position: Int) -> String { entries[position].id }

    /// The story at `position`, its text read back from the scratch file.
    ///
    /// - Parameter position: at least 0 and below ``count``.
    /// - Returns: the story, its text included.
    /// - Throws: ``NearDupError`` naming the story (its id and position), the scratch file,
    ///   and the offset and length of the text, when the text cannot be read back (the disk
    ///   failing, the file cut short) or the appended texts could not all be written.
    /// - Complexity: O(n) for a text of n bytes: one `pread`.
    public subscript(position: Int) -> StoryRecord {
        get throws(NearDupError) {
            let entry = entries[position]
            try flushOnce()
            var failure: NearDupError?
            let text = String(unsafeUninitializedCapacity: entry.length) { buffer in
                guard let base = buffer.baseAddress, entry.length > 0 else { return 0 }
                do throws(NearDupError) {
                    try file.read(
                        at: entry.offset, count: entry.length, into: base,
                        what: "the text of story \(JSONLine.quoted(entry.id)) (position \(position))")
                } catch {
                    failure = error
                    return 0
                }
                return entry.length
            }
            if let failure { throw failure }
            return StoryRecord(id: entry.id, text: text, date: entry.date, outlet: entry.outlet, url: entry.url)
        }
    }

    /// Writes the buffered texts to the scratch file, once, before the first read after an
    /// append; a failure is kept and thrown again.
    private func flushOnce() throws(NearDupError) {
        lock.lock()
        defer { lock.unlock() }
        if let writeFailure { throw writeFailure }
        guard !flushed else { return }
        do throws(NearDupError) { try file.flush() } catch {
            writeFailure = error
            throw error
        }
        flushed = true
    }
}
