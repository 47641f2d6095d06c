/// A manually managed, growable buffer of trivial values reused across documents so that the
/// hot loops allocate nothing after warm-up.
@usableFromInline
struct GrowableBuffer<Element: BitwiseCopyable> {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    /// Makes room for at least `count` elements, keeping the first `keeping` ones.
    @inline(__always)
    mutating func reserve(_ count: Int, keeping: Int) {
        if count > capacity { grow(to: count, keeping: keeping) }
    }

    @inline(never)
    mutating func grow(to count: Int, keeping: Int) {
        let newCapacity = max(count, capacity * 2)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: keeping)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func free() { base.deallocate() }
}
