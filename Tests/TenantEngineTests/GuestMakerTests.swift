import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Guest makers and their known limitations")
struct GuestMakerTests {
    /// A guest from `home` made a maker in `resource`'s environment: member-level guest access,
    /// enableGuestsToMake, Environment Maker.
    func maker(_ address: String, resource: String, environment: String) async throws -> (TenantEngine, WorldIndex, Onboarding, User) {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: resource)
        if resource != "contoso" && resource != "contosochina" {
            try await engine.updateAuthorizationPolicy(
                AuthorizationPolicyPatch(allowInvitesFrom: .adminsAndGuestInviters), in: flow.tenant, by: flow.admin)
        }
        try await allowCrossCloud(engine: engine, world: world, address: address, resource: resource)
        let guest = try await flow.invitedAndRedeemed(address)
        try await flow.enableGuestMakers()
        if try await engine.environment(environment).hasDataverse {
            // Dataverse environments only take roles for synced (licensed) users.
            try await flow.setProfile(guest)
            try await flow.license(guest)
        }
        try await engine.assignSecurityRole("Environment Maker", to: guest.id.rawValue, in: environment, by: flow.admin)
        return (engine, world, flow, guest)
    }

    /// Sets up cross-cloud B2B on both sides where the guest's home is in another Entra cloud.
    func allowCrossCloud(engine: TenantEngine, world: WorldIndex, address: String, resource: String) async throws {
        let homeKey = [
            "contoso.com": "contoso", "agency.gov": "gccagency", "high.gov": "highagency", "contoso.cn": "contosochina", "fabrikam.com": "fabrikam",
        ][EmailAddress.domain(of: address)!]
        guard let homeKey else { return }
        let home = try await engine.tenant(homeKey)
        let target = try await engine.tenant(resource)
        guard home.cloud.entraCloud != target.cloud.entraCloud else { return }
        for (side, other) in [(home, target), (target, home)] {
            let key = Onboarding.admins.keys.first { world.tenant($0) == side.id }!
            let admin = Onboarding(engine: engine, world: world, resource: key).admin
            try await engine.updateCrossTenantAccessPolicy(allowedCloudEndpoints: [other.cloud.entraCloud.cloudEndpoint], in: side.id, by: admin)
            try await engine.createCrossTenantPartner(CrossTenantAccessPartner(tenantId: side.id, partnerTenantId: other.id), in: side.id, by: admin)
        }
    }

    @Test("the seed's guest-maker path: member-level access, enableGuestsToMake, Environment Maker, then a canvas app")
    func happyPath() async throws {
        let (engine, _, flow, guest) = try await maker("pat@fabrikam.com", resource: "contoso", environment: "Contoso Apps")
        let app = try await engine.makeApp("Field inspections", kind: .canvas, in: "Contoso Apps", as: "pat@fabrikam.com")
        #expect(app.ownerId == guest.id)
        #expect(try await engine.madeApps(in: app.environmentId).map(\.name) == ["Field inspections"])
        // With a Dataverse licence in contoso and Environment Maker in the Dataverse environment, a
        // Dataverse app works too.
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        try await engine.assignSecurityRole("Environment Maker", to: guest.id.rawValue, in: "Contoso Sales", by: flow.admin)
        let dataverseApp = try await engine.makeApp("Orders", kind: .canvasOnDataverse, in: "Contoso Sales", as: "pat@fabrikam.com")
        #expect(dataverseApp.kind == .canvasOnDataverse)
    }

    @Test("a personal Microsoft account guest can't make apps")
    func msaGuest() async throws {
        let (engine, _, _, _) = try await maker("sam@outlook.com", resource: "contoso", environment: "Contoso Apps")
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("x", kind: .canvas, in: "Contoso Apps", as: "sam@outlook.com")
        }
        #expect(error?.ruleIds == ["pp.maker.msa-cannot-sign-in"])
        #expect(error?.aadsts == 500200)
    }

    @Test("a Dataverse app with a licence assigned only in the home tenant is denied")
    func homeLicenceOnly() async throws {
        let (engine, world) = try await TestWorld.engine()
        let fabrikam = Onboarding(engine: engine, world: world, resource: "fabrikam")
        let pat = try await engine.user("pat@fabrikam.com", in: fabrikam.tenant)
        try await engine.updateUser(pat.id.rawValue, in: fabrikam.tenant, patch: UserPatch(usageLocation: "US"), by: fabrikam.admin)
        try await fabrikam.license(pat)
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        try await flow.enableGuestMakers()
        try await engine.assignSecurityRole("Environment Maker", to: guest.id.rawValue, in: "Contoso Apps", by: flow.admin)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("Orders", kind: .canvasOnDataverse, in: "Contoso Apps", as: "pat@fabrikam.com")
        }
        // Contoso Apps has no Dataverse: a clear input error, not a rule.
        #expect(error?.code == "EnvironmentHasNoDatabase")
        // In the Dataverse environment the role can't even be given before the user is synced, and
        // the sync refuses the home-tenant licence; the maker rule says the same for the app.
        try await flow.addToGroup(guest, "Sales Access")
        let sales = try await engine.environment("Contoso Sales")
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id) == nil)
        let maker = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("Orders", kind: .canvasOnDataverse, in: "Contoso Sales", as: "pat@fabrikam.com")
        }
        #expect(maker?.ruleIds == ["pp.maker.dataverse-license-missing"])
        #expect(maker?.explanation?.contains("HOME tenant Fabrikam") == true)
        let checklist = try await engine.explain("pat@fabrikam.com", in: "Contoso Sales")
        let dataverseApps = checklist.capabilities.first { $0.name == "make Dataverse apps" }
        #expect(dataverseApps?.verdict == .blocked)
        #expect(checklist.steps[3].blockingRule == "pp.dataverse.guest-license-wrong-tenant")
    }

    @Test(
        "guests can't make apps across sovereign clouds",
        arguments: [
            ("pat@fabrikam.com", "gccagency", "Agency Apps", "commercial→GCC"),
            ("officer@agency.gov", "highagency", "High Apps", "GCC→GCC High"),
            ("pat@fabrikam.com", "contosochina", "China Apps", "commercial→China"),
        ])
    func sovereignBoundary(address: String, resource: String, environment: String, pair: String) async throws {
        let (engine, _, _, _) = try await maker(address, resource: resource, environment: environment)
        let error = await denial { () async throws(TenantError) in _ = try await engine.makeApp("x", kind: .canvas, in: environment, as: address) }
        #expect(error?.ruleIds == ["pp.maker.sovereign-boundary"], "\(pair)")
        if pair == "commercial→GCC" {
            #expect(error?.explanation?.contains("same Entra cloud") == true)
        }
    }

    @Test("enabling guest makers in the home tenant only: denied, and the explanation names the resource tenant")
    func homeTenantOnly() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        try await flow.enableGuestMakers(in: "fabrikam")
        try await engine.assignSecurityRole("Environment Maker", to: guest.id.rawValue, in: "Contoso Apps", by: flow.admin)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("x", kind: .canvas, in: "Contoso Apps", as: "pat@fabrikam.com")
        }
        #expect(error?.ruleIds == ["pp.maker.guest-access-not-member-level"])
        #expect(error?.explanation?.contains("RESOURCE tenant Contoso") == true)
        #expect(error?.explanation?.contains("HOME tenant Fabrikam") == true)
        try await engine.updateAuthorizationPolicy(
            AuthorizationPolicyPatch(guestUserRoleId: GuestUserRole.sameAsMembers.rawValue), in: flow.tenant, by: flow.admin)
        let second = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("x", kind: .canvas, in: "Contoso Apps", as: "pat@fabrikam.com")
        }
        #expect(second?.ruleIds == ["pp.maker.guests-cannot-make"])
        #expect(second?.explanation?.contains("RESOURCE tenant Contoso") == true)
        #expect(second?.explanation?.contains("HOME tenant Fabrikam") == true)
    }

    @Test("Environment Maker alone can't build model-driven apps or import solutions")
    func authoringScope() async throws {
        let (engine, _, flow, guest) = try await maker("pat@fabrikam.com", resource: "contoso", environment: "Contoso Apps")
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        try await engine.assignSecurityRole("Environment Maker", to: guest.id.rawValue, in: "Contoso Sales", by: flow.admin)
        _ = try await engine.makeApp("Orders", kind: .canvasOnDataverse, in: "Contoso Sales", as: "pat@fabrikam.com")
        let modelDriven = await denial { () async throws(TenantError) in
            _ = try await engine.makeApp("Orders MDA", kind: .modelDriven, in: "Contoso Sales", as: "pat@fabrikam.com")
        }
        #expect(modelDriven?.ruleIds == ["pp.maker.authoring-scope"])
        let importing = await denial { () async throws(TenantError) in
            try await engine.importSolution("OrdersSolution", into: "Contoso Sales", as: "pat@fabrikam.com")
        }
        #expect(importing?.ruleIds == ["pp.solution.import-export-role"])
        try await engine.assignSecurityRole("System Customizer", to: guest.id.rawValue, in: "Contoso Sales", by: flow.admin)
        try await engine.importSolution("OrdersSolution", into: "Contoso Sales", as: "pat@fabrikam.com")
        try await engine.exportSolution("OrdersSolution", from: "Contoso Sales", as: "pat@fabrikam.com")
    }
}
