import CFuzzerDriver
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signature libFuzzer calls for each input.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Hands the command line to libFuzzer and exits with its status.
///
/// With `NEARDUP_FUZZ_WRITE_SEEDS=DIR` in the environment, writes the target's `seeds` (file
/// name, bytes) to DIR instead and exits: that is how the seeds in Fuzz/Corpus/ were made.
public func runFuzzer(_ callback: FuzzCallback, seeds: () -> [(String, [UInt8])] = { [] }) -> Never {
    if let directory = getenv("NEARDUP_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) {
        for (name, bytes) in seeds() {
            let path = "\(directory)/\(name)"
            guard let file = fopen(path, "wb"), fwrite(bytes, 1, bytes.count, file) == bytes.count, fclose(file) == 0 else {
                fatalError("cannot write \(path)")
            }
        }
        exit(0)
    }
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
}

/// The input as a buffer (libFuzzer may pass a null pointer for an empty input).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
}

/// Stops with a message libFuzzer reports as a crash when an invariant does not hold.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #file,
    line: UInt = #line
) {
    if !condition() { fatalError("invariant failed: \(message())", file: file, line: line) }
}

/// A scratch file private to this process, rewritten for each input: the readers under test take
/// a descriptor or a path. It lives in `TMPDIR` (scripts/fuzz.sh makes a fresh one and removes it).
public struct ScratchFile: Sendable {
    public let path: String
    public let descriptor: Int32

    public init(suffix: String) {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        path = "\(directory)/neardup-fuzz-\(getpid())\(suffix)"
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot create \(path)")
    }

    /// Replaces the file's contents with `bytes` and rewinds the descriptor.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        precondition(ftruncate(descriptor, 0) == 0)
        var done = 0
        while done < bytes.count {
            let wrote = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(done))
            precondition(wrote > 0, "cannot write \(path)")
            done += wrote
        }
        rewind()
    }

    public func rewind() { precondition(lseek(descriptor, 0, SEEK_SET) == 0) }
}
