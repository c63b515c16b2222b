import OnboardingKit
import TenantModel

/// `assignLicense: {user, sku}` — `POST /users/{id}/assignLicense` adding the SKU.
struct AssignLicenseAction: ScenarioAction {
    static let name = "assignLicense"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "POST /users/{id}/assignLicense (addLicenses)"

    typealias Arguments = UserSkuArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let skuId = try await step.skuId(arguments.sku, in: actor.tenant)
        let outcome = try await step.outcome { try await step.client(as: actor).assignLicense(skuId: skuId, to: user.id) }
        return ActionReport(outcome, "assign \(arguments.sku) to \(user.label)")
    }
}
