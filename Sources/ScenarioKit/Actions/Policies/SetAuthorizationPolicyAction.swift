import Foundation
import OnboardingKit
import TenantModel

/// `setAuthorizationPolicy: {allowInvitesFrom, guestAccess…}` — `PATCH /policies/authorizationPolicy`.
/// `guestAccess` names the guest user role: member, limited or restricted.
struct SetAuthorizationPolicyAction: ScenarioAction {
    static let name = "setAuthorizationPolicy"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let summary =
        "PATCH /policies/authorizationPolicy (`guestAccess`: member, limited or restricted)"

    struct Arguments: Decodable {
        var allowInvitesFrom: String?
        var guestUserRoleId: String?
        var guestAccess: String?
        var allowEmailVerifiedUsersToJoinOrganization: Bool?
    }

    static let guestRoles = ["member": GuestUserRole.sameAsMembers, "limited": .limited, "restricted": .restricted]

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        var changes: [String: JSONValue] = [:]
        changes["allowInvitesFrom"] = arguments.allowInvitesFrom.map(JSONValue.string)
        changes["guestUserRoleId"] = arguments.guestUserRoleId.map(JSONValue.string)
        if let access = arguments.guestAccess {
            guard let role = guestRoles[access] else { throw ScenarioFailure("guestAccess is member, limited or restricted, not '\(access)'") }
            changes["guestUserRoleId"] = .string(role.rawValue)
        }
        changes["allowEmailVerifiedUsersToJoinOrganization"] = arguments.allowEmailVerifiedUsersToJoinOrganization.map(JSONValue.bool)
        let body = try ActionContext.body(changes)
        let outcome = try await step.outcome { try await step.client(as: actor).updateAuthorizationPolicy(body) }
        let said = changes.keys.sorted().map { key in "\(key)=\(changes[key]?.stringValue ?? changes[key]?.boolValue.map { "\($0)" } ?? "")" }
        return ActionReport(outcome, "set the authorization policy of \(actor.tenant.displayName): \(said.joined(separator: ", "))")
    }
}
