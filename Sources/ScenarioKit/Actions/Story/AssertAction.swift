import TenantModel

/// `assert: [...]` — checks the state at this point of the story: the same checks as the
/// scenario's final `assert:` (the step reads them as ``Step/assertions``).
struct AssertAction: ScenarioAction {
    static let name = "assert"
    static let performer = ActionCatalog.Definition.Performer.system
    static let summary = "check the state at this point of the story (a list of the checks the final assert: takes)"

    struct Arguments: Decodable {}

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        var results: [AssertionResult] = []
        for assertion in step.step.assertions { results.append(await AssertionChecker(session: step.session).check(assertion)) }
        let details = results.map { "\($0.passed ? "✓" : "✗") \($0.summary)\($0.failure.map { " — \($0)" } ?? "")" }
        let failures = results.filter { !$0.passed }.map { "\($0.summary): \($0.failure ?? "")" }
        let count = step.step.assertions.count
        return ActionReport(
            failures.isEmpty ? .ok(detail: nil) : .failed(reason: failures.joined(separator: "; ")),
            "check \(count) thing\(count == 1 ? "" : "s") at this point", details: details)
    }
}
