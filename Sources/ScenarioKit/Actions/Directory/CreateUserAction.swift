import OnboardingKit
import TenantModel

/// `createUser: ada@contoso.com` — `POST /users`: a member account on one of the tenant's domains.
struct CreateUserAction: ScenarioAction {
    static let name = "createUser"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "upn"
    static let summary = "POST /users: a member account on one of the tenant's domains"

    struct Arguments: Decodable {
        var upn: String
        var displayName: String?
        var givenName: String?
        var surname: String?
        var usageLocation: String?
        var password: String?
        var accountEnabled: Bool?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let member = NewMember(
            userPrincipalName: arguments.upn, displayName: arguments.displayName, password: arguments.password ?? "TenantSim-Initial-1",
            accountEnabled: arguments.accountEnabled ?? true, givenName: arguments.givenName, surname: arguments.surname,
            usageLocation: arguments.usageLocation)
        let outcome = try await step.detailedOutcome { try await step.client(as: actor).createUser(member).userPrincipalName }
        return ActionReport(outcome, "create the member \(arguments.upn) in \(actor.tenant.displayName)")
    }
}
