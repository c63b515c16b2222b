import Foundation
import TenantEngine
import TenantModel
import TenantStore

/// The world most engine tests start from: contoso (commercial, the resource tenant) with admins
/// of each kind and two SKUs; fabrikam (commercial partner) with pat; tenants in GCC, GCC High and
/// China; a personal Microsoft account.
enum TestWorld {
    static let spec = WorldSpec(
        tenants: [
            {
                var contoso = TenantSpec(key: "contoso", displayName: "Contoso", cloud: .commercial)
                contoso.verifiedDomains = ["contoso.com"]
                contoso.users = [
                    UserSpec(upn: "admin", displayName: "Ada Admin", roles: ["Global Administrator"], usageLocation: "US"),
                    UserSpec(upn: "useradmin", displayName: "Uma User-Admin", roles: ["User Administrator"]),
                    UserSpec(upn: "licenseadmin", displayName: "Lee License-Admin", roles: ["License Administrator"]),
                    UserSpec(upn: "inviter", displayName: "Ivy Inviter", roles: ["Guest Inviter"]),
                    UserSpec(upn: "member", displayName: "Max Member"),
                ]
                contoso.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 5), SkuSpec(partNumber: "ENTERPRISEPACK", units: 1)]
                contoso.groups = [
                    GroupSpec(name: "Contoso Partners", kind: .security, members: ["member"]),
                    GroupSpec(name: "Sales Access", kind: .security, members: ["Contoso Partners"]),
                ]
                contoso.environments = [
                    EnvironmentSpec(name: "Contoso Sales", sku: .production, dataverse: true, org: "contoso", securityGroup: "Sales Access"),
                    EnvironmentSpec(name: "Contoso Apps", sku: .sandbox, dataverse: false),
                ]
                contoso.apps = [
                    AppSpec(name: "Onboarding", permissions: ["User.Invite.All", "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All"]),
                    AppSpec(name: "Reader", permissions: ["User.Read.All"]),
                ]
                return contoso
            }(),
            {
                var fabrikam = TenantSpec(key: "fabrikam", displayName: "Fabrikam", cloud: .commercial)
                fabrikam.verifiedDomains = ["fabrikam.com"]
                fabrikam.users = [
                    UserSpec(upn: "pat", displayName: "Pat Partner"), UserSpec(upn: "admin", roles: ["Global Administrator"], usageLocation: "US"),
                ]
                fabrikam.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 10)]
                return fabrikam
            }(),
            {
                var gcc = TenantSpec(key: "gccagency", displayName: "GCC Agency", cloud: .gcc)
                gcc.verifiedDomains = ["agency.gov"]
                gcc.users = [UserSpec(upn: "officer", roles: ["Global Administrator"], usageLocation: "US")]
                gcc.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 5)]
                gcc.environments = [EnvironmentSpec(name: "Agency Apps", sku: .production, dataverse: true, org: "agency")]
                return gcc
            }(),
            {
                var high = TenantSpec(key: "highagency", displayName: "High Agency", cloud: .gccHigh)
                high.verifiedDomains = ["high.gov"]
                high.users = [UserSpec(upn: "officer", roles: ["Global Administrator"], usageLocation: "US")]
                high.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 5)]
                high.environments = [EnvironmentSpec(name: "High Apps", sku: .production, dataverse: true, org: "highagency")]
                return high
            }(),
            {
                var china = TenantSpec(key: "contosochina", displayName: "Contoso China", cloud: .china)
                china.verifiedDomains = ["contoso.cn"]
                china.users = [UserSpec(upn: "li", roles: ["Global Administrator"], usageLocation: "CN")]
                china.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 5)]
                china.environments = [EnvironmentSpec(name: "China Apps", sku: .production, dataverse: true, org: "contosocn")]
                return china
            }(),
        ],
        personalAccounts: [PersonalAccountSpec(email: "sam@outlook.com", displayName: "Sam Personal")])

    /// A fresh engine with the test world loaded.
    /// The test world in a state file at `path` (WAL), on the same clock as ``engine(seed:)``.
    static func engine(path: String) async throws -> (TenantEngine, WorldIndex) {
        let environment = TenantEnvironment(seed: 1, clock: .manual(start: Date(timeIntervalSince1970: 1_735_689_600)))
        let engine = try await TenantEngine(store: try TenantStore.file(at: path), environment: environment)
        let index = try await engine.loadWorld(spec)
        return (engine, index)
    }

    static func engine(seed: UInt64 = 1) async throws -> (TenantEngine, WorldIndex) {
        let environment = TenantEnvironment(seed: seed, clock: .manual(start: Date(timeIntervalSince1970: 1_735_689_600)))
        let engine = try await TenantEngine.inMemory(environment: environment)
        let index = try await engine.loadWorld(spec)
        return (engine, index)
    }
}

extension WorldIndex {
    func tenant(_ key: String) -> TenantID { tenants[key]! }
    func user(_ upn: String) -> UserID { users[upn]! }

    /// A portal session of `upn` in its tenant.
    func portal(_ upn: String, in key: String) -> Caller { .portal(user(upn), in: tenant(key)) }

    /// App-only caller holding `permissions`.
    func app(_ name: String, permissions: Set<String>? = nil) -> Caller {
        let app = apps.first { $0.name == name }!
        return .application(appId: app.appId, tenantId: app.tenantId, permissions: permissions ?? [])
    }
}

/// The invitation most tests send.
func invite(_ address: String, redirect: String? = "https://myapps.microsoft.com", send: Bool = false) -> InvitationRequest {
    InvitationRequest(invitedUserEmailAddress: address, inviteRedirectUrl: redirect, sendInvitationMessage: send)
}

/// Runs `body`, expecting a `TenantError`, and returns it.
func denial(_ body: () async throws(TenantError) -> Void) async -> TenantError? {
    do {
        try await body()
        return nil
    } catch {
        return error
    }
}
