import Foundation
import TenantModel
import TenantRules
import TenantStore

/// Guests of a ``TenantSpec``: the guest user and its invitation, as inviting (and, for an
/// accepted guest, redeeming) would have left them — without the rules, as TenantSim itself.
enum GuestLoader {
    static func createGuest(_ spec: GuestSpec, tenant: Tenant, tenantKey: String, scope: OperationScope) throws -> User {
        let address = spec.address.trimmingCharacters(in: .whitespaces).lowercased()
        guard EmailAddress.problem(with: address) == nil else {
            throw TenantError.badRequest("Guest '\(spec.address)' of \(tenantKey) is not a valid email address.")
        }
        if let location = spec.usageLocation, !CountryCode.isValid(location.uppercased()) {
            throw TenantError.badRequest("Guest \(address): usageLocation '\(location)' is not an ISO 3166-1 alpha-2 code.")
        }
        if try !scope.tx.users(withAddress: address, in: tenant.id).filter({ !$0.isDeleted }).isEmpty {
            throw TenantError.badRequest("Guest \(address) of \(tenantKey): the tenant already has a user with that address.")
        }
        let state = spec.state ?? .accepted
        var user = User.invited(
            id: try WorldLoader.explicitID(spec.id, kind: UserKind.self, of: "Guest \(address)", scope: scope) ?? scope.newID(), tenant: tenant,
            address: address, displayName: spec.displayName ?? String(address.split(separator: "@")[0]), userType: spec.userType ?? .guest,
            state: state, now: scope.now, invitedBy: nil)
        user.usageLocation = spec.usageLocation?.uppercased()
        user.givenName = spec.givenName
        user.surname = spec.surname
        if state == .accepted { try link(&user, address: address, tenant: tenant, identityProvider: spec.identityProvider, scope: scope) }
        try scope.tx.insert(user)
        let ticket = try scope.newToken("ticket")
        try scope.tx.insert(
            Invitation(
                id: try scope.newID(), tenantId: tenant.id, invitedUserId: user.id, invitedUserEmailAddress: address,
                invitedUserDisplayName: spec.displayName, invitedUserType: user.userType, inviteRedirectUrl: "https://myapps.microsoft.com",
                inviteRedeemUrl: Invitation.redeemURL(
                    authorityHost: tenant.cloud.entraAuthorityHost, tenantId: tenant.id, userId: user.id, ticket: ticket),
                sendInvitationMessage: false, invitedUserMessageInfo: nil, resetRedemption: false,
                status: state == .accepted ? .completed : .pendingAcceptance, ticket: ticket, invitedBy: scope.caller.principalId,
                createdDateTime: scope.now))
        for partNumber in spec.licenses ?? [] {
            try WorldLoader.assignLicense(partNumber, to: user, tenant: tenant, tenantKey: tenantKey, scope: scope)
        }
        return user
    }

    /// The notifications a guest was sent, once the tenant's environments exist.
    static func addNotifications(_ spec: GuestSpec, tenant: Tenant, scope: OperationScope) throws {
        guard let urls = spec.notified, !urls.isEmpty else { return }
        let address = spec.address.trimmingCharacters(in: .whitespaces).lowercased()
        guard let user = try scope.tx.users(withAddress: address, in: tenant.id).first(where: { !$0.isDeleted }) else { return }
        let environments = try scope.tx.environments(in: tenant.id)
        for url in urls {
            guard let environment = environments.first(where: { $0.accessURL == url }) else {
                throw TenantError.badRequest("Guest \(address): no environment of the tenant has the URL \(url).")
            }
            try scope.tx.insert(
                OutboxMessage(
                    id: try scope.newID(), tenantId: tenant.id, kind: .notification, from: "admin@\(tenant.initialDomain)", to: address,
                    subject: "You're invited to \(environment.displayName)", body: "Open it here: \(environment.accessURL)", url: url,
                    relatedUserId: user.id, createdDateTime: scope.now))
        }
    }

    /// A redeemed guest's identity, as redemption gives it: their home user when the home tenant is
    /// in the world, their personal Microsoft account when it is, else the identity provider the
    /// spec names (default email one-time passcode).
    static func link(_ user: inout User, address: String, tenant: Tenant, identityProvider: String?, scope: OperationScope) throws {
        let path: RedemptionPath
        if let home = try scope.externalHome(of: address, resource: tenant), let homeUser = home.user {
            path = .externalAzureAD(homeTenantId: home.tenant.id, homeUserId: homeUser.id)
        } else if let account = try scope.tx.personalAccount(email: address) {
            path = .microsoftAccount(account.id)
        } else {
            switch identityProvider ?? ObjectIdentity.mail {
            case ObjectIdentity.mail: path = .emailOneTimePasscode
            case ObjectIdentity.microsoftAccount: path = .createMicrosoftAccount
            case ObjectIdentity.google: path = .google
            case let issuer: path = .federation(issuer: issuer)
            }
        }
        try RedemptionFlow(scope: scope).identify(&user, by: path, address: address)
    }
}
