import TenantModel

/// `run: python3 onboard.py` — starts the HTTPS server for this world and runs an external command
/// against it (see ``RunStep``).
struct RunAction: ScenarioAction {
    static let name = "run"
    static let performer = ActionCatalog.Definition.Performer.system
    static let shorthand: String? = "command"
    static let summary =
        "start the HTTPS server for this world and run the command against it; `timeout` is a duration (default 300 s), after which the command and every child it started are killed"

    struct Arguments: Decodable {
        var command: String
        var environment: String?
        var app: String?
        var timeout: String?
        var env: JSONValue?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let (outcome, summary, details) = try await RunStep(session: step.session, step: step.step, arguments: arguments).perform()
        return ActionReport(outcome, summary, details: details)
    }
}
