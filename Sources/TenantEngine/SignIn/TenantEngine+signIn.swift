import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// A person signs in with `account` (UPN or email) to `tenantId` — or, with `nil`, without
    /// choosing a tenant — through `authorityCloud`'s login host and `client`.
    ///
    /// A pending guest signing in to the resource tenant is walked through redemption first
    /// (just-in-time redemption): a permit with a note, and the redemption rules apply.
    public func signIn(
        account: String, to tenantId: TenantID?, authorityCloud: EntraCloud? = nil, client: SignInClient = .app,
        password: String? = nil, declineConsent: Bool = false, requestId: String? = nil
    ) async throws(TenantError) -> SignInResult {
        try await perform(.signIn, caller: .system, tenantId: tenantId, requestId: requestId) { scope in
            try SignInFlow(scope: scope).signIn(
                account: account, tenantId: tenantId, authorityCloud: authorityCloud, client: client, password: password,
                declineConsent: declineConsent)
        }
    }
}

/// The steps of sign-in, shared with the token endpoint's password grant.
struct SignInFlow {
    let scope: OperationScope

    func signIn(
        account: String, tenantId: TenantID?, authorityCloud: EntraCloud?, client: SignInClient, password: String? = nil,
        declineConsent: Bool = false
    ) throws -> SignInResult {
        let address = account.lowercased()
        let context = try context(address: address, tenantId: tenantId, authorityCloud: authorityCloud, client: client)
        scope.target = address
        // An address under one of the target tenant's own domains that matches no user is an
        // unknown member (AADSTS50034, Microsoft's §6 table), not an uninvited guest (50020).
        if case .unknown = context.accountKind, context.userInTarget == nil, let target = context.targetTenant,
            let domain = EmailAddress.domain(of: address), target.allDomains.contains(where: { $0.lowercased() == domain.lowercased() })
        {
            throw TenantError(
                status: 400, code: "UserAccountNotFound",
                message:
                    "The user account \(account) does not exist in the \(target.initialDomain) directory. To sign into this application, the account must be added to the directory.",
                surface: .login, aadsts: 50034, oauthError: "invalid_grant")
        }
        try scope.enforce(OperationRules.signIn.decide(context))
        guard var user = context.userInTarget, let tenant = context.targetTenant ?? homeTenant(of: context) else {
            throw TenantError(
                status: 400, code: "UserAccountNotFound", message: "The user account \(account) does not exist.",
                surface: .login, aadsts: 50034, oauthError: "invalid_grant")
        }
        scope.tenantId = tenant.id
        if let password {
            // The password belongs to the account's home user (a guest signs in with its home password).
            let owner = homeUser(of: context) ?? user
            if let expected = try scope.tx.password(of: owner.id), expected != password {
                throw TenantError(
                    status: 400, code: "InvalidUserNameOrPassword",
                    message: "Error validating credentials due to invalid username or password.",
                    surface: .login, aadsts: 50126, oauthError: "invalid_grant")
            }
        }
        var notes: [String] = []
        if user.isPendingGuest, let invitation = try scope.tx.latestInvitation(for: user.id) {
            user = try RedemptionFlow(scope: scope).redeem(invitation, route: .directLink, declineConsent: declineConsent).user
            notes.append("just-in-time redemption: the pending invitation was accepted during sign-in")
        }
        scope.target = user.id.rawValue
        return SignInResult(tenantId: tenant.id, user: user, notes: notes)
    }

    func homeUser(of context: SignInContext) -> User? {
        if case .workAccount(_, let user) = context.accountKind { return user }
        return nil
    }

    func homeTenant(of context: SignInContext) -> Tenant? {
        if case .workAccount(let home, _) = context.accountKind { return home }
        return nil
    }

    func context(address: String, tenantId: TenantID?, authorityCloud: EntraCloud?, client: SignInClient) throws -> SignInContext {
        let kind = try accountKind(address)
        var target: Tenant?
        if let tenantId {
            guard let tenant = try scope.tx.tenant(tenantId) else {
                throw TenantError(
                    status: 400, code: "InvalidTenantName",
                    message: "Tenant '\(tenantId)' not found. This may happen if there are no active subscriptions for the tenant.",
                    surface: .login, aadsts: 90002, oauthError: "invalid_request")
            }
            target = tenant
        }
        var userInTarget: User?
        switch (kind, target) {
        case (.workAccount(_, let user), nil):
            userInTarget = user
        case (.workAccount(let home, let user), let tenant?) where tenant.id == home.id:
            userInTarget = user
        case (.workAccount(_, let user), let tenant?):
            userInTarget =
                try scope.tx.guests(ofHomeUser: user.id).first { $0.tenantId == tenant.id && !$0.isDeleted }
                ?? pendingGuest(address, in: tenant)
        case (.personalMicrosoftAccount, let tenant?):
            if let account = try scope.tx.personalAccount(email: address) {
                userInTarget = try scope.tx.guests(ofPersonalAccount: account.id).first { $0.tenantId == tenant.id && !$0.isDeleted }
            }
            if userInTarget == nil { userInTarget = try guest(address, in: tenant) }
        case (.unknown, let tenant?):
            userInTarget = try guest(address, in: tenant)
        case (.personalMicrosoftAccount, nil), (.unknown, nil):
            userInTarget = nil
        }
        return SignInContext(
            account: address, accountKind: kind, targetTenant: target, authorityCloud: authorityCloud, client: client,
            userInTarget: userInTarget)
    }

    func accountKind(_ address: String) throws -> SignInContext.AccountKind {
        if let member = try scope.tx.members(withAddress: address).first(where: { !$0.isDeleted }),
            let home = try scope.tx.tenant(member.tenantId)
        {
            return .workAccount(home: home, user: member)
        }
        let domain = EmailAddress.domain(of: address) ?? ""
        if try scope.tx.personalAccount(email: address) != nil || PersonalAccount.isConsumerDomain(domain) {
            return .personalMicrosoftAccount
        }
        return .unknown
    }

    /// An external user of `tenant` known by the address (a guest or an invited member; redeemed
    /// with it, or still pending).
    func guest(_ address: String, in tenant: Tenant) throws -> User? {
        try scope.tx.users(withAddress: address, in: tenant.id).first { $0.isExternal && !$0.isDeleted }
    }

    func pendingGuest(_ address: String, in tenant: Tenant) throws -> User? {
        try guest(address, in: tenant).flatMap { $0.isPendingGuest ? $0 : nil }
    }
}
