import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Explain: the onboarding checklist of rules.md §10")
struct ExplainTests {
    static var golden: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    /// Compares with a golden file; `TENANTSIM_UPDATE_GOLDEN=1` rewrites it.
    func expectGolden(_ text: String, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TENANTSIM_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "explain output differs from Golden/\(name); rerun with TENANTSIM_UPDATE_GOLDEN=1 to accept")
    }

    @Test("a guest halfway through (licensed and synced, no security role) sees done steps, missing steps and the blocking rule")
    func halfway() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        let checklist = try await engine.explain("pat@fabrikam.com", in: "Contoso Sales")
        #expect(checklist.steps.map(\.status) == [.done, .done, .done, .done, .done, .done, .missing, .missing])
        #expect(checklist.nextStep?.blockingRule == "pp.access.no-security-role")
        #expect(checklist.capabilities.first { $0.name == "open the environment" }?.blockingRule == "pp.access.no-security-role")
        try expectGolden(checklist.render(), "explain-licensed-no-role.txt")
    }

    @Test("an invitee who hasn't redeemed yields not-enough-information for identity-dependent maker checks")
    func pendingGuestIsUnknown() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        _ = try await engine.createInvitation(invite("pat@fabrikam.com"), in: flow.tenant, by: flow.admin)
        try await flow.enableGuestMakers()
        let checklist = try await engine.explain("pat@fabrikam.com", in: "Contoso Apps")
        #expect(checklist.steps[1].status == .missing)
        #expect(checklist.makerSteps.last?.status == .notEnoughInformation)
    }

    @Test("someone never invited is blocked at sign-in for every capability")
    func neverInvited() async throws {
        let (engine, _) = try await TestWorld.engine()
        let checklist = try await engine.explain("stranger@fabrikam.com", in: "Contoso Sales")
        #expect(checklist.steps.first?.status == .missing)
        #expect(checklist.capabilities.allSatisfy { $0.blockingRule == "signin.not-in-tenant" })
    }

    @Test("the rendered checklist prints each explanation once, and no empty guest-maker header")
    func explanationsOnce() async throws {
        let (engine, _) = try await TestWorld.engine()
        let checklist = try await engine.explain("stranger@fabrikam.com", in: "Contoso Sales")
        let text = checklist.render()
        let explanations = Set(checklist.capabilities.compactMap(\.explanation) + checklist.steps.compactMap(\.explanation))
        #expect(!explanations.isEmpty)
        for explanation in explanations {
            #expect(text.components(separatedBy: explanation).count - 1 == 1, "printed more than once: \(explanation)")
        }
        #expect(text.contains("(explained above)"))
        #expect(checklist.makerSteps.isEmpty == !text.contains("Guest maker track"))
    }
}
