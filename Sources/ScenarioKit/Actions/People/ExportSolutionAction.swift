import OnboardingKit
import TenantModel

/// `exportSolution: Sales` — export a solution from the environment.
struct ExportSolutionAction: ScenarioAction {
    static let name = "exportSolution"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "environment"
    static let summary = "export a solution"

    typealias Arguments = EnvironmentArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.outcome {
            try await step.control.moveSolution(
                account: step.account, environment: arguments.environment, name: arguments.name ?? "Solution", importing: false)
        }
        return ActionReport(outcome, "\(step.account) exports a solution from '\(arguments.environment)'")
    }
}
