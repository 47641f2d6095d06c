/// Builds a ``StoryText``: appends paragraphs of the original, undoes wire conventions, and keeps
/// for every byte it writes the range of the original it came from.
struct CleanTextBuilder {
    let bytes: [UInt8]
    let undoWireConventions: Bool
    private var out: [UInt8] = []
    private var origin: [Int] = []
    private var originEnd: [Int] = []
    private var blocks: [StoryBlock] = []

    init(bytes: [UInt8], undoWireConventions: Bool) {
        self.bytes = bytes
        self.undoWireConventions = undoWireConventions
        out.reserveCapacity(bytes.count)
        // The clean text is about as long as the original; a sentinel ends the maps.
        origin.reserveCapacity(bytes.count + 1)
        originEnd.reserveCapacity(bytes.count + 1)
    }

    private mutating func emit(_ piece: [UInt8], from start: Int, to end: Int) {
        out.append(contentsOf: piece)
        for _ in piece {
            origin.append(start)
            originEnd.append(end)
        }
    }

    /// ``emit(_:from:to:)`` of one byte, without an array for it.
    private mutating func emit(byte: UInt8, from start: Int, to end: Int) {
        out.append(byte)
        origin.append(start)
        originEnd.append(end)
    }

    /// Copies the original's bytes in `range` as they are, each from its own place (the common
    /// case: a run between bytes that may change).
    private mutating func copy(_ range: Range<Int>) {
        out.append(contentsOf: bytes[range])
        origin.append(contentsOf: range)
        originEnd.append(contentsOf: (range.lowerBound + 1)..<(range.upperBound + 1))
    }

    /// Whether a byte may be written otherwise than as it is: a carriage return or tab (a
    /// space), or with wire conventions undone, the first byte of two backticks, two
    /// apostrophes or `#` before a digit.
    @inline(__always)
    private static func mayChange(_ b: UInt8, undoing: Bool) -> Bool {
        b == 0x0D || b == 0x09 || (undoing && (b == UInt8(ascii: "`") || b == UInt8(ascii: "'") || b == UInt8(ascii: "#")))
    }

    /// Appends one paragraph made of `lines` (byte ranges of the original), as a block of `kind`;
    /// with `datelineBytes`, that many leading bytes of the first line are a dateline block.
    mutating func appendParagraph(_ lines: [Range<Int>], kind: StoryBlockKind, datelineBytes: Int?) {
        guard let first = lines.first else { return }
        if !out.isEmpty {
            let at = originEnd.last ?? 0
            emit([0x0A, 0x0A], from: at, to: first.lowerBound)
        }
        var blockStart = out.count
        let clean = kind == .body || kind == .headline
        for (index, line) in lines.enumerated() {
            if index > 0 { emit(byte: 0x20, from: lines[index - 1].upperBound, to: line.lowerBound) }
            var i = line.lowerBound
            while i < line.upperBound {
                if index == 0, let d = datelineBytes, i == line.lowerBound + d, d < line.count {
                    // Close the dateline block before its trailing space.
                    var end = out.count
                    while end > blockStart, out[end - 1] == 0x20 { end -= 1 }
                    blocks.append(StoryBlock(kind: .dateline, range: blockStart..<end))
                    blockStart = out.count
                }
                // The bytes up to the next one that may change (or the dateline's end) go as
                // they are, in one copy.
                var stop = line.upperBound
                if index == 0, let d = datelineBytes, d < line.count, line.lowerBound + d > i { stop = line.lowerBound + d }
                let undoing = clean && undoWireConventions
                var j = i
                while j < stop, !Self.mayChange(bytes[j], undoing: undoing) { j += 1 }
                if j > i {
                    copy(i..<j)
                    i = j
                    continue
                }
                let b = bytes[i]
                let next: UInt8 = i + 1 < line.upperBound ? bytes[i + 1] : 0
                if clean, undoWireConventions, b == UInt8(ascii: "`"), next == UInt8(ascii: "`") {
                    emit(Array("“".utf8), from: i, to: i + 2)
                    i += 2
                } else if clean, undoWireConventions, b == UInt8(ascii: "'"), next == UInt8(ascii: "'") {
                    emit(Array("”".utf8), from: i, to: i + 2)
                    i += 2
                } else if clean, undoWireConventions, b == UInt8(ascii: "#"), next >= 0x30, next <= 0x39 {
                    emit(Array("£".utf8), from: i, to: i + 1)
                    i += 1
                } else if b == 0x0D || b == 0x09 {
                    emit(byte: 0x20, from: i, to: i + 1)
                    i += 1
                } else {
                    emit(byte: b, from: i, to: i + 1)
                    i += 1
                }
            }
        }
        // Drop the space left where the dateline ended, so the body block starts at a word.
        var start = blockStart
        while start < out.count, out[start] == 0x20 { start += 1 }
        if start < out.count { blocks.append(StoryBlock(kind: kind, range: start..<out.count)) }
    }

    /// The text built, its blocks and origins, moved out of the builder (no copy of the maps).
    mutating func finish(wire: Bool) -> StoryText {
        var origin: [Int] = [], originEnd: [Int] = []
        swap(&origin, &self.origin)
        swap(&originEnd, &self.originEnd)
        // A sentinel for the end of the text.
        origin.append(bytes.count)
        originEnd.append(bytes.count)
        return StoryText(
            text: String(decoding: out, as: UTF8.self), blocks: blocks, isWireCopy: wire, origin: origin, originEnd: originEnd)
    }
}
