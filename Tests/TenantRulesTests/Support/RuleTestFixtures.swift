import Foundation
import TenantModel
import TenantRules
import Testing

/// Shared, deterministic building blocks for the rule tests: a commercial "Contoso" resource tenant,
/// a "Fabrikam" home tenant, their people, callers, cross-tenant views and one context factory per
/// operation. Every factory takes keyword overrides so a test states only what it is about.
enum Fixtures {
    /// 2025-01-01T00:00:00Z — the instant every fixture is created at.
    static let now = Date(timeIntervalSince1970: 1_735_689_600)

    enum IDs {
        static let contoso: TenantID = "5f1c2a9e-7b3d-4c8e-9a61-0d2f4e6b8c10"
        static let fabrikam: TenantID = "a3e8d7c6-1b2a-4f5e-8d9c-7b6a5f4e3d21"
        static let contosoAdmin: UserID = "c0000001-0000-4000-8000-000000000001"
        static let contosoCaller: UserID = "c0000002-0000-4000-8000-000000000002"
        static let contosoMember: UserID = "c0000003-0000-4000-8000-000000000003"
        static let contosoGuest: UserID = "c0000004-0000-4000-8000-000000000004"
        static let fabrikamPat: UserID = "f0000001-0000-4000-8000-000000000001"
        static let inviterApp: AppID = "ab000001-0000-4000-8000-000000000001"
        static let invitation: InvitationID = "1a000001-0000-4000-8000-000000000001"
        static let msa: PersonalAccountID = "0d000001-0000-4000-8000-000000000001"
        static let fabrikamEngineering = "9e000001-0000-4000-8000-000000000001"
    }

    /// The invitee of most scenarios: Pat from Fabrikam.
    static let patAddress = "pat@fabrikam.com"

    // MARK: Tenants

    static func contoso(
        cloud: Cloud = .commercial, emailOneTimePasscodeEnabled: Bool = true, federations: [DomainFederation] = [],
        googleFederationEnabled: Bool = false
    ) -> Tenant {
        Tenant(
            id: IDs.contoso, displayName: "Contoso", initialDomain: "contoso.onmicrosoft.com", verifiedDomains: ["contoso.com"],
            cloud: cloud, emailOneTimePasscodeEnabled: emailOneTimePasscodeEnabled, federations: federations,
            googleFederationEnabled: googleFederationEnabled, createdDateTime: now)
    }

    static func fabrikam(cloud: Cloud = .commercial) -> Tenant {
        Tenant(
            id: IDs.fabrikam, displayName: "Fabrikam", initialDomain: "fabrikam.onmicrosoft.com", verifiedDomains: ["fabrikam.com"],
            cloud: cloud, createdDateTime: now)
    }

    // MARK: Users

    /// A member (work account) of Contoso.
    static func contosoMember(
        id: UserID = IDs.contosoMember, mail: String = "jo@contoso.com", accountEnabled: Bool = true, usageLocation: String? = "US"
    ) -> User {
        User(
            id: id, tenantId: IDs.contoso, userPrincipalName: mail, displayName: "Jo Member", givenName: "Jo", surname: "Member",
            mail: mail, userType: .member, usageLocation: usageLocation, accountEnabled: accountEnabled, createdDateTime: now)
    }

    /// Pat's guest object in Contoso (pending unless told otherwise). Guests have no usage location by default.
    static func contosoGuest(
        address: String = patAddress, state: ExternalUserState? = .pendingAcceptance, accountEnabled: Bool = true,
        usageLocation: String? = nil, deleted: Bool = false
    ) -> User {
        User(
            id: IDs.contosoGuest, tenantId: IDs.contoso,
            userPrincipalName: User.guestUserPrincipalName(email: address, initialDomain: "contoso.onmicrosoft.com"),
            displayName: "Pat Guest", mail: address, mailNickname: User.guestMailNickname(email: address), userType: .guest,
            creationType: .invitation, externalUserState: state, usageLocation: usageLocation, accountEnabled: accountEnabled,
            createdDateTime: now, deletedDateTime: deleted ? now : nil)
    }

    /// Pat's work account in Fabrikam (the guest's home).
    static func fabrikamPat(accountEnabled: Bool = true) -> User {
        User(
            id: IDs.fabrikamPat, tenantId: IDs.fabrikam, userPrincipalName: patAddress, displayName: "Pat Taylor",
            givenName: "Pat", surname: "Taylor", mail: patAddress, userType: .member, usageLocation: "GB",
            accountEnabled: accountEnabled, createdDateTime: now)
    }

    // MARK: Callers

    /// A signed-in user of Contoso. `scopes: nil` is an interactive portal session (only roles limit it).
    static func user(
        _ roles: [DirectoryRoleTemplate] = [], userType: UserType = .member, scopes: Set<String>? = nil,
        id: UserID = IDs.contosoCaller, name: String = "Casey Caller (casey@contoso.com)"
    ) -> CallerFacts {
        CallerFacts(kind: .user, id: id.rawValue, name: name, permissions: scopes, roleIds: Set(roles.map(\.id)), userType: userType)
    }

    /// An application calling app-only with these application permissions.
    static func app(_ permissions: Set<String>) -> CallerFacts {
        CallerFacts(kind: .application, id: IDs.inviterApp.rawValue, name: "Onboarding app", permissions: permissions)
    }

    /// The caller kinds of the invite matrix (rules.md §1, b2b.invite.inviter-not-allowed).
    enum CallerKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case globalAdmin, userAdmin, guestInviter, plainMember, guest, appOnly

        var facts: CallerFacts {
            let scopes: Set<String> = ["User.Invite.All"]
            switch self {
            case .globalAdmin: return Fixtures.user([.globalAdministrator], scopes: scopes)
            case .userAdmin: return Fixtures.user([.userAdministrator], scopes: scopes)
            case .guestInviter: return Fixtures.user([.guestInviter], scopes: scopes)
            case .plainMember: return Fixtures.user([], scopes: scopes)
            case .guest: return Fixtures.user([], userType: .guest, scopes: scopes)
            case .appOnly: return Fixtures.app(["User.Invite.All"])
            }
        }

        var testDescription: String {
            switch self {
            case .globalAdmin: "Global Administrator"
            case .userAdmin: "User Administrator"
            case .guestInviter: "Guest Inviter"
            case .plainMember: "member without roles"
            case .guest: "guest"
            case .appOnly: "app-only with User.Invite.All"
            }
        }
    }

    // MARK: Cross-tenant access

    /// `tenant`'s effective settings toward `partner`. `partnerSettings: nil` means no partner entry
    /// (the defaults apply); an empty `CrossTenantAccessSettings()` is a partner entry inheriting everything.
    static func view(
        of tenant: Tenant, toward partner: Tenant, defaults: CrossTenantAccessSettings = .serviceDefault,
        partnerSettings: CrossTenantAccessSettings? = nil, allowedCloudEndpoints: [String] = []
    ) -> CrossTenantView {
        CrossTenantView(
            tenant: tenant, partnerTenantId: partner.id,
            policy: CrossTenantAccessDefault(tenantId: tenant.id, allowedCloudEndpoints: allowedCloudEndpoints, settings: defaults),
            partner: partnerSettings.map { CrossTenantAccessPartner(tenantId: tenant.id, partnerTenantId: partner.id, settings: $0) })
    }

    /// Fabrikam as the invitee's home tenant: Pat's account (if any), its groups and Fabrikam's outbound view toward `resource`.
    static func fabrikamHome(
        tenant: Tenant = fabrikam(), user: User? = fabrikamPat(), groupIds: Set<String> = [], outbound: CrossTenantView? = nil,
        allowEmailVerifiedUsers: Bool = true, resource: Tenant = contoso()
    ) -> ExternalHome {
        ExternalHome(
            tenant: tenant, user: user, groupIds: groupIds, outbound: outbound ?? view(of: tenant, toward: resource),
            authorizationPolicy: AuthorizationPolicy(
                tenantId: tenant.id, allowInvitesFrom: .everyone, allowEmailVerifiedUsersToJoinOrganization: allowEmailVerifiedUsers))
    }

    /// B2B collaboration settings blocking (or allowing only) the given users-and-groups targets.
    static func collaboration(inbound: CrossTenantB2BSetting? = nil, outbound: CrossTenantB2BSetting? = nil) -> CrossTenantAccessSettings {
        CrossTenantAccessSettings(b2bCollaborationInbound: inbound, b2bCollaborationOutbound: outbound)
    }

    /// A B2B setting whose users-and-groups part is `accessType` for the targets and whose applications part is all applications.
    static func b2b(_ accessType: CrossTenantAccessType, users targets: [CrossTenantTarget]) -> CrossTenantB2BSetting {
        CrossTenantB2BSetting(
            usersAndGroups: CrossTenantTargetConfiguration(accessType: accessType, targets: targets),
            applications: CrossTenantTargetConfiguration(accessType: accessType, targets: [.allApplications]))
    }

    // MARK: Invitations

    /// A `POST /invitations` context in Contoso. Defaults: app-only caller with User.Invite.All,
    /// `allowInvitesFrom = everyone`, a valid Guest invitation of pat@fabrikam.com, no home tenant in the world.
    /// When `home` is given, Contoso's inbound view toward it defaults to the service defaults.
    static func invitation(
        caller: CallerFacts = app(["User.Invite.All"]), tenant: Tenant = contoso(), allowInvitesFrom: AllowInvitesFrom = .everyone,
        email: String? = patAddress, redirect: String? = "https://myapps.microsoft.com", invitedUserType: String? = nil,
        resetRedemption: Bool = false, invitedUserId: UserID? = nil, restrictions: CollaborationRestrictions? = nil,
        existingUser: User? = nil, home: ExternalHome? = nil, resourceInbound: CrossTenantView? = nil, resetTarget: User? = nil,
        resetTargetRoleIds: Set<String> = []
    ) -> InvitationContext {
        InvitationContext(
            caller: caller, permission: GraphPermissions.createInvitation, resourceTenant: tenant,
            authorizationPolicy: AuthorizationPolicy(tenantId: tenant.id, allowInvitesFrom: allowInvitesFrom),
            collaborationRestrictions: restrictions ?? CollaborationRestrictions(tenantId: tenant.id),
            request: InvitationRequest(
                invitedUserEmailAddress: email, inviteRedirectUrl: redirect, invitedUserType: invitedUserType,
                resetRedemption: resetRedemption, invitedUserId: invitedUserId),
            existingUser: existingUser, home: home,
            resourceInbound: resourceInbound ?? home.map { view(of: tenant, toward: $0.tenant) },
            resetTarget: resetTarget, resetTargetRoleIds: resetTargetRoleIds)
    }

    static func denyList(_ domains: String...) -> CollaborationRestrictions {
        CollaborationRestrictions(tenantId: IDs.contoso, mode: .denyList, domains: domains)
    }

    static func allowList(_ domains: String...) -> CollaborationRestrictions {
        CollaborationRestrictions(tenantId: IDs.contoso, mode: .allowList, domains: domains)
    }

    // MARK: Redemption

    /// Pat (or `address`) opening the invitation link of Contoso.
    static func redemption(
        address: String = patAddress, tenant: Tenant = contoso(), state: ExternalUserState = .pendingAcceptance,
        restrictions: CollaborationRestrictions? = nil, home: ExternalHome? = nil, resourceInbound: CrossTenantView? = nil,
        personalAccount: PersonalAccount? = nil, redemptionConfiguration: RedemptionIdentityProviderConfiguration = .init()
    ) -> RedemptionContext {
        let guest = contosoGuest(address: address, state: state)
        let invitation = Invitation(
            id: IDs.invitation, tenantId: tenant.id, invitedUserId: guest.id, invitedUserEmailAddress: address,
            invitedUserDisplayName: nil, invitedUserType: .guest, inviteRedirectUrl: "https://myapps.microsoft.com",
            inviteRedeemUrl: Invitation.redeemURL(
                authorityHost: tenant.cloud.entraAuthorityHost, tenantId: tenant.id, userId: guest.id, ticket: "ticket-0001"),
            sendInvitationMessage: false, invitedUserMessageInfo: nil, resetRedemption: false,
            status: state == .accepted ? .completed : .pendingAcceptance, ticket: "ticket-0001",
            invitedBy: IDs.contosoAdmin.rawValue, createdDateTime: now, redeemedDateTime: state == .accepted ? now : nil)
        return RedemptionContext(
            resourceTenant: tenant, invitation: invitation, guest: guest,
            collaborationRestrictions: restrictions ?? CollaborationRestrictions(tenantId: tenant.id), home: home,
            resourceInbound: resourceInbound ?? home.map { view(of: tenant, toward: $0.tenant) }, personalAccount: personalAccount,
            isConsumerAddress: PersonalAccount.isConsumerDomain(EmailAddress.domain(of: address) ?? ""),
            redemptionConfiguration: redemptionConfiguration)
    }

    // MARK: Sign-in

    static func signIn(
        account: String = patAddress, kind: SignInContext.AccountKind? = nil, target: Tenant? = contoso(),
        authority: EntraCloud? = .global, client: SignInClient = .app, userInTarget: User? = contosoGuest(state: .accepted)
    ) -> SignInContext {
        SignInContext(
            account: account, accountKind: kind ?? .workAccount(home: fabrikam(), user: fabrikamPat()), targetTenant: target,
            authorityCloud: authority, client: client, userInTarget: userInTarget)
    }

    // MARK: Users, licences, directory

    static func userUpdate(
        caller: CallerFacts = user([.userAdministrator]), target: User = contosoGuest(state: .accepted),
        targetRoleIds: Set<String> = [], patch: UserPatch = UserPatch(givenName: "Pat", surname: "Guest", usageLocation: "US")
    ) -> UserUpdateContext {
        UserUpdateContext(
            caller: caller, permission: GraphPermissions.updateUser, tenant: contoso(), target: target, targetRoleIds: targetRoleIds,
            patch: patch)
    }

    static let powerAppsSkuId = "b30411f5-fea1-4a59-9ad9-3db7c7ead579"
    static let unknownSkuId = "00000000-dead-4bee-8f00-000000000000"

    static func powerAppsPerUser(enabled: Int = 25, consumed: Int = 3, appliesTo: String = "User") -> SubscribedSku {
        SubscribedSku(
            tenantId: IDs.contoso, skuId: powerAppsSkuId, skuPartNumber: "POWERAPPS_PER_USER", appliesTo: appliesTo,
            prepaidUnits: LicenseUnitsDetail(enabled: enabled), consumedUnits: consumed, grantsDataverse: true)
    }

    static func license(
        caller: CallerFacts = user([.licenseAdministrator]), target: User = contosoGuest(state: .accepted, usageLocation: "US"),
        adds: [LicenseContext.Item] = [LicenseContext.Item(skuId: powerAppsSkuId, sku: powerAppsPerUser(), alreadyAssigned: false)],
        removes: [LicenseContext.Item] = []
    ) -> LicenseContext {
        LicenseContext(
            caller: caller, permission: GraphPermissions.assignLicense, tenant: contoso(), target: target, adds: adds, removes: removes)
    }

    static func directoryChange(
        caller: CallerFacts, permission: PermissionRequirement, summary: String, proposed: CrossTenantAccessSettings? = nil
    ) -> DirectoryChangeContext {
        DirectoryChangeContext(caller: caller, permission: permission, tenant: contoso(), summary: summary, proposedCrossTenantSettings: proposed)
    }
}

/// Checks a forbid decision: the deciding rule, the wire status and code, and optionally the message,
/// the AADSTS number and the surface.
func expectDenied(
    _ decision: Decision, by ruleId: String, status: Int, code: String, message: String? = nil, aadsts: Int? = nil,
    surface: TenantError.Surface? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(decision.effect == .forbid, sourceLocation: sourceLocation)
    #expect(decision.deniedBy == ruleId, sourceLocation: sourceLocation)
    #expect(decision.error?.ruleIds == [ruleId], sourceLocation: sourceLocation)
    #expect(decision.error?.status == status, sourceLocation: sourceLocation)
    #expect(decision.error?.code == code, sourceLocation: sourceLocation)
    if let message { #expect(decision.error?.message == message, sourceLocation: sourceLocation) }
    if let aadsts { #expect(decision.error?.aadsts == aadsts, sourceLocation: sourceLocation) }
    if let surface { #expect(decision.error?.surface == surface, sourceLocation: sourceLocation) }
}

/// Checks that a decision permitted the operation and that `ruleId` was among the permitting rules.
func expectPermitted(_ decision: Decision, including ruleId: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(decision.effect == .permit, "denied by \(decision.deniedBy ?? "-"): \(decision.explanation)", sourceLocation: sourceLocation)
    #expect(decision.error == nil, sourceLocation: sourceLocation)
    if let ruleId { #expect(decision.determiningRuleIds.contains(ruleId), sourceLocation: sourceLocation) }
}

/// What one rule said in a decision's trace.
func effect(of ruleId: String, in decision: Decision) -> RuleEffect? {
    decision.evaluations.first { $0.ruleId == ruleId }?.effect
}
