/// The bytes of one input (a file or standard input) as the readers see them: gzip data,
/// recognised by its magic bytes (1f 8b) rather than by a `.gz` name, is decompressed on the
/// way (``GzipStream``); anything else is passed through unchanged.
///
/// `counted` hears of every byte read from the descriptor itself (compressed bytes for gzip),
/// so that progress can be measured against the size of the files.
final class InputBytes {
    private let descriptor: Int32
    private let counted: (@Sendable (Int) -> Void)?
    private var sniffed = false
    private var gzip: GzipStream?

    init(descriptor: Int32, counted: (@Sendable (Int) -> Void)? = nil) {
        self.descriptor = descriptor
        self.counted = counted
    }

    /// Whether the input turned out to be gzip (known after the first read).
    var isGzip: Bool { gzip != nil }

    /// Whether a gzip member failed its check or was cut short (``GzipStream/isDamaged``): the
    /// bytes read from it are unverified.
    var isDamagedGzip: Bool { gzip?.isDamaged ?? false }

    /// Reads up to `count` bytes (at least 2) of the input's content into `buffer`; 0 at its end.
    ///
    /// - Throws: a read error, or for gzip data that is corrupt or cut short, an
    ///   ``NearDupError/Code/invalidInput`` naming the compressed byte offset.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(NearDupError) -> Int {
        if let gzip { return try gzip.read(into: buffer, count: count) }
        if sniffed { return try Self.readRaw(descriptor, into: buffer, count: count, counted: counted) }
        sniffed = true
        // Sniff the first two bytes (a pipe may hand over one at a time).
        var got = try Self.readRaw(descriptor, into: buffer, count: count, counted: counted)
        while got == 1 && buffer.load(as: UInt8.self) == 0x1F && count > 1 {
            let more = try Self.readRaw(descriptor, into: buffer + 1, count: count - 1, counted: counted)
            if more == 0 { break }
            got += more
        }
        guard got >= 2, buffer.load(as: UInt8.self) == 0x1F, buffer.load(fromByteOffset: 1, as: UInt8.self) == 0x8B else {
            return got
        }
        let stream = try GzipStream { [descriptor, counted] target, capacity throws(NearDupError) in
            try Self.readRaw(descriptor, into: target, count: capacity, counted: counted)
        }
        gzip = stream
        stream.feed(UnsafeRawBufferPointer(start: buffer, count: got))
        return try stream.read(into: buffer, count: count)
    }

    /// One read of the descriptor itself, counted (static, so the gzip stream's source captures
    /// no `self`).
    private static func readRaw(
        _ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int, counted: (@Sendable (Int) -> Void)?
    ) throws(NearDupError) -> Int {
        let n = try Syscalls.read(descriptor, into: buffer, count: count, context: "read error")
        counted?(n)
        return n
    }
}
