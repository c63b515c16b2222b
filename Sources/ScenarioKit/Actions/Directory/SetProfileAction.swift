import OnboardingKit
import TenantModel

/// `setProfile: {user, usageLocation…}` — `PATCH /users/{id}` with the properties given.
struct SetProfileAction: ScenarioAction {
    static let name = "setProfile"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "user"
    static let summary = "PATCH /users/{id}"

    struct Arguments: Decodable {
        var user: String
        var givenName: String?
        var surname: String?
        var displayName: String?
        var usageLocation: String?
        var accountEnabled: Bool?
        var userType: String?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        let user = try await step.user(arguments.user, in: actor.tenant)
        let update = UserUpdate(
            displayName: arguments.displayName, givenName: arguments.givenName, surname: arguments.surname, usageLocation: arguments.usageLocation,
            accountEnabled: arguments.accountEnabled, userType: arguments.userType)
        let changes: [(String, String?)] = [
            ("accountEnabled", arguments.accountEnabled.map { "\($0)" }), ("displayName", arguments.displayName), ("givenName", arguments.givenName),
            ("surname", arguments.surname), ("usageLocation", arguments.usageLocation), ("userType", arguments.userType),
        ]
        let outcome = try await step.outcome { try await step.client(as: actor).updateUser(user.id, update) }
        let said = changes.compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: ", ")
        return ActionReport(outcome, "update \(user.label): \(said)")
    }
}
