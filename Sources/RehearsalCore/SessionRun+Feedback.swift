import LuaHost

extension SessionRun {
    /// Per-criterion levels, the overall score and the feedback from the rubric.
    func aggregate() -> SessionResult {
        let declared = scenario.criteria
        // Copied at its size on the first insert (see `LoadedScenario.emptyCriteria`).
        var criteria = loaded.emptyCriteria
        var weighted = 0.0
        var weights = 0.0
        var feedback = Feedback(strengths: [], improvements: [], plan: [])
        // The improvement criteria with what reaching their top would add to the overall score, for the plan.
        var gains: [(criterion: Criterion, gain: Double)] = []
        // The answers are read in place, by index: iterating them copied every answer (its texts, scores and
        // remarks retained and released) once per criterion. Each answer's levels are walked once and added to
        // their criterion's sum, found among the declared criteria by comparing ids (a scenario declares a few),
        // rather than hashing every criterion's id into every answer's levels.
        // The sums and counts live on the stack: `[Int](repeating:count:)` allocates through the standard
        // library's unspecialised code.
        let answers = answers
        withUnsafeTemporaryAllocation(of: (sum: Int, count: Int, answered: Int).self, capacity: declared.count) {
            totals in
            totals.initialize(repeating: (0, 0, 0))
            for index in answers.indices {
                for (id, score) in answers[index].scores {
                    guard let slot = declared.firstIndex(where: { $0.id == id }) else { continue }
                    totals[slot].sum += score.level
                    totals[slot].count += 1
                    if !answers[index].skipped { totals[slot].answered += 1 }
                }
            }
            for (slot, criterion) in declared.enumerated() {
                let sum = totals[slot].sum
                let count = totals[slot].count
                guard count > 0 else { continue }
                let mean = Double(sum) / Double(count)
                let descriptorIndex = Swift.min(criterion.maxLevel, Swift.max(1, Int((mean + 0.5).rounded(.down)))) - 1
                let descriptor = criterion.levels[descriptorIndex]
                criteria[criterion.id] = CriterionResult(
                    title: criterion.title, level: mean, max: criterion.maxLevel, weight: criterion.weight,
                    descriptor: descriptor)
                let normalised = (mean - 1) / Double(criterion.maxLevel - 1)
                weighted += criterion.weight * normalised
                weights += criterion.weight
                if normalised >= 0.75 {
                    feedback.strengths.append(
                        FeedbackItem(criterion: criterion.id, text: "\(criterion.title): \(descriptor)"))
                } else if normalised < 0.5 {
                    // Level 1 from skips judges no answer: the lowest descriptor ("Hard to follow") would.
                    let text =
                        totals[slot].answered > 0
                        ? "\(criterion.title): \(descriptor)"
                        : "\(criterion.title): not answered yet: you skipped every question that scores it."
                    feedback.improvements.append(
                        FeedbackItem(criterion: criterion.id, text: text, tips: criterion.tips))
                    gains.append((criterion, criterion.weight * (1 - normalised)))
                }
            }
        }
        // The plan starts with what gains most (weight x the share of the scale still to climb), so the first
        // lines a candidate reads are the ones worth most; equal gains keep the criteria's order.
        for (criterion, _) in gains.enumerated().sorted(by: {
            ($1.element.gain, $0.offset) < ($0.element.gain, $1.offset)
        })
        .map(\.element) {
            for resource in criterion.resources where !feedback.plan.contains(resource) {
                feedback.plan.append(resource)
            }
        }
        for index in answers.indices {
            for text in answers[index].strengths { feedback.strengths.append(FeedbackItem(criterion: nil, text: text)) }
            for text in answers[index].improvements {
                feedback.improvements.append(FeedbackItem(criterion: nil, text: text))
            }
        }
        let overall = weights > 0 ? (1000 * weighted / weights).rounded() / 10 : nil
        return SessionResult(
            session: options.sessionID ?? derivedSessionID(), candidate: options.candidate,
            scenario: ScenarioReference(
                id: scenario.id, title: scenario.title, version: scenario.version, sha256: scenario.source.sha256),
            seed: options.seed, mode: options.mode, startedAt: options.startedAt, completed: true, answers: answers,
            criteria: criteria, overall: overall, feedback: feedback, notes: notes, selfAssessment: nil)
    }

    /// A session id from what makes the session: the scenario, the seed and the answers.
    func derivedSessionID() -> String {
        // The bytes of "sha\u{1F}seed\u{1F}candidate" then "\u{1E}question\u{1F}text\u{1F}seconds\u{1F}think"
        // per answer, gathered without building intermediate strings.
        var identity: [UInt8] = []
        identity.reserveCapacity(answers.reduce(128) { $0 + $1.text.utf8.count + $1.question.utf8.count + 48 })
        identity += scenario.source.sha256.utf8
        identity.append(0x1F)
        identity += String(options.seed).utf8
        identity.append(0x1F)
        identity += (options.candidate ?? "").utf8
        for answer in answers {
            identity.append(0x1E)
            identity += answer.question.utf8
            identity.append(0x1F)
            identity += answer.text.utf8
            identity.append(0x1F)
            identity += (answer.seconds ?? -1).description.utf8
            identity.append(0x1F)
            identity += (answer.thinkSeconds ?? -1).description.utf8
        }
        return "\(options.mode.rawValue)-" + SHA256.hex(identity).prefix(12)
    }

    /// Calls debrief(result); its strengths, improvements and plan lines join the feedback.
    func runDebrief(_ debrief: LuaRef, result: inout SessionResult) throws {
        debriefAdded = Feedback(strengths: [], improvements: [], plan: [])
        var criteriaTable = LuaTable()
        for (id, criterion) in result.criteria {
            criteriaTable[.string(LuaString(id))] = [
                "title": .string(LuaString(criterion.title)), "level": .number(criterion.level),
                "max": .integer(Int64(criterion.max)), "weight": .number(criterion.weight),
                "descriptor": .string(LuaString(criterion.descriptor)),
            ]
        }
        var object: LuaTable = [
            "criteria": .table(criteriaTable), "answers": .reference(answersObject),
            "strength": .function(functions.strength), "improve": .function(functions.improve),
            "plan": .function(functions.plan),
        ]
        if let overall = result.overall { object["overall"] = .number(overall) }
        _ = try state.call(debrief, [.table(object)])
        result.feedback.strengths += debriefAdded.strengths
        result.feedback.improvements += debriefAdded.improvements
        for line in debriefAdded.plan where !result.feedback.plan.contains(line) { result.feedback.plan.append(line) }
    }
}
