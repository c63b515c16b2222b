import Foundation
import TenantEngine
import TenantModel

/// The world the API tests use: contoso (resource, with an app registration of each kind and a
/// Dataverse environment), fabrikam (partner), a GCC High tenant.
enum APIWorld {
    static let contoso = "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50"
    static let fabrikam = "9c2e4a6b-8d0f-4a1c-b3e5-7f9a1c3e5b72"
    static let high = "7a9c1e3a-5d7f-4a9c-8e0a-2c4e6a8c0e55"
    static let onboardingApp = "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10"
    static let readerApp = "8d2b4f6e-1a3c-4e5b-9f7d-0c2e4a6b8d21"
    static let highApp = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
    static let secret = "test-secret"
    static let memberPassword = "right-password"
    static let powerApps = "b30411f5-fea1-4a59-9ad9-3db7c7ead579"

    static var spec: WorldSpec {
        var contosoSpec = TenantSpec(key: "contoso", displayName: "Contoso", cloud: .commercial)
        contosoSpec.id = contoso
        contosoSpec.verifiedDomains = ["contoso.com"]
        contosoSpec.users = [
            UserSpec(upn: "admin", displayName: "Ada Admin", roles: ["Global Administrator"], usageLocation: "US"),
            UserSpec(upn: "member", displayName: "Max Member"),
        ]
        contosoSpec.users?[1].password = memberPassword
        contosoSpec.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: 300)]
        contosoSpec.groups = [GroupSpec(name: "Sales Environment Users", kind: .security)]
        contosoSpec.environments = [
            EnvironmentSpec(name: "Contoso Sales", sku: .production, dataverse: true, org: "contoso", securityGroup: "Sales Environment Users")
        ]
        contosoSpec.apps = [
            AppSpec(
                name: "Onboarding Automation", appId: onboardingApp, secret: secret,
                permissions: [
                    "User.Invite.All", "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All", "GroupMember.ReadWrite.All",
                    "Policy.Read.All", "Policy.ReadWrite.Authorization", "Policy.ReadWrite.CrossTenantAccess", "Organization.Read.All",
                    "RoleManagement.ReadWrite.Directory",
                ], delegated: ["User.Read", "User.ReadWrite.All", "User.Invite.All"]),
            AppSpec(name: "Directory Reader", appId: readerApp, secret: secret, permissions: ["User.Read.All"]),
        ]
        contosoSpec.apps?[0].powerPlatformAdmin = true
        contosoSpec.apps?[0].dataverseRoles = ["System Administrator"]
        var fabrikamSpec = TenantSpec(key: "fabrikam", displayName: "Fabrikam", cloud: .commercial)
        fabrikamSpec.id = fabrikam
        fabrikamSpec.verifiedDomains = ["fabrikam.com"]
        fabrikamSpec.users = [UserSpec(upn: "pat", displayName: "Pat Partner")]
        var highSpec = TenantSpec(key: "highagency", displayName: "High Agency", cloud: .gccHigh)
        highSpec.id = high
        highSpec.apps = [AppSpec(name: "High App", appId: highApp, secret: secret, permissions: ["User.Read.All", "User.Invite.All"])]
        return WorldSpec(tenants: [contosoSpec, fabrikamSpec, highSpec])
    }
}
