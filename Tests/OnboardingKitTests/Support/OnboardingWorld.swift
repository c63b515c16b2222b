import Foundation
import TenantEngine
import TenantModel

/// The world the OnboardingKit tests use: contoso (the resource tenant, with the Onboarding
/// Automation app, a POWERAPPS_PER_USER subscription and the "Contoso Sales" Dataverse
/// environment behind the "Sales Environment Users" group) and fabrikam (a partner with Pat).
enum OnboardingWorld {
    static let contoso = "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50"
    static let fabrikam = "9c2e4a6b-8d0f-4a1c-b3e5-7f9a1c3e5b72"
    static let onboardingApp = "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10"
    static let secret = "tenantsim-onboarding-secret"
    static let environmentURL = "https://contoso.crm.dynamics.com"

    /// - Parameter blockedDomains: domains contoso's collaboration restrictions deny.
    static func spec(blockedDomains: [String]? = nil, seats: Int = 300) -> WorldSpec {
        var contosoSpec = TenantSpec(key: "contoso", displayName: "Contoso", cloud: .commercial)
        contosoSpec.id = contoso
        contosoSpec.verifiedDomains = ["contoso.com"]
        contosoSpec.users = [UserSpec(upn: "admin", displayName: "Ada Admin", roles: ["Global Administrator"], usageLocation: "US")]
        contosoSpec.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: seats)]
        contosoSpec.groups = [GroupSpec(name: "Sales Environment Users", kind: .security)]
        contosoSpec.environments = [
            EnvironmentSpec(name: "Contoso Sales", sku: .production, dataverse: true, org: "contoso", securityGroup: "Sales Environment Users")
        ]
        var app = AppSpec(
            name: "Onboarding Automation", appId: onboardingApp, secret: secret,
            permissions: [
                "User.Invite.All", "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All", "GroupMember.ReadWrite.All", "Organization.Read.All",
                "Policy.Read.All", "Policy.ReadWrite.Authorization",
            ])
        app.powerPlatformAdmin = true
        app.dataverseRoles = ["System Administrator"]
        contosoSpec.apps = [app]
        if let blockedDomains { contosoSpec.collaboration = CollaborationSpec(blockedDomains: blockedDomains) }
        var fabrikamSpec = TenantSpec(key: "fabrikam", displayName: "Fabrikam", cloud: .commercial)
        fabrikamSpec.id = fabrikam
        fabrikamSpec.verifiedDomains = ["fabrikam.com"]
        fabrikamSpec.users = [UserSpec(upn: "pat", displayName: "Pat Partner"), UserSpec(upn: "kim", displayName: "Kim Maker")]
        return WorldSpec(tenants: [contosoSpec, fabrikamSpec])
    }
}
