import Foundation
import TenantEngine
import TenantModel

/// The seed's onboarding steps as one helper, so Power Platform tests can start from a guest at a
/// chosen point of the flow.
struct Onboarding {
    let engine: TenantEngine
    let world: WorldIndex
    let resource: String

    var tenant: TenantID { world.tenant(resource) }
    /// The Global Administrator of the resource tenant.
    var admin: Caller { world.portal(Self.admins[resource]!, in: resource) }

    static let admins = [
        "contoso": "admin@contoso.com", "fabrikam": "admin@fabrikam.com", "gccagency": "officer@agency.gov",
        "highagency": "officer@high.gov", "contosochina": "li@contoso.cn",
    ]

    /// Invites and redeems `address`; returns the guest.
    func invitedAndRedeemed(_ address: String, by caller: Caller? = nil) async throws -> User {
        let result = try await engine.createInvitation(invite(address), in: tenant, by: caller ?? admin)
        return try await engine.redeemInvitation(result.invitation.ticket).user
    }

    /// Invites, redeems, profiles, licenses `address` and adds them to `group`: a guest the
    /// environment's sync qualifies.
    func qualifiedGuest(_ address: String, in group: String) async throws -> User {
        let guest = try await invitedAndRedeemed(address)
        try await setProfile(guest)
        try await license(guest)
        try await addToGroup(guest, group)
        return guest
    }

    func setProfile(_ user: User, location: String = "US") async throws {
        try await engine.updateUser(
            user.id.rawValue, in: tenant, patch: UserPatch(givenName: "Pat", surname: "Partner", usageLocation: location), by: admin)
    }

    func license(_ user: User, _ partNumber: String = "POWERAPPS_PER_USER") async throws {
        let sku = try await engine.sku(partNumber, in: tenant)!
        try await engine.assignLicense(to: user.id.rawValue, in: tenant, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: admin)
    }

    func addToGroup(_ user: User, _ group: String) async throws {
        let group = try await engine.group(named: group, in: tenant)!
        try await engine.addGroupMember(user.id.rawValue, to: group.id, in: tenant, by: admin)
    }

    func enableGuestMakers(memberLevel: Bool = true, guestsToMake: Bool = true, in key: String? = nil) async throws {
        let target = key.map { world.tenant($0) } ?? tenant
        let caller = key.map { Onboarding(engine: engine, world: world, resource: $0).admin } ?? admin
        if memberLevel {
            try await engine.updateAuthorizationPolicy(
                AuthorizationPolicyPatch(guestUserRoleId: GuestUserRole.sameAsMembers.rawValue), in: target, by: caller)
        }
        if guestsToMake {
            try await engine.updateTenantSettings(
                .object(["powerPlatform": .object(["powerApps": .object(["enableGuestsToMake": .bool(true)])])]), in: target, by: caller)
        }
    }
}
