/// An error from NearDup. A struct around an internal code, so cases can be added without
/// breaking the API (the swift-nio pattern); match on ``code``.
///
/// ```swift
/// do { _ = try NearDuplicateIndex(contentsOf: path) }
/// catch let error as NearDupError where error.code == .damagedIndex { rebuild() }
/// ```
public struct NearDupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Base: String, Sendable, Hashable {
            case incompatibleSignatures = "incompatible signatures"
            case invalidEncoding = "invalid signature encoding"
            case invalidInput = "invalid input"
            case ioError = "i/o error"
            case damagedIndex = "damaged index"
            case unsupportedFormat = "unsupported format"
            case duplicateID = "duplicate id"
            case fileNotFound = "file not found"
            case permissionDenied = "permission denied"
            case noSpace = "no space left"
            case isDirectory = "is a directory"
            case interrupted = "interrupted"
            case shinglesRequired = "shingles required"
        }
        let base: Base
        /// Two signatures (or a signature and an index) were made with different configurations.
        public static let incompatibleSignatures = Code(base: .incompatibleSignatures)
        /// Bytes or JSON that do not decode to a signature (wrong magic, version, length or field).
        public static let invalidEncoding = Code(base: .invalidEncoding)
        /// Input that cannot be processed (binary, malformed JSONL, missing field).
        public static let invalidInput = Code(base: .invalidInput)
        /// A file could not be read or written, for a reason no other code names.
        public static let ioError = Code(base: .ioError)
        /// An index file whose header or records do not check (truncated, a checksum that does
        /// not match, inconsistent lengths): it is neither read nor appended to.
        public static let damagedIndex = Code(base: .damagedIndex)
        /// A file in a format version this build does not read (an older or newer index file).
        public static let unsupportedFormat = Code(base: .unsupportedFormat)
        /// The same document id appears twice where ids must be unique.
        public static let duplicateID = Code(base: .duplicateID)
        /// A path that does not exist (`ENOENT`).
        public static let fileNotFound = Code(base: .fileNotFound)
        /// The operating system refused access (`EACCES`, `EPERM`, `EROFS`).
        public static let permissionDenied = Code(base: .permissionDenied)
        /// The disk or quota is full (`ENOSPC`, `EDQUOT`).
        public static let noSpace = Code(base: .noSpace)
        /// A folder where a file was expected (`EISDIR`).
        public static let isDirectory = Code(base: .isDirectory)
        /// The operation was given up because the process was asked to stop (SIGINT, SIGTERM).
        public static let interrupted = Code(base: .interrupted)
        /// Exact verification was asked for a document known only by its MinHash signature:
        /// signatures carry no shingles, so only estimates can be made from them.
        public static let shinglesRequired = Code(base: .shinglesRequired)
        /// A short lower-case phrase naming the kind of error, such as `invalid input`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for the user, naming what was wrong and where.
    public let message: String
    /// The operating system's error number (`errno`) behind the error, when there is one.
    public let systemErrorNumber: Int32?

    /// Makes an error of kind `code`; `message` should name what was wrong and where (a path,
    /// a line), since it is shown to the user as is.
    ///
    /// - Parameters:
    ///   - code: the kind of error.
    ///   - message: a sentence for the user.
    public init(_ code: Code, _ message: String) {
        self.init(code, message, systemErrorNumber: nil)
    }

    /// Makes an error of kind `code` caused by the operating system error `systemErrorNumber`.
    ///
    /// - Parameters:
    ///   - code: the kind of error.
    ///   - message: a sentence for the user.
    ///   - systemErrorNumber: the `errno` behind the error, or `nil`.
    public init(_ code: Code, _ message: String, systemErrorNumber: Int32?) {
        self.code = code
        self.message = message
        self.systemErrorNumber = systemErrorNumber
    }

    /// The ``message``, without the code.
    public var description: String { message }
}
