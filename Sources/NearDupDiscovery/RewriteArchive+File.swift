import NearDupCore
import NearDupReport
import Foundation

/// A ``RewriteArchive`` in a file: the index that answers "is this incoming story a rewrite of
/// one we already hold?" across runs, for `neardup index create --rewrites`, `index add` and
/// `index query`.
///
/// The file is JSON lines. The first line says what it is and the settings every query uses:
/// `{"format":3,"kind":"neardup-rewrite-archive","same_outlet":false,"candidates":{…}}`; each
/// further line is one stored story with its rewrite sketch:
/// `{"id":…,"text":…,"date":…,"outlet":…,"url":…,"terms":[…]}` (the report needs the whole
/// text to judge a link; the sketch's terms are what the candidate stage reads, so a reopened
/// archive does not sketch its stories again).
extension RewriteArchive {
    /// The `kind` member of an archive file's first line.
    public static let fileKind = "neardup-rewrite-archive"
    /// The layout version of an archive file. A reader refuses a later one; it reads formats 1
    /// and 2 (whose sketches hashed stems otherwise, or held no stem pairs) by sketching their
    /// stories again from their text.
    public static let fileFormat = 3

    private struct Header: Codable {
        var format: Int
        var kind: String
        var sameOutlet: Bool
        var candidates: RewriteCandidateIndex.Settings

        enum CodingKeys: String, CodingKey {
            case format, kind, candidates
            case sameOutlet = "same_outlet"
        }
    }

    private struct Entry {
        var id: String
        var text: String
        var date: String?
        var outlet: String?
        var url: String?
        var terms: [UInt32]

        init(id: String, text: String, date: String?, outlet: String?, url: String?, terms: [UInt32]) {
            (self.id, self.text, self.date, self.outlet, self.url, self.terms) = (id, text, date, outlet, url, terms)
        }

        /// A stored story's line, read in place (`JSONDecoder` spends most of a reopening on
        /// the terms); `nil` when it is not one.
        init?(line: [UInt8]) {
            let read: Entry? = line.withUnsafeBufferPointer { bytes in
                guard let object = try? JSONObjectLine(bytes) else { return nil }
                return try? Entry(
                    id: object.string("id"), text: object.string("text"), date: object.optionalString("date"),
                    outlet: object.optionalString("outlet"), url: object.optionalString("url"), terms: object.uint32Array("terms"))
            }
            guard let read else { return nil }
            self = read
        }
    }

    /// Writes every stored story, with its sketch, to `path`: to a file beside it, renamed into
    /// place when complete, so that a failed write leaves what was there.
    ///
    /// - Parameter path: the archive file.
    /// - Throws: ``NearDupError`` naming the path when it cannot be written.
    /// - Complexity: linear in the stored texts.
    public func write(to path: String) throws(NearDupError) {
        do {
            try writeUntyped(to: path)
        } catch let error as NearDupError {
            throw error
        } catch {
            throw NearDupError(.ioError, "cannot write \(path): \(String(describing: error))")
        }
    }

    private func writeUntyped(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Data()
        let header = Header(
            format: Self.fileFormat, kind: Self.fileKind, sameOutlet: configuration.sameOutlet,
            candidates: configuration.candidates)
        bytes.append(try encoder.encode(header))
        bytes.append(0x0A)
        lock.lock()
        let stored = zip(stories, sketches).map { ($0, $1) }
        lock.unlock()
        // The stories' lines by JSONLine, members in the order the header's encoder sorts them
        // (JSONEncoder took some 700,000 instructions for a story's line, most of a `create`).
        for (story, sketch) in stored {
            var line = JSONLine()
            if let date = story.date { line.append("date", date) }
            line.append("id", story.id)
            if let outlet = story.outlet { line.append("outlet", outlet) }
            line.append("terms", json: "[" + sketch.terms.map(String.init).joined(separator: ",") + "]")
            line.append("text", story.text)
            if let url = story.url { line.append("url", url) }
            bytes.append(contentsOf: line.text.utf8)
        }
        let output = try OutputFile(path: path, regularOnly: true)
        do {
            let raw = [UInt8](bytes)
            try raw.withUnsafeBytes { buffer in
                if let base = buffer.baseAddress {
                    try Syscalls.write(output.descriptor, base, count: buffer.count, context: "cannot write \(path)")
                }
            }
            try output.commit()
        } catch {
            output.abandon()
            throw error
        }
    }

    /// Whether `path` starts like a rewrite archive file (its first line's `kind`).
    ///
    /// - Parameter path: a file.
    /// - Returns: `true` when its first bytes are an archive header; `false` for anything else,
    ///   including a file that cannot be read.
    public static func isArchiveFile(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("\"kind\":\"\(fileKind)\"")
    }

    /// Reopens an archive written by ``write(to:)``: its settings and every story with its sketch
    /// (sketched again from its text when the file is of format 1 or 2).
    ///
    /// - Parameters:
    ///   - path: the archive file.
    ///   - configuration: the sketcher, linker and threads to use; the candidate settings and
    ///     ``RewriteDiscovery/Configuration/sameOutlet`` are the file's.
    /// - Throws: ``NearDupError`` naming the file, and the line for a malformed one.
    /// - Complexity: linear in the file (plus a sketch per story for formats 1 and 2).
    public convenience init(contentsOf path: String, configuration: RewriteDiscovery.Configuration = RewriteDiscovery.Configuration()) throws(NearDupError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NearDupError(.ioError, "cannot read \(path): \(error.localizedDescription)")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        let decoder = JSONDecoder()
        guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)), header.kind == Self.fileKind else {
            throw NearDupError(.invalidInput, "\(path):1: not a rewrite archive (its first line is not a {\"kind\":\"\(Self.fileKind)\"} header)")
        }
        guard (1...Self.fileFormat).contains(header.format) else {
            throw NearDupError(.unsupportedFormat, "\(path):1: rewrite archive format \(header.format) is not known to this version of NearDup (it reads format \(Self.fileFormat))")
        }
        var settings = configuration
        settings.candidates = header.candidates
        settings.sameOutlet = header.sameOutlet
        self.init(configuration: settings)
        for (n, line) in lines.dropFirst().enumerated() {
            guard let entry = Entry(line: Array(line)) else {
                throw NearDupError(.damagedIndex, "\(path):\(n + 2): not a stored story of a rewrite archive")
            }
            let story = StoryRecord(id: entry.id, text: entry.text, date: entry.date, outlet: entry.outlet, url: entry.url)
            do {
                if header.format == Self.fileFormat {
                    try insert(story, sketch: RewriteSketch(id: entry.id, date: entry.date, outlet: entry.outlet, terms: entry.terms))
                } else {
                    try insert(story)
                }
            } catch {
                throw NearDupError(.duplicateID, "\(path):\(n + 2): the id \(entry.id) is stored twice")
            }
        }
    }
}
