import OnboardingKit
import TenantModel

/// `setCloudSettings: {allowedCloudEndpoints: [microsoftonline.us]}` — Microsoft cloud settings
/// (`PATCH /policies/crossTenantAccessPolicy`).
struct SetCloudSettingsAction: ScenarioAction {
    static let name = "setCloudSettings"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "PATCH /policies/crossTenantAccessPolicy (Microsoft cloud settings)"

    struct Arguments: Decodable {
        var allowedCloudEndpoints: [String]
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let endpoints = arguments.allowedCloudEndpoints
        let outcome = try await step.outcome { try await step.client(as: actor).setAllowedCloudEndpoints(endpoints) }
        return ActionReport(outcome, "enable Microsoft clouds [\(endpoints.joined(separator: ", "))] in \(actor.tenant.displayName)")
    }
}
