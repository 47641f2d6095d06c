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
/// let result = RewriteDiscovery().discover(corpus: archive)
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
    private var flushed = true
    private let lock = NSLock()

    /// Makes an empty collection and its scratch file.
    ///
    /// - Throws: ``NearDupError`` when the temporary folder cannot hold the scratch file.
    public init() throws(NearDupError) {
        do { file = try SpillFile() } catch let error as NearDupError { throw error } catch {
            throw NearDupError(.ioError, "cannot make a scratch file in the temporary folder: \(error)")
        }
    }

    /// The number of stories appended.
    public var count: Int { entries.count }

    /// Appends a story: its text goes to the scratch file, the rest stays in memory.
    ///
    /// - Parameter story: the story.
    /// - Throws: ``NearDupError`` when the scratch file cannot be written (a full disk).
    /// - Complexity: O(n) for a text of n bytes.
    public func append(_ story: StoryRecord) throws(NearDupError) {
        var text = story.text
        let offset: UInt64, length: Int
        do {
            (offset, length) = try text.withUTF8 { bytes -> (UInt64, Int) in
                guard let base = bytes.baseAddress, bytes.count > 0 else { return (file.length, 0) }
                return (try file.append(UnsafeRawPointer(base), count: bytes.count), bytes.count)
            }
        } catch let error as NearDupError { throw error } catch {
            throw NearDupError(.ioError, "cannot write the scratch file: \(error)")
        }
        entries.append(Entry(id: story.id, date: story.date, outlet: story.outlet, url: story.url, offset: offset, length: length))
        flushed = false
    }

    /// The id of the story at `position`, without reading its text.
    ///
    /// - Parameter position: at least 0 and below ``count``.
    /// - Returns: the story's id.
    public func id(at position: Int) -> String { entries[position].id }

    /// The story at `position`, its text read back from the scratch file.
    ///
    /// - Parameter position: at least 0 and below ``count``.
    /// - Returns: the story, its text included.
    /// - Complexity: O(n) for a text of n bytes: one `pread`.
    public subscript(position: Int) -> StoryRecord {
        let entry = entries[position]
        lock.withLock {
            if !flushed {
                // A scratch file that cannot be written has failed in `append` already; a
                // failure here is the disk failing between the two.
                do { try file.flush() } catch { fatalError("SpilledStories: cannot write the scratch file: \(error)") }
                flushed = true
            }
        }
        let text = String(unsafeUninitializedCapacity: entry.length) { buffer in
            guard let base = buffer.baseAddress, entry.length > 0 else { return 0 }
            do { try file.read(at: entry.offset, count: entry.length, into: base) } catch {
                fatalError("SpilledStories: cannot read the scratch file back: \(error)")
            }
            return entry.length
        }
        return StoryRecord(id: entry.id, text: text, date: entry.date, outlet: entry.outlet, url: entry.url)
    }
}
