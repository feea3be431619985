import Foundation
import RehearsalCore
import Testing

@testable import RehearsalCLI

/// What a live session shows before its first question: the time budget the candidate has, scaled for typing.
@Suite struct LiveHeaderTests {
    static func teacher() throws -> Scenario {
        let path = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua").path
        return try ScenarioLoader().load(path: path).scenario
    }

    @Test func aTypedSessionShowsItsScaledBudget() throws {
        let scenario = try Self.teacher()
        let typed = LiveHeader.text(scenario, resumedAnswers: 0, typed: true)
        #expect(typed.contains("Time budget 90:00 (3 times the 30:00 spoken budget, for typing)."), "\(typed)")
        let spoken = LiveHeader.text(scenario, resumedAnswers: 0, typed: false)
        #expect(spoken.contains("Time budget 30:00."), "\(spoken)")
        #expect(!spoken.contains("for typing"))
    }

    @Test func anAllowanceOfOneShowsTheBudgetAsWritten() throws {
        var scenario = try Self.teacher()
        scenario.typingAllowance = 1
        #expect(LiveHeader.text(scenario, resumedAnswers: 2, typed: true).contains("Time budget 30:00.\nResuming"))
    }
}
