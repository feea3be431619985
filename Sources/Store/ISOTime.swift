import Foundation

/// Times as the store writes them: ISO 8601 in UTC with milliseconds, `2026-11-27T02:35:12.123Z`, the form
/// `ISO8601DateFormatter` gives with `.withInternetDateTime` and `.withFractionalSeconds`. Written from the
/// calendar's arithmetic: making that formatter cost half a millisecond, once for every batch `rehearse grade` stores
/// (docs/performance.md, "The store writer"), and one formatter cannot be shared between threads safely.
enum ISOTime {
    /// The time `seconds` after 1970-01-01T00:00:00Z, to the nearest millisecond, a half rounded up (as that
    /// formatter gives it: a time read from the clock is seldom a whole number of milliseconds in binary). Years
    /// outside 1 to 9999, which four digits cannot hold, are left to the formatter.
    static func string(secondsSince1970 seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 2.5e11 else { return formatted(seconds) }
        let milliseconds = Int64((seconds * 1000 + 0.5).rounded(.down))
        let (days, inDay) = floorDivision(milliseconds, 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        guard (1...9999).contains(year) else { return formatted(seconds) }
        let (hour, minute, second) = (inDay / 3_600_000, inDay / 60_000 % 60, inDay / 1000 % 60)
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T\(digits(hour, 2)):\(digits(minute, 2)):"
            + "\(digits(second, 2)).\(digits(inDay % 1000, 3))Z"
    }

    /// A non-negative number's decimal digits, zero-padded to `width`.
    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func formatted(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// The proleptic Gregorian year, month (1-12) and day (1-31) of a day counted from 1970-01-01, for years from
    /// 1 on. Counts in 400-year eras that start on March 1st, so that February, with its leap day, ends each year.
    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        // Days from 0000-03-01 to 1970-01-01.
        let (era, dayOfEra) = floorDivision(days + 719_468, 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 is March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Division rounding toward negative infinity, with a remainder from 0 to `divisor - 1`.
    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor - (value % divisor < 0 ? 1 : 0)
        return (quotient, value - quotient * divisor)
    }
}
