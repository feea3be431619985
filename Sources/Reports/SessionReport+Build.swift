import Analysis
import Foundation
import RehearsalCore
import Store

extension SessionReport {
    /// Computes the report of a stored session. The scenario (loaded from the session's stored source) adds
    /// what the result does not hold: role, descriptors to aim for, tips, resources, question limits and
    /// the time budget; without it the report uses only the result.
    public init(_ stored: StoredSession, scenario: Scenario?) {
        let result = stored.result
        session = result.session
        candidate = result.candidate
        self.scenario = ReportScenario(
            id: result.scenario.id, title: result.scenario.title, version: result.scenario.version,
            role: scenario?.role, institution: scenario?.institution?.name)
        date = stored.date
        mode = result.mode.rawValue
        completed = result.completed
        overall = result.overall
        let rubric = Rubric(result: result, scenario: scenario)
        self.rubric = rubric.rows
        questions = result.answers.enumerated().map { index, answer in
            QuestionReport(answer, number: index + 1, question: scenario?.question(answer.question), rubric: rubric)
        }
        // A typed session has its budget times the typing allowance, as its answers have their limits.
        time = TimeUse(
            answers: result.answers, budget: scenario?.sessionBudget(typed: result.answers.contains(where: \.typed)))
        strengths = result.feedback.strengths.map {
            ReportRemark(criterion: $0.criterion, text: $0.text, tips: [], inAnswers: [])
        }
        improvements = result.feedback.improvements.map {
            ReportRemark(
                criterion: $0.criterion, text: $0.text, tips: $0.tips ?? [],
                inAnswers: $0.criterion.map { RemarkEvidence.lowest($0, in: result.answers) } ?? [])
        }
        // The improvements already list their criterion's tips: the plan does not say them a second time.
        let tipped = Set(improvements.filter { !$0.tips.isEmpty }.compactMap(\.criterion))
        plan = rubric.plan(recurring: []).map { step in
            var step = step
            if tipped.contains(step.criterion) { step.tips = [] }
            return step
        }
        // The rubric's resources belong to plan steps (the engine lists those of every improvement); what is
        // left is what the debrief added.
        let resources = Set(rubric.entries.flatMap(\.resources))
        planNotes = result.feedback.plan.filter { !resources.contains($0) }
        selfAssessment = SelfAssessment(own: result.selfAssessment, rubric: rubric)
        reviews = ReviewComparison(stored.reviews, rubric: rubric)
        notes = result.notes
    }
}

/// The rubric of a session: the scenario's criteria when known, else those of the result.
struct Rubric {
    struct Entry {
        var id: String
        var title: String
        var max: Int
        var weight: Double
        var level: Double?
        var descriptor: String?
        var descriptors: [String]
        var tips: [String]
        var resources: [String]
    }

    var entries: [Entry]

    init(result: SessionResult, scenario: Scenario?) {
        if let scenario {
            entries = scenario.criteria.map { criterion in
                let scored = result.criteria[criterion.id]
                return Entry(
                    id: criterion.id, title: criterion.title, max: criterion.maxLevel, weight: criterion.weight,
                    level: scored?.level, descriptor: scored?.descriptor, descriptors: criterion.levels,
                    tips: criterion.tips, resources: criterion.resources)
            }
        } else {
            entries = result.criteria.sorted { $0.key < $1.key }.map { id, scored in
                let tips = result.feedback.improvements.first { $0.criterion == id }?.tips ?? []
                return Entry(
                    id: id, title: scored.title, max: scored.max, weight: scored.weight, level: scored.level,
                    descriptor: scored.descriptor, descriptors: [], tips: tips, resources: [])
            }
        }
    }

    func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }
    func title(_ id: String) -> String { entry(id)?.title ?? id }

    var rows: [RubricRow] {
        let total = entries.map(\.weight).reduce(0, +)
        return entries.map {
            RubricRow(
                criterion: $0.id, title: $0.title, level: $0.level, max: $0.max, descriptor: $0.descriptor,
                weight: $0.weight, weightPercent: total > 0 ? ($0.weight / total * 1000).rounded() / 10 : 0)
        }
    }

    /// At most this many steps: a plan to act on before the next session, not a list of everything.
    static let planSteps = 3

    /// The level whose descriptor a session level reads as (round half up, as the engine does), 1 to `max`.
    static func shownLevel(_ level: Double, max: Int) -> Int {
        Swift.min(max, Swift.max(1, Int((level + 0.5).rounded(.down))))
    }

    /// The criteria below their top level (by more than a quarter of a level), at most ``planSteps`` of them:
    /// first those whose level reads as a descriptor below the top one, then recurring themes (progress
    /// reports), then what gains the overall score most (the weight times the share of its scale still to
    /// climb), then the weakest relative to its scale. Each step aims at the descriptor one above the one the
    /// candidate is shown; a level that already reads as the top descriptor aims at it in every answer.
    func plan(recurring: Set<String>) -> [PlanStep] {
        let open = entries.compactMap { entry -> (entry: Entry, shown: Int, gain: Double)? in
            guard let level = entry.level, entry.max > 1, level < Double(entry.max) - 0.25 else { return nil }
            let shown = Rubric.shownLevel(level, max: entry.max)
            return (entry, shown, entry.weight * (Double(entry.max) - level) / Double(entry.max - 1))
        }
        func normalised(_ entry: Entry) -> Double { ((entry.level ?? 1) - 1) / Double(entry.max - 1) }
        let sorted = open.sorted { lhs, rhs in
            let (lhsBelow, rhsBelow) = (lhs.shown < lhs.entry.max, rhs.shown < rhs.entry.max)
            if lhsBelow != rhsBelow { return lhsBelow }
            let (a, b) = (recurring.contains(lhs.entry.id), recurring.contains(rhs.entry.id))
            if a != b { return a }
            if lhs.gain != rhs.gain { return lhs.gain > rhs.gain }
            if normalised(lhs.entry) != normalised(rhs.entry) { return normalised(lhs.entry) < normalised(rhs.entry) }
            return lhs.entry.id < rhs.entry.id
        }
        return sorted.prefix(Rubric.planSteps).map { entry, shown, _ in
            let next = Swift.min(shown + 1, entry.max)
            let target = entry.descriptors.indices.contains(next - 1) ? entry.descriptors[next - 1] : nil
            return PlanStep(
                criterion: entry.id, title: entry.title, level: ((entry.level ?? 1) * 10).rounded() / 10,
                max: entry.max, target: target, everyAnswer: shown == entry.max, tips: entry.tips,
                resources: entry.resources, recurring: recurring.contains(entry.id))
        }
    }
}

extension QuestionReport {
    init(_ answer: AnswerResult, number: Int, question: Question?, rubric: Rubric) {
        self.number = number
        self.question = answer.question
        prompt = answer.prompt
        self.answer = answer.text
        let notes =
            answer.scores.sorted { $0.key < $1.key }.compactMap(\.value.note) + answer.strengths + answer.improvements
        let cut = EvidenceHighlighter.segments(of: answer.text, quotes: EvidenceHighlighter.quotes(in: notes))
        segments = cut.segments
        evidence = cut.found
        thinkSeconds = answer.thinkSeconds
        thinkLimitSeconds = question.map(\.think).flatMap { $0 > 0 ? $0 : nil }
        seconds = answer.seconds
        // A typed answer's limit is the question's times its typing allowance, as the live clock showed it.
        limitSeconds = question?.answerLimit(typed: answer.typed)
        overtime = answer.overtime
        skipped = answer.skipped
        scores = answer.scores.sorted { $0.key < $1.key }.map { id, score in
            ScoreRow(criterion: id, title: rubric.title(id), level: score.level, max: score.max, note: score.note)
        }
        // A typed answer's time is typing time: no words a minute, no fillers a minute.
        measures =
            answer.skipped ? nil : Measures(AnswerText(answer.text, duration: answer.typed ? nil : answer.seconds))
        strengths = answer.strengths
        improvements = answer.improvements
    }
}

extension Measures {
    init(_ text: AnswerText) {
        words = text.wordCount
        wordsPerMinute = (text.duration ?? 0) >= 5 ? text.wordsPerMinute.map { $0.rounded() } : nil
        let fillers = text.fillers
        self.fillers = fillers.total
        fillerWords = fillers.byTerm.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.key) (\($0.value))" }
        let star = text.star
        starParts = StarPart.allCases.filter { star[$0].present }.map(\.rawValue)
        missingStarParts = StarPart.allCases.filter { !star[$0].present }.map(\.rawValue)
    }
}

extension TimeUse {
    init(answers: [AnswerResult], budget: Double?) {
        answerSeconds = answers.compactMap(\.seconds).reduce(0, +)
        thinkSeconds = answers.compactMap(\.thinkSeconds).reduce(0, +)
        let used = answerSeconds + thinkSeconds
        usedSeconds = used
        budgetSeconds = budget
        budgetPercent = budget.flatMap { $0 > 0 ? (used / $0 * 1000).rounded() / 10 : nil }
        overBudget = budget.map { used > $0 } ?? false
        overtimeAnswers = answers.filter(\.overtime).count
    }
}

extension RemarkEvidence {
    /// At most this many different notes back one improvement.
    static let most = 2

    /// What a skipped answer says in place of a note.
    static let skippedNote = "Skipped, so scored at the lowest level."

    /// The answers that scored `criterion` in the lower half of its scale, lowest first: each note once with
    /// every answer it was given on (a skipped answer counts as `skippedNote`). Empty when every answer that
    /// scored it was skipped: the improvement's own text says so.
    static func lowest(_ criterion: String, in answers: [AnswerResult]) -> [RemarkEvidence] {
        let scoring = answers.enumerated().filter { $0.element.scores[criterion] != nil }
        guard scoring.contains(where: { !$0.element.skipped }) else { return [] }
        var found: [RemarkEvidence] = []
        for (index, answer) in scoring {
            guard let score = answer.scores[criterion], score.max > 1,
                Double(score.level - 1) / Double(score.max - 1) < 0.5,
                let note = answer.skipped ? skippedNote : score.note, !note.isEmpty
            else { continue }
            if let slot = found.firstIndex(where: { $0.note == note && $0.level == score.level }) {
                found[slot].answers.append(index + 1)
            } else {
                found.append(
                    RemarkEvidence(
                        answers: [index + 1], answersText: "", level: score.level, max: score.max, note: note))
            }
        }
        let sorted = found.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }
        return sorted.prefix(most).map { _, evidence in
            var evidence = evidence
            let numbers = evidence.answers.map(String.init)
            evidence.answersText =
                numbers.count == 1
                ? "answer \(numbers[0])"
                : "answers \(numbers.dropLast().joined(separator: ", ")) and \(numbers[numbers.count - 1])"
            return evidence
        }
    }
}
