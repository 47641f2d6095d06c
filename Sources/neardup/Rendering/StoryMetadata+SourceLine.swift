import NearDup

extension StoryMetadata {
    /// Where a story came from, on one line for the text and HTML reports: its outlet, date and
    /// address, those known ("Outlet · 2026-03-14T09:30:00Z · https://…"); `nil` when none is.
    var sourceLine: String? {
        let parts = [outlet, date, url].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
