import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Sharing and running canvas apps (§3.3)")
struct CanvasAppTests {
    @Test("a guest runs a shared canvas app with a Power Apps licence from the same-cloud home tenant, not before it is shared")
    func shareAndRun() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        try await engine.updateUser("member@contoso.com", in: flow.tenant, patch: UserPatch(usageLocation: "US"), by: flow.admin)
        let member = try await engine.user("member@contoso.com", in: flow.tenant)
        try await flow.license(member)
        try await engine.assignSecurityRole("Environment Maker", to: member.id.rawValue, in: "Contoso Apps", by: flow.admin)
        let app = try await engine.makeApp("Timesheets", kind: .canvas, in: "Contoso Apps", as: "member@contoso.com")
        _ = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        let unshared = await denial { () async throws(TenantError) in
            try await engine.runCanvasApp(app.id.rawValue, in: "Contoso Apps", as: "pat@fabrikam.com")
        }
        #expect(unshared?.ruleIds == ["pp.app.not-shared"])
        try await engine.shareCanvasApp("Timesheets", in: "Contoso Apps", with: "pat@fabrikam.com", as: "member@contoso.com")
        let unlicensed = await denial { () async throws(TenantError) in
            try await engine.runCanvasApp("Timesheets", in: "Contoso Apps", as: "pat@fabrikam.com")
        }
        #expect(unlicensed?.ruleIds == ["pp.app.license-missing"])
        // A Power Apps licence in the guest's home tenant (same cloud) counts for a canvas app.
        let fabrikam = Onboarding(engine: engine, world: world, resource: "fabrikam")
        let pat = try await engine.user("pat@fabrikam.com", in: fabrikam.tenant)
        try await engine.updateUser(pat.id.rawValue, in: fabrikam.tenant, patch: UserPatch(usageLocation: "GB"), by: fabrikam.admin)
        try await fabrikam.license(pat)
        try await engine.runCanvasApp("Timesheets", in: "Contoso Apps", as: "pat@fabrikam.com")
    }
}
