/// One STAR component: whether the answer shows it, and the sentences that do.
public struct StarComponent: Sendable, Equatable, Codable {
    /// Whether at least one sentence shows the component.
    public var present: Bool
    /// The sentences that show it, each with the first cue that matched in `term`.
    public var evidence: [Evidence]

    /// Creates a component from its parts.
    public init(present: Bool, evidence: [Evidence]) {
        self.present = present
        self.evidence = evidence
    }
}

/// The four STAR components.
public enum StarPart: String, Sendable, CaseIterable, Codable {
    case situation, task, action, result
}

/// Situation, task, action and result: which the answer shows, with the sentences as evidence.
///
/// ```swift
/// let star = AnswerText("Last year our team was behind. I rewrote the tests. Failures fell by half.").star
/// star.presentCount      // 3 (no task)
/// star.task.present      // false
/// ```
public struct StarStructure: Sendable, Equatable, Codable {
    /// Context: when and where ("last year", "at my previous school", "our team was…").
    public var situation: StarComponent
    /// The goal or responsibility ("my goal was", "I needed to").
    public var task: StarComponent
    /// Past-tense first-person actions ("I rebuilt", "we then wrote"); hypotheticals do not count.
    public var action: StarComponent
    /// Outcomes: result phrases, past-tense change verbs, quantified outcomes.
    public var result: StarComponent

    /// Creates a structure from its parts.
    public init(situation: StarComponent, task: StarComponent, action: StarComponent, result: StarComponent) {
        self.situation = situation
        self.task = task
        self.action = action
        self.result = result
    }

    /// One component by name.
    public subscript(part: StarPart) -> StarComponent {
        switch part {
        case .situation: situation
        case .task: task
        case .action: action
        case .result: result
        }
    }

    /// How many of the four components are present.
    public var presentCount: Int {
        // Counted without building a list: the engine reads it for every answer a score function asks about.
        (situation.present ? 1 : 0) + (task.present ? 1 : 0) + (action.present ? 1 : 0) + (result.present ? 1 : 0)
    }

    /// The components that are missing, in STAR order.
    public var missing: [StarPart] {
        StarPart.allCases.filter { !self[$0].present }
    }
}
