import OnboardingKit
import TenantModel

/// `importSolution: Sales` — import a solution into the environment.
struct ImportSolutionAction: ScenarioAction {
    static let name = "importSolution"
    static let performer = ActionCatalog.Definition.Performer.guest
    static let shorthand: String? = "environment"
    static let summary = "import a solution"

    typealias Arguments = EnvironmentArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let outcome = try await step.outcome {
            try await step.control.moveSolution(
                account: step.account, environment: arguments.environment, name: arguments.name ?? "Solution", importing: true)
        }
        return ActionReport(outcome, "\(step.account) imports a solution into '\(arguments.environment)'")
    }
}
