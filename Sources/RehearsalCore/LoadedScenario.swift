import Analysis
import LuaHost

/// A scenario loaded into its own Lua state: the validated ``Scenario`` plus the functions the engine
/// calls (score, follow-up, flow, debrief). Owns the state, so it is not Sendable; use one per worker.
public final class LoadedScenario {
    /// The validated scenario.
    public let scenario: Scenario
    /// Warnings found while loading (unknown fields and the like).
    public let warnings: [ScenarioDiagnostic]
    /// The state the scenario runs in.
    public let state: LuaState
    /// The script's environment.
    let environment: LuaRef
    let scoreFunctions: [String: LuaRef]
    let followUps: [String: LuaRef]
    let flow: LuaRef?
    let debrief: LuaRef?
    /// The session running now (the session functions act on it).
    weak var activeRun: SessionRun?
    /// Made on the first session.
    private var madeFunctions: SessionFunctions?

    /// The Swift functions behind the session, answer and result objects, made once.
    func sessionFunctions() throws -> SessionFunctions {
        if let madeFunctions { return madeFunctions }
        let made = try SessionFunctions(self)
        madeFunctions = made
        return made
    }

    /// What the answer measurements count (fillers, hedges, pause threshold), from `analysis { ... }`.
    public let analysis: AnalysisConfiguration

    /// Empty dictionaries with room for every criterion (and two remarks), which an answer's levels and a session's
    /// criteria start from: the first insert copies one at its size, through the specialised copy-on-write path,
    /// where `Dictionary(minimumCapacity:)` runs the standard library's unspecialised code (its lookup of the
    /// storage's type alone costs ~500 instructions). Kept per loaded scenario, so each worker thread copies its own.
    let emptyScores: [String: Score]
    let emptyCriteria: [String: CriterionResult]

    init(
        scenario: Scenario, warnings: [ScenarioDiagnostic], state: LuaState, environment: LuaRef,
        scoreFunctions: [String: LuaRef], followUps: [String: LuaRef], flow: LuaRef?, debrief: LuaRef?,
        analysis: AnalysisConfiguration
    ) {
        self.analysis = analysis
        self.scenario = scenario
        emptyScores = Dictionary(minimumCapacity: scenario.criteria.count + 2)
        emptyCriteria = Dictionary(minimumCapacity: scenario.criteria.count)
        self.warnings = warnings
        self.state = state
        self.environment = environment
        self.scoreFunctions = scoreFunctions
        self.followUps = followUps
        self.flow = flow
        self.debrief = debrief
    }

    /// The scenario's path, for messages.
    public var path: String { scenario.source.path }
}
