import Foundation
import OnboardingKit
import TenantEngine
import TenantModel

/// Reads a tenant's configuration through the public, read-only APIs a script would use — Graph
/// v1.0, the Power Platform admin API and Dataverse — into a ``TenantSpec`` that TenantSim loads
/// like any fixture (`tenantsim import`). It never writes. What it cannot read (a missing
/// permission, something Microsoft has no API for) becomes a gap: a line saying what the fixture
/// assumes instead.
public struct TenantImporter: Sendable {
    public let client: OnboardingClient
    public let cloud: Cloud

    /// The Graph application permissions the import needs, least privileged first.
    public static let graphPermissions = [
        "Organization.Read.All", "User.Read.All", "GroupMember.Read.All", "RoleManagement.Read.Directory", "Policy.Read.All",
    ]

    /// What the Power Platform and Dataverse reads need besides Graph.
    public static let otherRequirements = [
        "Power Platform admin API (environments, tenant settings): the app registered as a Power Platform management application",
        "Dataverse (security roles and who holds them): the app as an application user of each environment with a role that reads systemusers and roles",
    ]

    /// Every setting of ``TenantSpec`` and where the import reads it, or why it doesn't (a test
    /// fails when the model gains a setting this doesn't list).
    public static let coverage: [String: String] = [
        "key": "the initial domain's first label", "id": "GET /organization", "displayName": "GET /organization",
        "domain": "GET /organization (verifiedDomains, isInitial)", "verifiedDomains": "GET /organization",
        "cloud": "--cloud, or the cloud of the server read",
        "emailOneTimePasscode": "not imported (authentication methods policy, not read): assumed on, the default",
        "googleFederation": "not imported (identity providers, not read): assumed off, the default",
        "federations": "not imported (SAML/WS-Fed identity providers, not read): assumed none",
        "authorizationPolicy": "GET /policies/authorizationPolicy",
        "collaboration": "not imported: the allow or deny list has no Graph v1.0 API (a gap line says so)",
        "crossTenantAccess": "GET /policies/crossTenantAccessPolicy, …/default, …/partners",
        "users": "members who hold directory roles, belong to gating groups or hold security roles: GET /users/{id}",
        "guests": "--include-guests: GET /users?$filter=userType eq 'Guest', streamed page by page",
        "groups": "the security groups that gate environments (and nested ones): GET /groups/{id}, …/members",
        "skus": "GET /subscribedSkus", "apps": "not imported: secrets can't be read (a gap line says so)",
        "environments": "admin API GET …/scopes/admin/environments (see environmentCoverage)",
        "powerPlatformSettings": "admin API listTenantSettings",
    ]

    /// Every setting of ``EnvironmentSpec`` and where the import reads it, or why it doesn't.
    public static let environmentCoverage: [String: String] = [
        "name": "displayName", "id": "name", "sku": "properties.environmentSku", "region": "properties.azureRegion",
        "dataverse": "linkedEnvironmentMetadata.instanceUrl", "org": "the instance URL's first label",
        "securityGroup": "linkedEnvironmentMetadata.securityGroupId", "default": "properties.isDefault",
        "roles": "Dataverse systemusers and systemuserroles_association; admin API roleAssignments without Dataverse",
        "createdBy": "not imported: assumed no creator (a developer environment syncs nobody automatically)",
        "teams": "not imported: Dataverse teams are not read (roles held through a team are missing)",
    ]

    public init(client: OnboardingClient, cloud: Cloud) {
        self.client = client
        self.cloud = cloud
    }

    /// The imported tenant (without guests: ``streamGuests(of:skuNames:_:)`` writes them) and the gaps.
    public struct Result: Sendable {
        public var tenant: TenantSpec
        public var gaps: [String]
        /// Part numbers by SKU id, for the guests' licences.
        public var skuNames: [String: String]

        /// Without guests imported, groups and role grants can't name them: they are left out, and
        /// the gap says how many.
        public func withoutGuestReferences() -> Result {
            var result = self
            let members = Set((tenant.users ?? []).map { $0.upn.lowercased() })
            func isGuest(_ name: String) -> Bool { name.contains("@") && !members.contains(name.lowercased()) }
            var dropped = 0
            result.tenant.groups = tenant.groups?.map { group in
                var group = group
                dropped += group.members?.filter(isGuest).count ?? 0
                group.members = group.members?.filter { !isGuest($0) }
                return group
            }
            result.tenant.environments = tenant.environments?.map { environment in
                var environment = environment
                dropped += environment.roles?.filter { isGuest($0.user) }.count ?? 0
                environment.roles = environment.roles?.filter { !isGuest($0.user) }
                return environment
            }
            if dropped > 0 {
                result.gaps.append("\(dropped) group membership(s) and role grant(s) of guests left out: import with --include-guests to keep them")
            }
            return result
        }
    }

    public func importTenant() async throws -> Result {
        var gaps: [String] = []
        let organization = try await client.organization()
        let initial = organization.initialDomain ?? organization.verifiedDomains?.first?.name ?? "\(organization.id).onmicrosoft.com"
        var tenant = TenantSpec(
            key: String(initial.split(separator: ".").first ?? "imported").lowercased(), displayName: organization.displayName, cloud: cloud)
        tenant.id = organization.id
        tenant.domain = initial
        let verified = (organization.verifiedDomains ?? []).map(\.name).filter { $0 != initial }
        tenant.verifiedDomains = verified.isEmpty ? nil : verified
        tenant.authorizationPolicy = await read("the authorization policy", needs: "Policy.Read.All", assumed: "the defaults", gaps: &gaps) {
            try JSONDecoder().decode(AuthorizationPolicyPatch.self, from: try await client.graphDocument("/policies/authorizationPolicy"))
        }
        gaps.append(
            "collaboration restrictions (the domain allow or deny list of External collaboration settings) have no Graph v1.0 API: assumed none; add collaboration: {allowedDomains: […]} or {blockedDomains: […]} by hand"
        )
        tenant.crossTenantAccess =
            await read(
                "cross-tenant access settings", needs: "Policy.Read.All", assumed: "the service defaults", gaps: &gaps
            ) { try await crossTenantAccess() } ?? nil
        let skus =
            await read("subscriptions (subscribedSkus)", needs: "Organization.Read.All (or LicenseAssignment.Read.All)", assumed: "none", gaps: &gaps)
        {
            try await client.subscribedSkus()
        } ?? []
        tenant.skus = skus.isEmpty ? nil : skus.map { Self.sku($0, gaps: &gaps) }
        let skuNames = Dictionary(skus.map { ($0.skuId.lowercased(), $0.skuPartNumber) }, uniquingKeysWith: { first, _ in first })
        let environments =
            await read(
                "environments (admin API)", needs: Self.otherRequirements[0], assumed: "only the default environment", gaps: &gaps
            ) { try await client.environments() } ?? []
        var people = PeopleImport(client: client, skuNames: skuNames)
        tenant.groups = try await groups(gating: environments, people: &people, gaps: &gaps)
        let holders =
            await read(
                "directory role assignments", needs: "RoleManagement.Read.Directory", assumed: "nobody holds a directory role", gaps: &gaps
            ) { try await client.directoryRoleAssignments() } ?? []
        for assignment in holders where assignment.directoryScopeId ?? "/" == "/" {
            guard let role = DirectoryRoleTemplate.find(assignment.roleDefinitionId) else { continue }
            people.roles[assignment.principalId.lowercased(), default: []].append(role.displayName)
        }
        tenant.environments = try await environmentSpecs(environments, people: &people, gaps: &gaps)
        let users =
            await read(
                "the members who hold roles or belong to gating groups", needs: "User.Read.All", assumed: "no member accounts", gaps: &gaps
            ) { try await people.members() } ?? []
        tenant.users = users.isEmpty ? nil : users
        tenant.powerPlatformSettings = await read(
            "Power Platform tenant settings (admin API)", needs: Self.otherRequirements[0], assumed: "the defaults", gaps: &gaps
        ) { try JSONDecoder().decode(JSONValue.self, from: try await client.tenantSettingsDocument()) }
        gaps.append("app registrations are not imported (their secrets can't be read): add the apps your script signs in as under apps:")
        gaps.append(
            "email one-time passcode, Google and SAML/WS-Fed identity providers are not read: assumed the defaults (passcode on, no federation)")
        gaps.append("Dataverse teams are not read: roles a guest holds only through a group team are missing")
        gaps.append("notifications sent to guests (the last onboarding step) have no Microsoft API: guests are taken as not yet notified")
        return Result(tenant: tenant, gaps: gaps, skuNames: skuNames)
    }

    /// Every guest of the tenant, a page at a time (memory stays flat however many there are).
    /// Returns how many were written.
    @discardableResult
    public func streamGuests(skuNames: [String: String], _ write: (GuestSpec) throws -> Void) async throws -> Int {
        var count = 0
        try await client.forEachUserPage(filter: "userType eq 'Guest'") { page in
            for user in page {
                try write(PeopleImport.guest(user, skuNames: skuNames))
                count += 1
            }
        }
        return count
    }

    /// Runs one read; a refusal (401/403) becomes a gap naming what was needed and what is assumed.
    func read<T>(_ what: String, needs: String, assumed: String, gaps: inout [String], _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch let error as GraphError where [401, 403].contains(error.status) {
            gaps.append("could not read \(what) (\(error.status) \(error.code)): needs \(needs); assumed: \(assumed)")
        } catch {
            gaps.append("could not read \(what) (\(error)); assumed: \(assumed)")
        }
        return nil
    }

    func crossTenantAccess() async throws -> CrossTenantSpec? {
        struct Policy: Decodable { var allowedCloudEndpoints: [String]? }
        struct Default: Decodable { var isServiceDefault: Bool? }
        struct Partners: Decodable {
            struct Partner: Decodable { var tenantId: String }
            var value: [JSONValue]
        }
        let decoder = JSONDecoder()
        let policy = try decoder.decode(Policy.self, from: try await client.graphDocument("/policies/crossTenantAccessPolicy"))
        let defaultData = try await client.graphDocument("/policies/crossTenantAccessPolicy/default")
        let isServiceDefault = try decoder.decode(Default.self, from: defaultData).isServiceDefault ?? true
        let partnersData = try await client.graphDocument("/policies/crossTenantAccessPolicy/partners")
        let partners = try decoder.decode(Partners.self, from: partnersData).value.map { item in
            let data = try JSONEncoder().encode(item)
            let tenantId = try decoder.decode(Partners.Partner.self, from: data).tenantId
            return PartnerSpec(tenant: tenantId, settings: try decoder.decode(CrossTenantAccessSettings.self, from: data))
        }
        let endpoints = policy.allowedCloudEndpoints ?? []
        guard !endpoints.isEmpty || !isServiceDefault || !partners.isEmpty else { return nil }
        return CrossTenantSpec(
            allowedCloudEndpoints: endpoints.isEmpty ? nil : endpoints,
            default: isServiceDefault ? nil : try decoder.decode(CrossTenantAccessSettings.self, from: defaultData),
            partners: partners.isEmpty ? nil : partners)
    }

    static func sku(_ sku: OnboardingKit.SubscribedSku, gaps: inout [String]) -> SkuSpec {
        let spec = SkuSpec(partNumber: sku.skuPartNumber, units: sku.prepaidUnits?.enabled ?? 0, skuId: sku.skuId.lowercased())
        if SkuCatalog.entry(partNumber: sku.skuPartNumber) == nil {
            gaps.append(
                "SKU \(sku.skuPartNumber) is not one TenantSim knows: assumed it grants neither Power Apps nor Dataverse (set powerApps:/dataverse: on it)"
            )
        }
        return spec
    }

    /// The security groups that gate environments, with their members (nested groups followed).
    func groups(gating environments: [AdminEnvironment], people: inout PeopleImport, gaps: inout [String]) async throws -> [GroupSpec]? {
        var pending = Array(Set(environments.compactMap { $0.securityGroupId?.lowercased() })).sorted()
        var done: [String: GroupSpec] = [:]
        var order: [String] = []
        while let id = pending.first {
            pending.removeFirst()
            guard done[id] == nil else { continue }
            let found = await read("the group \(id)", needs: "GroupMember.Read.All", assumed: "the group is left out", gaps: &gaps) {
                try await (client.groupDetails(id), client.members(ofGroup: id))
            }
            guard let (details, members) = found, let details else { continue }
            var spec = GroupSpec(
                name: details.displayName ?? id, kind: details.groupTypes?.contains("Unified") == true ? .microsoft365 : .security)
            spec.id = details.id.lowercased()
            spec.description = details.description
            var names: [String] = []
            for member in members {
                if member.isGroup {
                    pending.append(member.id.lowercased())
                    names.append(member.id.lowercased())
                } else {
                    names.append(people.reference(member))
                }
            }
            spec.members = names.isEmpty ? nil : names
            done[id] = spec
            order.append(id)
        }
        // Nested groups are named by id until every group is known, then by name.
        let byId = done.mapValues(\.name)
        let specs = order.compactMap { done[$0] }.map { group in
            var group = group
            group.members = group.members?.map { byId[$0] ?? $0 }
            return group
        }
        return specs.isEmpty ? nil : specs
    }

    func environmentSpecs(_ environments: [AdminEnvironment], people: inout PeopleImport, gaps: inout [String]) async throws -> [EnvironmentSpec]? {
        var specs: [EnvironmentSpec] = []
        for environment in environments {
            var spec = EnvironmentSpec(
                name: environment.displayName, sku: environment.isDefault ? nil : environment.sku.flatMap(EnvironmentSku.init(rawValue:)),
                dataverse: environment.hasDataverse, org: environment.instanceHost.map { String($0.split(separator: ".")[0]) })
            spec.id = environment.isDefault ? nil : environment.name
            spec.default = environment.isDefault ? true : nil
            spec.region = environment.region
            spec.securityGroup = environment.securityGroupId.map { $0.lowercased() }
            if let host = environment.instanceHost {
                let grants = await read(
                    "security roles of '\(environment.displayName)' (Dataverse)", needs: Self.otherRequirements[1],
                    assumed: "nobody holds a security role there", gaps: &gaps
                ) { try await people.securityRoleGrants(host: host) }
                spec.roles = grants.flatMap { $0.isEmpty ? nil : $0 }
            } else {
                let grants = await read(
                    "environment roles of '\(environment.displayName)' (admin API)", needs: Self.otherRequirements[0],
                    assumed: "nobody holds an environment role there", gaps: &gaps
                ) { try await people.environmentRoleGrants(environment: environment.name) }
                spec.roles = grants.flatMap { $0.isEmpty ? nil : $0 }
            }
            specs.append(spec)
        }
        return specs.isEmpty ? nil : specs
    }
}
