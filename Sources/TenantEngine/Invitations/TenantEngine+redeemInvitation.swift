import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// The guest opens the invitation link. No Graph API does this; TenantSim exposes it as an action
    /// (control API, scenario step, and the redeem URL itself).
    ///
    /// - Parameter ticketOrURL: the ticket, or the whole `inviteRedeemUrl`.
    /// - Parameter declineConsent: the guest declines the consent prompt (`b2b.redeem.consent-declined`).
    public func redeemInvitation(
        _ ticketOrURL: String, declineConsent: Bool = false, requestId: String? = nil
    ) async throws(TenantError) -> RedemptionResult {
        let ticket = Invitation.ticket(fromRedeemURL: ticketOrURL) ?? ticketOrURL
        return try await perform(.redeemInvitation, caller: .system, tenantId: nil, requestId: requestId) { scope in
            guard let invitation = try scope.tx.invitation(ticket: ticket) else {
                throw TenantError(
                    status: 400, code: "InvalidTicket", message: "The invitation ticket is not valid or has expired.",
                    surface: .login, oauthError: "invalid_request")
            }
            return try RedemptionFlow(scope: scope).redeem(invitation, route: .emailLink, declineConsent: declineConsent)
        }
    }

    /// Redeems the newest invitation of the guest with `address` in `tenantId` (scenario step).
    public func redeemInvitation(
        address: String, in tenantId: TenantID, declineConsent: Bool = false, requestId: String? = nil
    ) async throws(TenantError) -> RedemptionResult {
        try await perform(.redeemInvitation, caller: .system, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            guard let guest = try scope.tx.users(withAddress: address.lowercased(), in: tenant.id).first(where: { $0.isExternal }),
                let invitation = try scope.tx.latestInvitation(for: guest.id)
            else { throw TenantError.notFound(address) }
            return try RedemptionFlow(scope: scope).redeem(invitation, route: .emailLink, declineConsent: declineConsent)
        }
    }
}

/// The steps of redemption, shared by the redeem action and just-in-time redemption at sign-in.
struct RedemptionFlow {
    let scope: OperationScope

    func redeem(_ invitation: Invitation, route: RedemptionRoute, declineConsent: Bool = false) throws -> RedemptionResult {
        let tenant = try scope.requireTenant(invitation.tenantId)
        scope.tenantId = tenant.id
        guard var guest = try scope.tx.user(invitation.invitedUserId), !guest.isDeleted else {
            throw TenantError.notFound(invitation.invitedUserId.rawValue)
        }
        scope.target = guest.id.rawValue
        if let latest = try scope.tx.latestInvitation(for: guest.id), latest.id != invitation.id, guest.isPendingGuest {
            throw TenantError(
                status: 400, code: "InvalidTicket",
                message: "This invitation was replaced by a newer one. Use the link of the latest invitation.", surface: .login,
                oauthError: "invalid_request")
        }
        var context = try context(invitation: invitation, guest: guest, tenant: tenant)
        context.route = route
        context.consentDeclined = declineConsent
        let decision = OperationRules.redeemInvitation.decide(context)
        try scope.enforce(decision)
        if context.isAlreadyRedeemed {
            return RedemptionResult(
                user: guest, invitation: invitation, identityProvider: guest.externalIdentityIssuer ?? "", alreadyRedeemed: true)
        }
        let path = context.path
        guest.externalUserState = .accepted
        guest.externalUserStateChangeDateTime = scope.now
        try identify(&guest, by: path, address: context.address)
        try scope.tx.update(guest)
        scope.touchedUsers.insert(guest.id)
        var completed = invitation
        completed.status = .completed
        completed.redeemedDateTime = scope.now
        try scope.tx.update(completed)
        scope.detail = "redeemed with \(path.issuer)"
        return RedemptionResult(user: guest, invitation: completed, identityProvider: path.issuer, alreadyRedeemed: false)
    }

    func context(invitation: Invitation, guest: User, tenant: Tenant) throws -> RedemptionContext {
        let address = invitation.invitedUserEmailAddress.lowercased()
        let home = try scope.externalHome(of: address, resource: tenant)
        let inbound = try home.map { try scope.crossTenantView(of: tenant, toward: $0.tenant.id) }
        let defaults = try scope.tx.crossTenantDefault(tenant.id) ?? CrossTenantAccessDefault(tenantId: tenant.id)
        let configuration =
            inbound?.effective.invitationRedemptionIdentityProviderConfiguration
            ?? defaults.settings.invitationRedemptionIdentityProviderConfiguration ?? RedemptionIdentityProviderConfiguration()
        return RedemptionContext(
            resourceTenant: tenant, invitation: invitation, guest: guest,
            collaborationRestrictions: try scope.collaborationRestrictions(tenant.id), home: home, resourceInbound: inbound,
            personalAccount: try scope.tx.personalAccount(email: address),
            isConsumerAddress: PersonalAccount.isConsumerDomain(EmailAddress.domain(of: address) ?? ""),
            redemptionConfiguration: configuration)
    }

    /// The Microsoft account a consumer address implies, or the one created during redemption.
    /// The identity `path` gives a redeemed guest: the sign-in identity, and the link to their
    /// home user or personal Microsoft account (created when the path makes one).
    func identify(_ guest: inout User, by path: RedemptionPath, address: String) throws {
        guest.identities =
            guest.identities.filter { $0.signInType == "userPrincipalName" } + [
                ObjectIdentity(signInType: path.signInType, issuer: path.issuer, issuerAssignedId: path.signInType == "emailAddress" ? address : nil)
            ]
        switch path {
        case .externalAzureAD(let homeTenant, let homeUser):
            guest.homeTenantId = homeTenant
            guest.homeUserId = homeUser
        case .microsoftAccount(let id):
            guest.personalAccountId = try id ?? createPersonalAccount(address)
        case .createMicrosoftAccount:
            guest.personalAccountId = try createPersonalAccount(address)
        case .federation, .google, .emailOneTimePasscode:
            break
        }
    }

    func createPersonalAccount(_ address: String) throws -> PersonalAccountID {
        if let existing = try scope.tx.personalAccount(email: address) { return existing.id }
        let account = PersonalAccount(id: try scope.newID(), email: address)
        try scope.tx.insert(account)
        return account.id
    }
}
