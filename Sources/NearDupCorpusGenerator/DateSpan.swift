/// The days a generated corpus's documents are dated over: document i of n is dated
/// `firstDay + i × days / n` (rounded down), so dates never fall as positions rise.
public struct DateSpan: Sendable, Hashable {
    /// The first date, as days since 1970-01-01.
    public var firstDay: Int
    /// The number of days (at least 1).
    public var days: Int

    /// The span of `days` days from `first`.
    ///
    /// - Parameters:
    ///   - first: the first date, `YYYY-MM-DD` (a real date of the proleptic Gregorian calendar).
    ///   - days: the number of days, at least 1.
    /// - Returns: `nil` when `first` is not such a date or `days` is below 1.
    public init?(first: String, days: Int) {
        let parts = first.split(separator: "-", omittingEmptySubsequences: false)
        guard days >= 1, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let number = Self.day(year: year, month: month, day: day)
        guard Self.text(ofDay: number) == first else { return nil }  // 2021-02-30 and the like
        self.firstDay = number
        self.days = days
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 (Howard Hinnant's civil-from-days).
    ///
    /// - Parameter number: days since 1970-01-01.
    /// - Returns: the date.
    public static func text(ofDay number: Int) -> String {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }

    /// Days since 1970-01-01 of a date (Howard Hinnant's days-from-civil).
    static func day(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
