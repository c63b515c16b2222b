import Foundation
import TenantModel
import TenantRules
import Testing

/// Power Platform building blocks for the rule tests of rules.md §6–8: environments in Contoso (the
/// resource tenant), guests redeemed with each kind of identity, licences in the resource and home
/// tenants, Dataverse rows, made apps, and one context factory per Power Platform operation. Like
/// ``Fixtures``, every factory takes keyword overrides so a test states only what it is about, and
/// the defaults describe a setup where the operation is permitted.
extension Fixtures {
    enum PPIDs {
        static let salesEnvironment: EnvironmentID = "e0000001-0000-4000-8000-000000000001"
        static let salesUsersGroup: GroupID = "9c000001-0000-4000-8000-000000000001"
        static let systemUser: SystemUserID = "50000001-0000-4000-8000-000000000001"
        static let app: MadeAppID = "a9000001-0000-4000-8000-000000000001"
        static let managementApp = "ab000002-0000-4000-8000-000000000002"
    }

    /// The address of the guest who redeemed with a personal Microsoft account.
    static let msaAddress = "sam@outlook.com"

    // MARK: Environments

    /// Contoso's "Contoso Sales" environment (production, with Dataverse unless told otherwise), or
    /// Contoso's default environment with `sku: .default`.
    static func environment(
        cloud: Cloud = .commercial, sku: EnvironmentSku = .production, hasDataverse: Bool = true, securityGroupId: GroupID? = nil
    ) -> PowerPlatformEnvironment {
        let isDefault = sku == .default
        return PowerPlatformEnvironment(
            id: isDefault ? PowerPlatformEnvironment.defaultID(for: IDs.contoso) : PPIDs.salesEnvironment, tenantId: IDs.contoso,
            displayName: isDefault ? "Contoso (default)" : "Contoso Sales", sku: sku, cloud: cloud, hasDataverse: hasDataverse,
            organizationName: hasDataverse ? "contososales" : nil, securityGroupId: securityGroupId, createdDateTime: now)
    }

    /// The security group "Sales environment users" of Contoso.
    static func salesUsersGroup() -> Group {
        Group(
            id: PPIDs.salesUsersGroup, tenantId: IDs.contoso, displayName: "Sales environment users", mailNickname: "salesusers",
            mailEnabled: false, securityEnabled: true, groupTypes: [], createdDateTime: now)
    }

    // MARK: Guests by identity

    /// Pat's guest object in Contoso after redeeming with the Fabrikam work account (`ExternalAzureAD`).
    static func entraGuest(home: Tenant = fabrikam(), accountEnabled: Bool = true, deleted: Bool = false) -> User {
        var guest = contosoGuest(state: .accepted, accountEnabled: accountEnabled, deleted: deleted)
        guest.identities = [
            ObjectIdentity(signInType: "userPrincipalName", issuer: "contoso.onmicrosoft.com", issuerAssignedId: guest.userPrincipalName),
            ObjectIdentity(signInType: "federated", issuer: ObjectIdentity.externalAzureAD, issuerAssignedId: nil),
        ]
        guest.homeTenantId = home.id
        guest.homeUserId = IDs.fabrikamPat
        return guest
    }

    /// Sam's guest object in Contoso, redeemed with a personal Microsoft account (outlook.com).
    static func msaGuest() -> User {
        var guest = contosoGuest(address: msaAddress, state: .accepted)
        guest.identities = [
            ObjectIdentity(signInType: "userPrincipalName", issuer: "contoso.onmicrosoft.com", issuerAssignedId: guest.userPrincipalName),
            ObjectIdentity(signInType: "federated", issuer: ObjectIdentity.microsoftAccount, issuerAssignedId: nil),
        ]
        guest.personalAccountId = IDs.msa
        return guest
    }

    /// A guest redeemed with email one-time passcode (`mail`): no home tenant.
    static func otpGuest(address: String = "lee@example.org") -> User {
        var guest = contosoGuest(address: address, state: .accepted)
        guest.identities = [
            ObjectIdentity(signInType: "userPrincipalName", issuer: "contoso.onmicrosoft.com", issuerAssignedId: guest.userPrincipalName),
            ObjectIdentity(signInType: "emailAddress", issuer: ObjectIdentity.mail, issuerAssignedId: address),
        ]
        return guest
    }

    // MARK: Licences

    /// A subscription of `tenant` to the catalogue SKU `partNumber` (e.g. `POWERAPPS_PER_USER`).
    static func sku(_ partNumber: String, in tenant: TenantID = IDs.contoso) -> SubscribedSku {
        guard let entry = SkuCatalog.entry(partNumber: partNumber) else {
            Issue.record("unknown SKU part number \(partNumber) in the fixtures")
            return SubscribedSku(tenantId: tenant, skuId: unknownSkuId, skuPartNumber: partNumber, prepaidUnits: LicenseUnitsDetail(enabled: 1))
        }
        return SubscribedSku(
            tenantId: tenant, skuId: entry.skuId, skuPartNumber: entry.partNumber, prepaidUnits: LicenseUnitsDetail(enabled: 25),
            consumedUnits: 3, servicePlans: entry.servicePlans, grantsDataverse: entry.grantsDataverse,
            grantsPowerApps: entry.grantsPowerApps)
    }

    /// Power Apps Premium: Dataverse use rights (and Power Apps).
    static func dataverseLicense(in tenant: TenantID = IDs.contoso) -> SubscribedSku { sku("POWERAPPS_PER_USER", in: tenant) }

    /// Office 365 E3: Power Apps for Office 365 (canvas apps on standard connectors), no Dataverse.
    static func powerAppsOnlyLicense(in tenant: TenantID = IDs.contoso) -> SubscribedSku { sku("ENTERPRISEPACK", in: tenant) }

    /// Microsoft Entra ID P1: nothing in Power Platform.
    static func nonPowerPlatformLicense(in tenant: TenantID = IDs.contoso) -> SubscribedSku { sku("AAD_PREMIUM", in: tenant) }

    /// Licences a user holds in Contoso (`resource`) and, for a guest, in their home tenant.
    static func licenses(resource: [SubscribedSku] = [], home: [SubscribedSku] = [], homeTenant: Tenant? = nil) -> LicenseFacts {
        LicenseFacts(resourceSkus: resource, homeSkus: home, homeTenant: homeTenant ?? (home.isEmpty ? nil : fabrikam()))
    }

    /// A guest's licences when the only Dataverse licence is on the home account in Fabrikam.
    static func homeOnlyDataverse(homeTenant: Tenant = fabrikam()) -> LicenseFacts {
        licenses(home: [dataverseLicense(in: homeTenant.id)], homeTenant: homeTenant)
    }

    // MARK: Environment access (syncDataverseUser, openEnvironment)

    /// The Dataverse row (`systemuser`) of `user` in the Sales environment.
    static func dataverseUser(for user: User = contosoMember(), disabled: Bool = false, reason: String? = nil) -> DataverseUser {
        DataverseUser(
            id: PPIDs.systemUser, environmentId: PPIDs.salesEnvironment, userId: user.id, domainName: user.userPrincipalName,
            fullName: user.displayName ?? user.userPrincipalName, isDisabled: disabled, disabledReason: reason, accessMode: .readWrite,
            createdOn: now, modifiedOn: now)
    }

    /// `user` using the Sales environment. Defaults: Jo (a member) with Power Apps Premium in
    /// Contoso, no directory roles, no security group, not yet a Dataverse user.
    static func access(
        user: User = contosoMember(), environment: PowerPlatformEnvironment = environment(), directoryRoles: [DirectoryRoleTemplate] = [],
        licenses: LicenseFacts = licenses(resource: [dataverseLicense()]), securityGroup: Group? = nil, isDirectMember: Bool = false,
        isNestedMember: Bool = false, dataverseUser: DataverseUser? = nil, roleNames: Set<String> = []
    ) -> EnvironmentAccessContext {
        var environment = environment
        if let securityGroup { environment.securityGroupId = securityGroup.id }
        return EnvironmentAccessContext(
            environment: environment, tenant: contoso(cloud: environment.cloud), user: user,
            directoryRoleIds: Set(directoryRoles.map(\.id)), licenses: licenses, securityGroup: securityGroup,
            isDirectMember: isDirectMember, isNestedMember: isNestedMember, dataverseUser: dataverseUser, roleNames: roleNames)
    }

    // MARK: Makers (makeApp, importExportSolution)

    /// A Power Platform settings document with `enableGuestsToMake` set.
    static func settings(of tenant: TenantID = IDs.contoso, enableGuestsToMake: Bool) -> TenantSettings {
        TenantSettings(
            tenantId: tenant,
            document: TenantSettings.defaultDocument.merging(
                .object(["powerPlatform": .object(["powerApps": .object(["enableGuestsToMake": .bool(enableGuestsToMake)])])])))
    }

    /// An authorization policy whose guest access level is `guestRole`.
    static func policy(of tenant: TenantID = IDs.contoso, guestRole: GuestUserRole) -> AuthorizationPolicy {
        AuthorizationPolicy(tenantId: tenant, allowInvitesFrom: .everyone, guestUserRoleId: guestRole.rawValue)
    }

    /// `user` making an app of `appKind` in the Sales environment (in Contoso, in the environment's
    /// cloud). Defaults describe the seed's guest-maker setup done right: Pat, an Entra guest from
    /// commercial Fabrikam; in Contoso guest access "same as members" and `enableGuestsToMake = true`;
    /// Environment Maker; Power Apps Premium assigned in Contoso. Fabrikam keeps its defaults.
    /// `home` defaults to Fabrikam for guests with a `homeTenantId`, else none.
    static func maker(
        user: User = entraGuest(), environment: PowerPlatformEnvironment = environment(),
        resourceSettings: TenantSettings = settings(enableGuestsToMake: true),
        resourcePolicy: AuthorizationPolicy = policy(guestRole: .sameAsMembers), home: Tenant? = nil,
        homeSettings: TenantSettings? = nil, homePolicy: AuthorizationPolicy? = nil,
        roleNames: Set<String> = [SecurityRoleName.environmentMaker], licenses: LicenseFacts = licenses(resource: [dataverseLicense()]),
        appKind: AppKind = .canvas
    ) -> MakerContext {
        let homeTenant = home ?? (user.homeTenantId == nil ? nil : fabrikam())
        return MakerContext(
            user: user, environment: environment, resourceTenant: contoso(cloud: environment.cloud), resourceSettings: resourceSettings,
            resourcePolicy: resourcePolicy, homeTenant: homeTenant,
            homeSettings: homeSettings ?? homeTenant.map { TenantSettings(tenantId: $0.id) },
            homePolicy: homePolicy ?? homeTenant.map { AuthorizationPolicy.defaults(tenantId: $0.id, cloud: $0.cloud) },
            roleNames: roleNames, licenses: licenses, appKind: appKind)
    }

    // MARK: Running apps

    /// "Sales tracker", owned by Jo (a Contoso member) and shared with `sharedWith`.
    static func madeApp(kind: AppKind = .canvas, owner: UserID = IDs.contosoMember, sharedWith: [UserID] = [IDs.contosoGuest]) -> MadeApp {
        MadeApp(
            id: PPIDs.app, environmentId: PPIDs.salesEnvironment, name: "Sales tracker", kind: kind, ownerId: owner, sharedWith: sharedWith,
            createdDateTime: now)
    }

    /// `user` running `app` in the Sales environment. Defaults: Pat (Entra guest) running a canvas
    /// app shared with them, with Office 365 E3 in Contoso.
    static func runApp(
        user: User = entraGuest(), environment: PowerPlatformEnvironment = environment(), app: MadeApp = madeApp(),
        licenses: LicenseFacts = licenses(resource: [powerAppsOnlyLicense()])
    ) -> RunAppContext {
        RunAppContext(user: user, environment: environment, tenant: contoso(cloud: environment.cloud), app: app, licenses: licenses)
    }

    // MARK: Customer engagement features

    static func feature(_ feature: CustomerEngagementFeature, user: User = entraGuest()) -> FeatureContext {
        FeatureContext(user: user, environment: environment(), tenant: contoso(), feature: feature)
    }

    // MARK: Security roles and admin API

    /// An application registered (or not) as a Power Platform management app (`New-PowerAppManagementApp`).
    static func managementApp(registered: Bool = true) -> CallerFacts {
        CallerFacts(
            kind: .application, id: PPIDs.managementApp, name: "Provisioning app", permissions: [],
            powerPlatformManagementApp: registered)
    }

    /// `caller` assigning (or removing) `roleName` to/from Pat in the Sales environment. Defaults: a
    /// System Administrator of the environment assigning Environment Maker to Pat's enabled row.
    static func roleAssignment(
        caller: CallerFacts = user(), administers: Bool = true, environment: PowerPlatformEnvironment = environment(),
        target: User = entraGuest(), dataverseUser: DataverseUser? = dataverseUser(for: entraGuest()),
        roleName: String = SecurityRoleName.environmentMaker, isRemoval: Bool = false
    ) -> RoleAssignmentContext {
        RoleAssignmentContext(
            caller: caller, callerAdministersEnvironment: administers, environment: environment, tenant: contoso(), target: target,
            dataverseUser: dataverseUser, roleName: roleName, isRemoval: isRemoval)
    }

    /// A Power Platform admin-API change in Contoso (`updateTenantSettings`, `adminAPI`).
    static func adminChange(caller: CallerFacts, summary: String = "update the Power Platform tenant settings of Contoso") -> DirectoryChangeContext {
        directoryChange(caller: caller, permission: GraphPermissions.readPolicies, summary: summary)
    }
}

/// An ordered pair of distinct clouds: the guest's home tenant and the environment.
struct CloudPair: Sendable, CustomTestStringConvertible {
    var home: Cloud
    var environment: Cloud

    var testDescription: String { "\(home.displayName) → \(environment.displayName)" }

    /// Every ordered pair of distinct `Cloud.allCases`.
    static let allCrossCloud: [CloudPair] = Cloud.allCases.flatMap { home in
        Cloud.allCases.filter { $0 != home }.map { CloudPair(home: home, environment: $0) }
    }
}

/// Whether `explanation` names `tenant` as a tenant — not merely inside the display name of one of
/// its environments ('Contoso Sales', 'Contoso (default)').
func namesTenant(_ explanation: String, _ tenant: String = "Contoso") -> Bool {
    explanation.replacingOccurrences(of: "'Contoso Sales'", with: "").replacingOccurrences(of: "'Contoso (default)'", with: "")
        .contains(tenant)
}
