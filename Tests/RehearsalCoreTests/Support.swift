import Foundation
import RehearsalCore

/// Loads a scenario from source text named `s.lua`.
func loadScenario(_ source: String, path: String = "s.lua") throws -> LoadedScenario {
    try ScenarioLoader().load(source: Array(source.utf8), path: path)
}

/// The diagnostics of a scenario that fails to load (empty when it loads).
func diagnostics(_ source: String) -> [String] {
    do {
        let loaded = try loadScenario(source)
        return loaded.warnings.map(\.description)
    } catch let error as ScenarioError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected: \(error)"]
    }
}

/// A fixture file's path.
func fixture(_ name: String) throws -> String {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw ScenarioError(path: name, line: nil, "no Fixtures folder in the test bundle")
    }
    return folder.appendingPathComponent(name).path
}

/// A minimal valid scenario to extend.
let minimalHeader = """
    scenario { id = "mini", title = "Mini" }
    criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear", "crisp" } }

    """
