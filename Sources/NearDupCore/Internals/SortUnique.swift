extension Array where Element: Comparable {
    /// Sorts the array and removes repeated elements, in place.
    ///
    /// - Complexity: O(n log n).
    @inlinable package mutating func sortAndRemoveRepeats() {
        sort()
        var unique = 0
        for i in indices where i == 0 || self[i] != self[unique - 1] {
            self[unique] = self[i]
            unique += 1
        }
        removeLast(count - unique)
    }
}
