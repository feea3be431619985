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

    init(
        scenario: Scenario, warnings: [ScenarioDiagnostic], state: LuaState, environment: LuaRef,
        scoreFunctions: [String: LuaRef], followUps: [String: LuaRef], flow: LuaRef?, debrief: LuaRef?
    ) {
        self.scenario = scenario
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
