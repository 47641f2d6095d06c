/// An error from NearDup. A struct around an internal code, so cases can be added without
/// breaking the API (the swift-nio pattern); match on ``code``.
public struct NearDupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        enum Base: String, Sendable, Hashable {
            case incompatibleSignatures = "incompatible signatures"
            case invalidEncoding = "invalid signature encoding"
            case invalidInput = "invalid input"
            case ioError = "i/o error"
        }
        let base: Base
        /// Two signatures (or a signature and an index) were made with different configurations.
        public static let incompatibleSignatures = Code(base: .incompatibleSignatures)
        /// Bytes or JSON that do not decode to a signature (wrong magic, version, length or field).
        public static let invalidEncoding = Code(base: .invalidEncoding)
        /// Input that cannot be processed (binary, malformed JSONL, missing field).
        public static let invalidInput = Code(base: .invalidInput)
        /// A file could not be read or written.
        public static let ioError = Code(base: .ioError)
        /// A short lower-case phrase naming the kind of error, such as `invalid input`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for the user, naming what was wrong and where.
    public let message: String

    /// Makes an error of kind `code`; `message` should name what was wrong and where (a path,
    /// a line), since it is shown to the user as is.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The ``message``, without the code.
    public var description: String { message }
}
