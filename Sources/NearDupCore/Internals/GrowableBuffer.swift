/// A manually managed, growable buffer of trivial values reused across documents so that the
/// hot loops allocate nothing after warm-up.
@usableFromInline
package struct GrowableBuffer<Element: BitwiseCopyable> {
    @usableFromInline package var base: UnsafeMutablePointer<Element>
    @usableFromInline package var capacity: Int

    @inlinable package init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `count` elements, keeping the first `keeping` ones.
    @inlinable @inline(__always)
    package mutating func reserve(_ count: Int, keeping: Int) {
        if count > capacity { grow(to: count, keeping: keeping) }
    }

    @usableFromInline @inline(never)
    package mutating func grow(to count: Int, keeping: Int) {
        let newCapacity = max(count, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: keeping)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable package func free() { base.deallocate() }
}
