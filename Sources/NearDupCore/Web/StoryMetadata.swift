/// What is known about a story besides its text: headline, byline, publication date, outlet and
/// address. Read from a saved web page's metadata (``WebPage``) or from a JSONL record's fields;
/// every field is `nil` when unknown, and an unknown field is left out of JSON.
public struct StoryMetadata: Sendable, Hashable, Codable {
    /// The headline.
    public var title: String?
    /// Who wrote it, as the page gives it (several authors joined with "and").
    public var byline: String?
    /// When it was published, as the page gives it (usually ISO 8601, such as
    /// `2026-03-14T09:30:00Z`); not parsed or normalised.
    public var date: String?
    /// The publication (site name or publisher).
    public var outlet: String?
    /// The story's address (the canonical one when the page names it).
    public var url: String?

    /// Makes metadata; every field defaults to unknown.
    ///
    /// - Parameters:
    ///   - title: the headline.
    ///   - byline: the authors.
    ///   - date: the publication date as given.
    ///   - outlet: the publication.
    ///   - url: the story's address.
    public init(title: String? = nil, byline: String? = nil, date: String? = nil, outlet: String? = nil, url: String? = nil) {
        self.title = title
        self.byline = byline
        self.date = date
        self.outlet = outlet
        self.url = url
    }

    /// True when no field is known.
    public var isEmpty: Bool { title == nil && byline == nil && date == nil && outlet == nil && url == nil }
}
