import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `POST /invitations`: invites an external address into `tenantId` as a B2B guest.
    ///
    /// Creates a guest user (`#EXT#` UPN, `PendingAcceptance`) and an invitation with a redeem URL;
    /// re-inviting an address that already has a guest returns that same user. With
    /// `sendInvitationMessage` the invitation email lands in the outbox. With `resetRedemption` the
    /// existing guest named by `invitedUserId` goes back to `PendingAcceptance`, keeping its object id.
    public func createInvitation(
        _ request: InvitationRequest, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> InvitationResult {
        try await perform(.createInvitation, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            try InvitationFlow(scope: scope, request: request, tenantId: tenantId).run()
        }
    }
}

/// The steps of `createInvitation`.
struct InvitationFlow {
    let scope: OperationScope
    let request: InvitationRequest
    let tenantId: TenantID

    func run() throws -> InvitationResult {
        let tenant = try scope.requireTenant(tenantId)
        let caller = try scope.callerFacts(in: tenant.id)
        let address = request.invitedUserEmailAddress?.trimmingCharacters(in: .whitespaces)
        scope.target = address ?? request.invitedUserId?.rawValue
        let resetTarget = try resetTargetUser(tenant: tenant)
        let validAddress = address.flatMap { EmailAddress.problem(with: $0) == nil ? $0.lowercased() : nil }
        let existing = try validAddress.flatMap { try scope.tx.users(withAddress: $0, in: tenant.id).first { !$0.isDeleted } }
        let home = try validAddress.flatMap { try scope.externalHome(of: $0, resource: tenant) }
        let context = InvitationContext(
            caller: caller, permission: GraphPermissions.createInvitation, resourceTenant: tenant,
            authorizationPolicy: try scope.authorizationPolicy(tenant),
            collaborationRestrictions: try scope.collaborationRestrictions(tenant.id), request: request,
            existingUser: existing, home: home,
            resourceInbound: try home.map { try scope.crossTenantView(of: tenant, toward: $0.tenant.id) },
            resetTarget: resetTarget,
            resetTargetRoleIds: try resetTarget.map { try scope.tx.roleIds(of: $0.id.rawValue, in: tenant.id) } ?? [])
        try scope.enforce(OperationRules.createInvitation.decide(context))
        guard let userType = request.requestedUserType else {
            throw TenantError.badRequest("invitedUserType must be 'Guest' or 'Member'.", code: "BadRequest")
        }
        if let cc = request.invitedUserMessageInfo?.ccRecipients, cc.count > 1 {
            throw TenantError.badRequest("Currently only one additional recipient is supported in ccRecipients.", code: "BadRequest")
        }

        let user: User
        let reused: Bool
        if let target = resetTarget {
            user = try reset(target, newAddress: validAddress, tenant: tenant)
            reused = true
        } else if let existing {
            user = existing
            reused = true
        } else {
            user = try createGuest(address: validAddress!, userType: userType, tenant: tenant)
            reused = false
        }
        let invitation = try createInvitation(for: user, address: validAddress ?? user.contactAddress, tenant: tenant)
        if request.sendInvitationMessage { try sendMessage(invitation, tenant: tenant, caller: caller) }
        scope.target = user.id.rawValue
        scope.detail = reused ? "existing user \(user.userPrincipalName)" : "created \(user.userPrincipalName)"
        return InvitationResult(invitation: invitation, user: user, reusedExistingUser: reused)
    }

    func resetTargetUser(tenant: Tenant) throws -> User? {
        guard request.resetRedemption else { return nil }
        guard let id = request.invitedUserId else {
            throw TenantError.badRequest("invitedUser with an id is required when resetRedemption is true.", code: "BadRequest")
        }
        return try scope.requireUser(id.rawValue, in: tenant.id)
    }

    func createGuest(address: String, userType: UserType, tenant: Tenant) throws -> User {
        let user = User.invited(
            id: try scope.newID(), tenant: tenant, address: address,
            displayName: request.invitedUserDisplayName ?? String(address.split(separator: "@")[0]), userType: userType, now: scope.now,
            invitedBy: scope.caller.principalId)
        try scope.tx.insert(user)
        try Consistency.startReplicating(user.id.rawValue, kind: "user", tenant: tenant.id, scope: scope)
        return user
    }

    /// Reset redemption: same object id, memberships and UPN; back to `PendingAcceptance`, signing
    /// in with the (possibly new) address.
    func reset(_ target: User, newAddress: String?, tenant: Tenant) throws -> User {
        var user = target
        if let newAddress, newAddress != user.mail?.lowercased() {
            user.mail = newAddress
            if !user.otherMails.contains(newAddress) { user.otherMails.append(newAddress) }
        }
        user.externalUserState = .pendingAcceptance
        user.externalUserStateChangeDateTime = scope.now
        user.identities = user.identities.filter { $0.signInType == "userPrincipalName" }
        user.homeTenantId = nil
        user.homeUserId = nil
        user.personalAccountId = nil
        if user.creationType == nil { user.creationType = .invitation }
        try scope.tx.update(user)
        return user
    }

    func createInvitation(for user: User, address: String, tenant: Tenant) throws -> Invitation {
        let ticket = try scope.newToken("ticket")
        let status: InvitationStatus = user.externalUserState == .accepted ? .completed : .pendingAcceptance
        let invitation = Invitation(
            id: try scope.newID(), tenantId: tenant.id, invitedUserId: user.id, invitedUserEmailAddress: address,
            invitedUserDisplayName: request.invitedUserDisplayName, invitedUserType: user.userType,
            inviteRedirectUrl: request.inviteRedirectUrl ?? "https://myapps.microsoft.com",
            inviteRedeemUrl: Invitation.redeemURL(
                authorityHost: tenant.cloud.entraAuthorityHost, tenantId: tenant.id, userId: user.id, ticket: ticket),
            sendInvitationMessage: request.sendInvitationMessage, invitedUserMessageInfo: request.invitedUserMessageInfo,
            resetRedemption: request.resetRedemption, status: status, ticket: ticket, invitedBy: scope.caller.principalId,
            createdDateTime: scope.now)
        try scope.tx.insert(invitation)
        return invitation
    }

    /// The invitation email. Microsoft drops the customised message when an app sends it or the
    /// inviter has no mailbox (domain-facts §1.4).
    func sendMessage(_ invitation: Invitation, tenant: Tenant, caller: CallerFacts) throws {
        let sender =
            switch tenant.cloud {
            case .china: "Invites@oe.21vianet.com"
            case .gcc, .gccHigh, .dod: "invites@azuread.us"
            case .commercial: "Invites@microsoft.com"
            }
        var inviterName = tenant.displayName
        var inviterHasMail = false
        if caller.isUser, let inviter = try scope.tx.user(UserID(caller.id)) {
            inviterName = inviter.displayName ?? inviter.userPrincipalName
            inviterHasMail = inviter.mail != nil
        }
        let info = invitation.invitedUserMessageInfo
        let custom = (inviterHasMail ? info?.customizedMessageBody : nil).flatMap { $0.isEmpty ? nil : $0 }
        let body = [
            "\(inviterName) (\(tenant.displayName)) invited you to access applications within their organization.",
            custom.map { "Message from \(inviterName): \($0)" },
            "Accept invitation: \(invitation.inviteRedeemUrl)",
        ].compactMap { $0 }.joined(separator: "\n\n")
        try scope.tx.insert(
            OutboxMessage(
                id: try scope.newID(), tenantId: tenant.id, kind: .invitation, from: sender, to: invitation.invitedUserEmailAddress,
                cc: (info?.ccRecipients ?? []).compactMap(\.address),
                subject: "\(inviterName) invited you to access applications within their organization", body: body,
                url: invitation.inviteRedeemUrl, relatedUserId: invitation.invitedUserId, createdDateTime: scope.now))
    }
}
