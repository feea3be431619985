import Foundation
import RehearsalCore
import Testing

@testable import Store

/// The store's times are written without `ISO8601DateFormatter`, and must read exactly as it writes them.
@Suite struct ISOTimeTests {
    static func foundation(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    @Test func knownTimes() {
        #expect(ISOTime.string(secondsSince1970: 0) == "1970-01-01T00:00:00.000Z")
        #expect(ISOTime.string(secondsSince1970: 951_782_400.5) == "2000-02-29T00:00:00.500Z")
        #expect(ISOTime.string(secondsSince1970: 1_795_746_912.1234) == "2026-11-27T02:35:12.123Z")
        #expect(ISOTime.string(secondsSince1970: 4_107_542_399.999) == "2100-02-28T23:59:59.999Z")
        #expect(ISOTime.string(secondsSince1970: 4_107_542_399.9996) == "2100-03-01T00:00:00.000Z")
        #expect(ISOTime.string(secondsSince1970: 4_107_542_400) == "2100-03-01T00:00:00.000Z")
        #expect(ISOTime.string(secondsSince1970: -1) == "1969-12-31T23:59:59.000Z")
        // Years four digits cannot hold are the formatter's.
        #expect(ISOTime.string(secondsSince1970: -70_000_000_000) == Self.foundation(-70_000_000_000))
        #expect(ISOTime.string(secondsSince1970: 300_000_000_000) == Self.foundation(300_000_000_000))
    }

    /// Whole milliseconds from 1900 to 2400 (every leap-year rule), seeded so a failure can be replayed; and the
    /// days around each year's end and February's.
    @Test func agreesWithFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let formatted = { (seconds: Double) in formatter.string(from: Date(timeIntervalSince1970: seconds)) }
        var generator = SeededGenerator(seed: 20_261_127)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let milliseconds = Int64(generator.next() % 15_778_800_000_000) - 2_208_988_800_000
            let seconds = Double(milliseconds) / 1000
            if ISOTime.string(secondsSince1970: seconds) != formatted(seconds) { mismatches.append("\(seconds)") }
        }
        // Times between milliseconds, as a clock gives them, on both sides of 1970 and across midnights (kept
        // 0.3 µs off the half millisecond, where the two compute in different floating-point steps).
        for _ in 0..<20_000 {
            let seconds =
                (Double(generator.next() % 15_778_800_000_000) - 2_208_988_800_000) / 1000
                + (Double(generator.below(1000)) + 0.3) / 1_000_000
            if ISOTime.string(secondsSince1970: seconds) != formatted(seconds) { mismatches.append("\(seconds)") }
        }
        for seconds in [86_399.9995, 86_399.9994, -0.0005, -0.0004, 4_107_542_399.9996] {
            if ISOTime.string(secondsSince1970: seconds) != formatted(seconds) { mismatches.append("\(seconds)") }
        }
        for year in stride(from: 1900, through: 2400, by: 1) {
            for (month, day) in [(1, 1), (2, 28), (3, 1), (12, 31)] {
                let date = DateComponents(
                    calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year,
                    month: month, day: day, hour: 23, minute: 59, second: 59
                ).date!
                let seconds = date.timeIntervalSince1970 + 0.25
                if ISOTime.string(secondsSince1970: seconds) != formatted(seconds) {
                    mismatches.append("\(seconds)")
                }
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}
