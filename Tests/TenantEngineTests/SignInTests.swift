import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Signing in")
struct SignInTests {
    @Test("an account that was never invited gets AADSTS50020")
    func notInTenant() async throws {
        let (engine, world) = try await TestWorld.engine()
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.signIn(account: "pat@fabrikam.com", to: world.tenant("contoso"))
        }
        #expect(error?.ruleIds == ["signin.not-in-tenant"])
        #expect(error?.aadsts == 50020)
    }

    @Test("a disabled user gets AADSTS50057")
    func disabled() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        try await engine.updateUser(
            "member@contoso.com", in: contoso, patch: UserPatch(accountEnabled: false), by: world.portal("admin@contoso.com", in: "contoso"))
        let error = await denial { () async throws(TenantError) in _ = try await engine.signIn(account: "member@contoso.com", to: contoso) }
        #expect(error?.ruleIds == ["signin.user-disabled"])
        #expect(error?.aadsts == 50057)
    }

    @Test("a commercial tenant signed in through the US Government authority gets AADSTS90038")
    func wrongCloud() async throws {
        let (engine, world) = try await TestWorld.engine()
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.signIn(account: "member@contoso.com", to: world.tenant("contoso"), authorityCloud: .usGovernment)
        }
        #expect(error?.ruleIds == ["signin.wrong-cloud"])
        #expect(error?.aadsts == 90038)
    }

    @Test("a personal Microsoft account can't sign in directly to the maker portal")
    func msaMakerPortal() async throws {
        let (engine, _) = try await TestWorld.engine()
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.signIn(account: "sam@outlook.com", to: nil, client: .makerPortal)
        }
        #expect(error?.ruleIds == ["signin.msa-maker-portal"])
        #expect(error?.aadsts == 500200)
    }

    @Test("a member signs in to their home tenant")
    func memberHome() async throws {
        let (engine, world) = try await TestWorld.engine()
        let session = try await engine.signIn(account: "member@contoso.com", to: nil, authorityCloud: .global, client: .makerPortal)
        #expect(session.tenantId == world.tenant("contoso"))
        #expect(session.user.userType == .member)
    }
}
