import Foundation
import OnboardingKit
import TenantEngine
import TenantModel

/// The people an import names: members who hold directory roles, belong to gating groups or hold
/// security roles (read in full at the end), and guests (streamed separately, named by address).
struct PeopleImport {
    let client: OnboardingClient
    let skuNames: [String: String]
    /// Directory role names by the holder's object id.
    var roles: [String: [String]] = [:]
    /// Members named somewhere, by object id.
    var memberIds: Set<String> = []

    init(client: OnboardingClient, skuNames: [String: String]) {
        self.client = client
        self.skuNames = skuNames
    }

    /// How a fixture names a group member: a guest by the invited address, a member by UPN.
    mutating func reference(_ member: GroupMember) -> String {
        if member.userType == "Guest", let mail = member.mail { return mail.lowercased() }
        memberIds.insert(member.id.lowercased())
        return (member.userPrincipalName ?? member.id).lowercased()
    }

    /// Who holds which security role in the Dataverse instance at `host` (enabled systemusers of
    /// Entra users; application users are left out).
    mutating func securityRoleGrants(host: String) async throws -> [RoleGrantSpec] {
        var grants: [RoleGrantSpec] = []
        for systemUser in try await client.systemUsers(host: host) {
            guard let objectId = systemUser.azureactivedirectoryobjectid?.lowercased(), let name = try await name(ofPrincipal: objectId) else {
                continue
            }
            for role in try await client.roles(ofSystemUser: systemUser.systemuserid, host: host) {
                if let roleName = role.name { grants.append(RoleGrantSpec(user: name, role: roleName)) }
            }
        }
        return grants.sorted { ($0.user, $0.role) < ($1.user, $1.role) }
    }

    /// Who holds Environment Admin or Environment Maker in an environment without Dataverse (admin API).
    mutating func environmentRoleGrants(environment: String) async throws -> [RoleGrantSpec] {
        var grants: [RoleGrantSpec] = []
        for (principal, role) in try await client.environmentRoleAssignments(environment: environment) {
            if let name = try await name(ofPrincipal: principal) { grants.append(RoleGrantSpec(user: name, role: role)) }
        }
        return grants.sorted { ($0.user, $0.role) < ($1.user, $1.role) }
    }

    /// How a fixture names the user with `objectId` (a guest by address, a member by UPN, noting the
    /// member to import); `nil` for a principal that is no user (an app).
    mutating func name(ofPrincipal objectId: String) async throws -> String? {
        guard let user = try await client.user(objectId) else { return nil }
        if user.userType == "Guest", let mail = user.mail { return mail.lowercased() }
        memberIds.insert(objectId)
        return (user.userPrincipalName ?? objectId).lowercased()
    }

    /// The member accounts named anywhere, read in full (roles and licences included).
    func members() async throws -> [UserSpec] {
        var users: [UserSpec] = []
        for id in memberIds.union(roles.keys).sorted() {
            guard let user = try await client.user(id), user.userType != "Guest" else { continue }
            var spec = UserSpec(
                upn: (user.userPrincipalName ?? id).lowercased(), displayName: user.displayName, roles: roles[id]?.sorted(),
                licenses: Self.licences(user, skuNames: skuNames), usageLocation: user.usageLocation)
            spec.id = user.id.lowercased()
            spec.givenName = user.givenName
            spec.surname = user.surname
            spec.mail = user.mail.flatMap { $0.lowercased() == spec.upn ? nil : $0.lowercased() }
            users.append(spec)
        }
        return users
    }

    /// A user's licences by part number (`nil` for none).
    static func licences(_ user: DirectoryUser, skuNames: [String: String]) -> [String]? {
        let names = (user.assignedLicenses ?? []).compactMap { skuNames[$0.skuId.lowercased()] }.sorted()
        return names.isEmpty ? nil : names
    }

    static func guest(_ user: DirectoryUser, skuNames: [String: String]) -> GuestSpec {
        var guest = GuestSpec(
            address: (user.mail ?? user.userPrincipalName ?? user.id).lowercased(), displayName: user.displayName,
            state: user.externalUserState.flatMap(ExternalUserState.init(rawValue:)) ?? .accepted, usageLocation: user.usageLocation)
        guest.id = user.id.lowercased()
        guest.givenName = user.givenName
        guest.surname = user.surname
        guest.licenses = licences(user, skuNames: skuNames)
        if guest.state == .accepted {
            guest.identityProvider = user.identities?.first { $0.signInType != "userPrincipalName" }?.issuer
        }
        return guest
    }
}
