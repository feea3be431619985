import Foundation
import RehearsalCore

/// The self-assessment both live modes ask before any score is shown: each criterion with its numbered
/// level descriptors, and the candidate's level for it.
enum SelfAssessment {
    /// Asks for a level per criterion: `write` shows text, `read` gives a typed line (nil at the end of
    /// input, which ends the questions). Nil when no level was given.
    static func ask(_ criteria: [Criterion], write: (String) -> Void, read: () -> String?) -> [String: Int]? {
        write("\nBefore you see your scores, rate yourself on each criterion (type the level's number).\n")
        var levels: [String: Int] = [:]
        for criterion in criteria {
            var prompt = "\n\(DisplayText.line(criterion.title)):\n"
            for (index, descriptor) in criterion.levels.enumerated() {
                prompt += "  \(index + 1) \(DisplayText.line(descriptor))\n"
            }
            write(prompt)
            while let line = read() {
                if let level = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)),
                    (1...criterion.maxLevel).contains(level)
                {
                    levels[criterion.id] = level
                    break
                }
                write("Type a number from 1 to \(criterion.maxLevel).\n")
            }
        }
        return levels.isEmpty ? nil : levels
    }
}
