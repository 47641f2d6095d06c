import Foundation

/// A value made on first use and kept: what a text computes only if some comparison reads it.
/// Thread-safe: texts are shared by the threads that compare them (two threads may both make
/// the value; one keeps it, and the values are the same).
final class MadeOnce<Value>: @unchecked Sendable {
    private var made: Value?
    private let lock = NSLock()

    /// The value, made by `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        if let known = lock.withLock({ made }) { return known }
        let value = make()
        lock.withLock { if made == nil { made = value } }
        return value
    }
}
