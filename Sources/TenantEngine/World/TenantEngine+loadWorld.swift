import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// Builds the tenants, accounts, users, groups, roles, SKUs, licences, apps and policies of
    /// `spec` in one transaction, as TenantSim itself (no actor rules). Identifiers not given in the
    /// spec come from the seed. Bad specs (unknown role, unknown partner tenant, duplicate key) fail
    /// with a 400 and load nothing.
    @discardableResult
    public func loadWorld(_ spec: WorldSpec) async throws(TenantError) -> WorldIndex {
        try await perform(.loadWorld, caller: .system, tenantId: nil) { scope in
            var index = WorldIndex()
            var created: [(spec: TenantSpec, tenant: Tenant)] = []
            for tenantSpec in spec.tenants {
                let tenant = try WorldLoader.createTenant(tenantSpec, scope: scope)
                index.tenants[tenantSpec.key] = tenant.id
                created.append((tenantSpec, tenant))
            }
            for account in spec.personalAccounts where try scope.tx.personalAccount(email: account.email) == nil {
                try scope.tx.insert(
                    PersonalAccount(id: try scope.newID(), email: account.email, displayName: account.displayName))
            }
            // Every tenant's members first: a guest's home user may live in a tenant listed later.
            for (tenantSpec, tenant) in created {
                index.merge(try WorldLoader.createMembers(tenant, from: tenantSpec, scope: scope))
            }
            for (tenantSpec, tenant) in created {
                index.merge(try WorldLoader.populate(tenant, from: tenantSpec, scope: scope))
            }
            for (tenantSpec, tenant) in created {
                try WorldLoader.createPartners(tenant, from: tenantSpec, scope: scope)
            }
            scope.target = created.map(\.spec.key).joined(separator: ",")
            scope.detail = "\(created.count) tenant(s), \(index.users.count) user(s)"
            return index
        }
    }
}

/// The steps of ``TenantEngine/loadWorld(_:)``.
enum WorldLoader {
    static func createTenant(_ spec: TenantSpec, scope: OperationScope) throws -> Tenant {
        let id: TenantID = try spec.id.map { TenantID($0.lowercased()) } ?? scope.newID()
        if try scope.tx.tenant(id) != nil || scope.tx.tenant(owningDomain: spec.resolvedDomain) != nil {
            throw TenantError.badRequest("A tenant with id \(id) or domain \(spec.resolvedDomain) already exists in the world.")
        }
        let tenant = Tenant(
            id: id, displayName: spec.displayName ?? spec.key.capitalized, initialDomain: spec.resolvedDomain,
            verifiedDomains: spec.verifiedDomains ?? [], cloud: spec.resolvedCloud,
            emailOneTimePasscodeEnabled: spec.emailOneTimePasscode ?? true, federations: spec.federations ?? [],
            googleFederationEnabled: spec.googleFederation ?? false, createdDateTime: scope.now)
        try scope.tx.insert(tenant)
        var policy = AuthorizationPolicy.defaults(tenantId: id, cloud: tenant.cloud)
        if let patch = spec.authorizationPolicy {
            if let problem = patch.problem { throw TenantError.badRequest("Tenant \(spec.key): \(problem)") }
            policy = patch.applied(to: policy)
        }
        try scope.tx.save(policy)
        let collaboration = spec.collaboration ?? CollaborationSpec()
        try scope.tx.save(
            try CollaborationRestrictions.from(
                tenantId: id, allowedDomains: collaboration.allowedDomains, blockedDomains: collaboration.blockedDomains
            ).get())
        var crossTenant = CrossTenantAccessDefault(tenantId: id)
        if let access = spec.crossTenantAccess {
            crossTenant.allowedCloudEndpoints = try CrossTenantEndpoints.validated(access.allowedCloudEndpoints ?? [])
            if let settings = access.default {
                crossTenant.settings = settings.inheriting(from: .serviceDefault)
                crossTenant.isServiceDefault = false
            }
        }
        try scope.tx.save(crossTenant)
        return tenant
    }

    /// The tenant's SKUs and member accounts (with their roles and licences).
    static func createMembers(_ tenant: Tenant, from spec: TenantSpec, scope: OperationScope) throws -> WorldIndex {
        var index = WorldIndex()
        for skuSpec in spec.skus ?? [] {
            try scope.tx.save(try sku(skuSpec, tenant: tenant))
        }
        for userSpec in spec.users ?? [] {
            let user = try createUser(userSpec, tenant: tenant, spec: spec, scope: scope)
            index.users[user.userPrincipalName] = user.id
            scope.touchedUsers.insert(user.id)
        }
        return index
    }

    /// The tenant's guests, groups, apps and Power Platform side, once every tenant has its members.
    static func populate(_ tenant: Tenant, from spec: TenantSpec, scope: OperationScope) throws -> WorldIndex {
        var index = WorldIndex()
        for guestSpec in spec.guests ?? [] {
            let guest = try GuestLoader.createGuest(guestSpec, tenant: tenant, tenantKey: spec.key, scope: scope)
            index.users[guest.userPrincipalName] = guest.id
        }
        for groupSpec in spec.groups ?? [] {
            let group = try createGroup(groupSpec, tenant: tenant, scope: scope)
            index.groups[group.displayName] = group.id
        }
        for groupSpec in spec.groups ?? [] {
            try addMembers(groupSpec, tenant: tenant, spec: spec, scope: scope)
        }
        for appSpec in spec.apps ?? [] {
            index.apps.append(try createApp(appSpec, tenant: tenant, key: spec.key, scope: scope))
        }
        try PowerPlatformLoader.populate(tenant, from: spec, scope: scope)
        for guestSpec in spec.guests ?? [] { try GuestLoader.addNotifications(guestSpec, tenant: tenant, scope: scope) }
        for userId in index.users.values { scope.touchedUsers.insert(userId) }
        return index
    }

    /// An id a spec gives, refused with a clear 400 when an object of the world already has it.
    static func explicitID<Kind: IDKind>(_ id: String?, kind: Kind.Type, of what: String, scope: OperationScope) throws -> TypedID<Kind>? {
        guard let id = id?.lowercased() else { return nil }
        if try scope.isTaken(Kind.name, id) {
            throw TenantError.badRequest("\(what): the id \(id) is already used in the world (was this fixture loaded twice?).")
        }
        return TypedID(id)
    }

    static func sku(_ spec: SkuSpec, tenant: Tenant) throws -> SubscribedSku {
        let known = SkuCatalog.entry(partNumber: spec.partNumber)
        guard let skuId = spec.skuId ?? known?.skuId else {
            throw TenantError.badRequest(
                "SKU \(spec.partNumber) is not a well-known part number; give its skuId (known: \(SkuCatalog.entries.map(\.partNumber).joined(separator: ", ")))."
            )
        }
        guard spec.units >= 0 else { throw TenantError.badRequest("SKU \(spec.partNumber): units must not be negative.") }
        return SubscribedSku(
            tenantId: tenant.id, skuId: skuId, skuPartNumber: spec.partNumber, appliesTo: spec.appliesTo ?? "User",
            prepaidUnits: LicenseUnitsDetail(enabled: spec.units), servicePlans: spec.servicePlans ?? known?.servicePlans ?? [],
            subscriptionIds: [], grantsDataverse: spec.dataverse ?? known?.grantsDataverse ?? false,
            grantsPowerApps: spec.powerApps ?? known?.grantsPowerApps ?? false)
    }

    static func upn(_ name: String, spec: TenantSpec) -> String {
        (name.contains("@") ? name : "\(name)@\(spec.userDomain)").lowercased()
    }

    static func createUser(_ spec: UserSpec, tenant: Tenant, spec tenantSpec: TenantSpec, scope: OperationScope) throws -> User {
        let upn = upn(spec.upn, spec: tenantSpec)
        guard EmailAddress(upn) != nil else { throw TenantError.badRequest("User '\(spec.upn)' of \(tenantSpec.key) is not a valid UPN.") }
        if let location = spec.usageLocation, !CountryCode.isValid(location.uppercased()) {
            throw TenantError.badRequest("User \(upn): usageLocation '\(location)' is not an ISO 3166-1 alpha-2 code.")
        }
        let id: UserID = try WorldLoader.explicitID(spec.id, kind: UserKind.self, of: "User \(upn)", scope: scope) ?? scope.newID()
        let localPart = String(upn.split(separator: "@")[0])
        let user = User(
            id: id, tenantId: tenant.id, userPrincipalName: upn, displayName: spec.displayName ?? localPart.capitalized,
            givenName: spec.givenName, surname: spec.surname, mail: (spec.mail ?? upn).lowercased(), mailNickname: localPart,
            usageLocation: spec.usageLocation?.uppercased(), accountEnabled: spec.accountEnabled ?? true, createdDateTime: scope.now)
        try scope.tx.insert(user)
        if let password = spec.password {
            guard !password.isEmpty else { throw TenantError.badRequest("User \(upn): password must not be empty.") }
            try scope.tx.setPassword(password, for: id)
        }
        for role in spec.roles ?? [] {
            guard let template = DirectoryRoleTemplate.find(role) else {
                throw TenantError.badRequest(
                    "User \(upn): unknown directory role '\(role)' (known: \(DirectoryRoleTemplate.all.map(\.displayName).joined(separator: ", "))).")
            }
            try scope.tx.insert(
                DirectoryRoleAssignment(id: try scope.newID(), tenantId: tenant.id, principalId: id.rawValue, roleDefinitionId: template.id))
        }
        for partNumber in spec.licenses ?? [] {
            try assignLicense(partNumber, to: user, tenant: tenant, tenantKey: tenantSpec.key, scope: scope)
        }
        return user
    }

    static func assignLicense(_ partNumber: String, to user: User, tenant: Tenant, tenantKey: String, scope: OperationScope) throws {
        guard let sku = try scope.tx.sku(partNumber: partNumber, in: tenant.id) ?? scope.tx.sku(partNumber, in: tenant.id) else {
            throw TenantError.badRequest("User \(user.contactAddress): \(tenantKey) has no SKU '\(partNumber)'.")
        }
        guard sku.availableUnits > 0 else { throw TenantError.badRequest("User \(user.contactAddress): no units left of \(partNumber).") }
        try scope.tx.insert(LicenseAssignment(tenantId: tenant.id, userId: user.id, skuId: sku.skuId, assignedDateTime: scope.now))
        try scope.tx.addConsumedUnits(1, sku: sku.skuId, in: tenant.id)
    }

    /// A user of the tenant a spec names: by id or UPN (a bare name gets the tenant's user domain),
    /// or — for a guest — by the invited address.
    static func person(_ name: String, tenant: Tenant, spec: TenantSpec, scope: OperationScope) throws -> User? {
        if let user = try scope.tx.user(idOrUPN: upn(name, spec: spec), in: tenant.id), !user.isDeleted { return user }
        guard name.contains("@") else { return nil }
        return try scope.tx.users(withAddress: name.lowercased(), in: tenant.id).first { !$0.isDeleted }
    }

    static func createGroup(_ spec: GroupSpec, tenant: Tenant, scope: OperationScope) throws -> Group {
        let isM365 = spec.kind == .microsoft365
        let nickname = spec.name.filter { $0.isLetter || $0.isNumber }
        let group = Group(
            id: try explicitID(spec.id, kind: GroupKind.self, of: "Group '\(spec.name)'", scope: scope) ?? scope.newID(), tenantId: tenant.id,
            displayName: spec.name,
            description: spec.description, mailNickname: nickname.isEmpty ? "group" : nickname, mailEnabled: isM365,
            securityEnabled: !isM365, groupTypes: isM365 ? ["Unified"] : [], createdDateTime: scope.now)
        try scope.tx.insert(group)
        return group
    }

    static func addMembers(_ spec: GroupSpec, tenant: Tenant, spec tenantSpec: TenantSpec, scope: OperationScope) throws {
        guard let group = try scope.tx.group(named: spec.name, in: tenant.id) else { return }
        for member in spec.members ?? [] {
            if let user = try person(member, tenant: tenant, spec: tenantSpec, scope: scope) {
                try scope.tx.insert(GroupMembership(tenantId: tenant.id, groupId: group.id, memberId: user.id.rawValue, memberKind: .user))
            } else if let nested = try scope.tx.group(named: member, in: tenant.id) {
                try scope.tx.insert(GroupMembership(tenantId: tenant.id, groupId: group.id, memberId: nested.id.rawValue, memberKind: .group))
            } else {
                throw TenantError.badRequest("Group '\(spec.name)' of \(tenantSpec.key): no user or group '\(member)'.")
            }
        }
        for owner in spec.owners ?? [] {
            guard let user = try person(owner, tenant: tenant, spec: tenantSpec, scope: scope) else {
                throw TenantError.badRequest("Group '\(spec.name)' of \(tenantSpec.key): no user '\(owner)' to be its owner.")
            }
            try scope.tx.insert(GroupOwner(tenantId: tenant.id, groupId: group.id, ownerId: user.id))
        }
    }

    static func createApp(_ spec: AppSpec, tenant: Tenant, key: String, scope: OperationScope) throws -> WorldIndex.AppCredentials {
        let appId: AppID = try spec.appId.map { AppID($0.lowercased()) } ?? scope.newID()
        let app = AppRegistration(
            appId: appId, tenantId: tenant.id, displayName: spec.name, applicationPermissions: spec.permissions ?? [],
            delegatedPermissions: spec.delegated ?? [], powerPlatformManagementApp: spec.powerPlatformAdmin ?? false,
            dataverseRoles: spec.dataverseRoles ?? [])
        try scope.tx.insert(app)
        let secret = try spec.secret ?? "tss~" + scope.newToken("secret", length: 36)
        try scope.tx.insert(ClientSecret(appId: appId, keyId: try scope.newGUID("secretKey"), displayName: "tenantsim", secretText: secret))
        return WorldIndex.AppCredentials(tenantKey: key, tenantId: tenant.id, name: spec.name, appId: appId, secret: secret)
    }

    static func createPartners(_ tenant: Tenant, from spec: TenantSpec, scope: OperationScope) throws {
        for partner in spec.crossTenantAccess?.partners ?? [] {
            // A partner named by id may be a tenant outside the world (an imported tenant's partners).
            guard
                let partnerId = try resolveTenant(partner.tenant, scope: scope)?.id
                    ?? UUID(uuidString: partner.tenant).map({ _ in TenantID(partner.tenant.lowercased()) })
            else {
                throw TenantError.badRequest("Tenant \(spec.key): cross-tenant partner '\(partner.tenant)' is not a tenant of the world.")
            }
            try scope.tx.save(CrossTenantAccessPartner(tenantId: tenant.id, partnerTenantId: partnerId, settings: partner.settings))
        }
    }

    /// A tenant by id, domain, or key (`contoso` → `contoso.onmicrosoft.*`).
    static func resolveTenant(_ key: String, scope: OperationScope) throws -> Tenant? {
        try TenantResolver.resolve(key, tx: scope.tx)
    }
}

/// Finds tenants by the handles people use: id, domain, or key (the initial domain's first label).
public enum TenantResolver {
    public static func resolve(_ key: String, tx: StoreTransaction) throws -> Tenant? {
        if let tenant = try tx.tenant(idOrDomain: key) { return tenant }
        let prefix = key.lowercased() + "."
        return try tx.tenants().first { $0.initialDomain.hasPrefix(prefix) }
    }
}

/// Validation of `allowedCloudEndpoints` values.
enum CrossTenantEndpoints {
    static func validated(_ endpoints: [String]) throws -> [String] {
        for endpoint in endpoints where EntraCloud(cloudEndpoint: endpoint) == nil {
            throw TenantError.badRequest(
                "'\(endpoint)' is not a Microsoft cloud endpoint (use \(EntraCloud.allCases.map(\.cloudEndpoint).joined(separator: ", "))).")
        }
        return endpoints
    }
}
