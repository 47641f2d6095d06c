internal import CZlib

/// Streaming gzip decompression with zlib (RFC 1952), as `gzip -d` reads: several members one
/// after another (what `cat a.gz b.gz` makes) are one stream. Corrupt data, data cut short and
/// bytes after the last member that are not another member are errors naming the offset in
/// the compressed bytes where zlib stopped (the reader's problem report names the file). A
/// member's checksum (CRC-32 and length) is checked only at its end, so the bytes of a damaged
/// member may be handed over before the damage shows: ``isDamaged`` says so, and the corpus
/// reader then fails the whole run rather than let them be used.
///
/// The only user of zlib: nothing of it is public. Memory: a 256 KiB input buffer and zlib's
/// 32 KiB window.
final class GzipStream {
    private let source: (UnsafeMutableRawPointer, Int) throws(NearDupError) -> Int
    private let stream: UnsafeMutablePointer<z_stream>
    private var input: UnsafeMutableRawPointer
    private var inputCapacity = 1 << 18
    /// Compressed bytes before the start of `input`.
    private var consumedBefore = 0
    /// Bytes in `input`.
    private var inputLength = 0
    private var sourceEnded = false
    /// Whether a member ended and no byte of the next one has been decompressed.
    private var betweenMembers = false
    /// Whether the member being read follows another and has given no byte yet.
    private var inLaterMemberHeader = false
    /// Where the member being read starts in the compressed input.
    private var memberStart = 0
    private var finished = false
    /// Whether a member failed: corrupt data, a checksum or length that does not match, or the
    /// input cut short inside it. The bytes already handed over from that member are
    /// unverified. (Junk after the last complete member is an error, but not damage.)
    private(set) var isDamaged = false

    /// - Parameter source: reads more compressed bytes; 0 at the end.
    init(source: @escaping (UnsafeMutableRawPointer, Int) throws(NearDupError) -> Int) throws(NearDupError) {
        self.source = source
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: inputCapacity, alignment: 16)
        // 16 + 15: a gzip header and trailer, the largest window.
        // On failure deinit still runs (every property is set): inflateEnd refuses a stream
        // without state, and the buffers are freed there.
        guard neardup_inflate_init2(stream, 16 + MAX_WBITS) == Z_OK else {
            throw NearDupError(.ioError, "cannot start gzip decompression (out of memory)")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Hands over compressed bytes already read (the sniffed start of the input).
    func feed(_ bytes: UnsafeRawBufferPointer) {
        precondition(inputLength == 0)
        guard let base = bytes.baseAddress else { return }
        if bytes.count > inputCapacity {
            input.deallocate()
            inputCapacity = bytes.count
            input = .allocate(byteCount: inputCapacity, alignment: 16)
        }
        input.copyMemory(from: base, byteCount: bytes.count)
        inputLength = bytes.count
        stream.pointee.next_in = input.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(bytes.count)
    }

    /// The offset in the compressed input of the next byte zlib would read.
    private var compressedOffset: Int { consumedBefore + inputLength - Int(stream.pointee.avail_in) }

    /// Decompresses up to `count` bytes into `buffer`; 0 at the end of the last member.
    func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(NearDupError) -> Int {
        guard !finished, count > 0 else { return 0 }
        stream.pointee.next_out = buffer.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(count, Int(UInt32.max)))
        let wanted = Int(stream.pointee.avail_out)
        while true {
            if stream.pointee.avail_in == 0 && !sourceEnded {
                consumedBefore += inputLength
                inputLength = try source(input, inputCapacity)
                if inputLength == 0 { sourceEnded = true }
                stream.pointee.next_in = input.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = uInt(inputLength)
            }
            if betweenMembers {
                if stream.pointee.avail_in == 0 && sourceEnded {
                    finished = true
                    return wanted - Int(stream.pointee.avail_out)
                }
                // Another member follows (or junk, which inflate reports as a bad header).
                inflateReset(stream)
                memberStart = compressedOffset
                betweenMembers = false
                inLaterMemberHeader = true
            }
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = wanted - Int(stream.pointee.avail_out)
            if produced > 0 { inLaterMemberHeader = false }
            switch status {
            case Z_STREAM_END:
                betweenMembers = true
                if produced > 0 { return produced }
            case Z_OK, Z_BUF_ERROR:
                if produced > 0 { return produced }
                if stream.pointee.avail_in == 0 && sourceEnded {
                    isDamaged = true
                    throw NearDupError(
                        .invalidInput,
                        "truncated gzip data: the input ends at compressed byte \(compressedOffset) inside a member")
                }
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                let offset = compressedOffset
                if inLaterMemberHeader && (reason == "incorrect header check" || reason == "unknown compression method") {
                    throw NearDupError(
                        .invalidInput, "data after the end of the gzip stream at compressed byte \(memberStart) (\(reason))")
                }
                isDamaged = true
                throw NearDupError(.invalidInput, "corrupt gzip data at compressed byte \(offset): \(reason)")
            }
        }
    }
}
