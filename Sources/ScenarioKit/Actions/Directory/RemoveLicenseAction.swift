import OnboardingKit
import TenantModel

/// `removeLicense: {user, sku}` — `POST /users/{id}/assignLicense` removing the SKU.
struct RemoveLicenseAction: ScenarioAction {
    static let name = "removeLicense"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary = "POST /users/{id}/assignLicense (removeLicenses)"

    typealias Arguments = UserSkuArguments

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let skuId = try await step.skuId(arguments.sku, in: actor.tenant)
        let outcome = try await step.outcome { try await step.client(as: actor).removeLicense(skuId: skuId, from: user.id) }
        return ActionReport(outcome, "remove \(arguments.sku) from \(user.label)")
    }
}
