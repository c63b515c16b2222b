import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Bad input gets a clear error and changes nothing")
struct BadInputTests {
    @Test("an invalid email address is denied and the state is unchanged")
    func invalidEmail() async throws {
        let (engine, world) = try await TestWorld.engine()
        let before = try await engine.dump()
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(
                invite("pat(at)fabrikam.com"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        }
        #expect(error?.ruleIds == ["b2b.invite.email-invalid"])
        #expect(error?.status == 400)
        #expect(try await engine.dump() == before)
    }

    @Test("an unknown SKU is denied and the state is unchanged")
    func unknownSku() async throws {
        let (engine, world) = try await TestWorld.engine()
        let before = try await engine.dump()
        let error = await denial { () async throws(TenantError) in
            try await engine.assignLicense(
                to: "member@contoso.com", in: world.tenant("contoso"), add: [LicenseToAdd(skuId: "00000000-0000-0000-0000-0000000000aa")],
                remove: [], by: world.portal("admin@contoso.com", in: "contoso"))
        }
        #expect(error?.ruleIds == ["license.assign.unknown-sku"])
        #expect(error?.code == "Request_BadRequest")
        #expect(try await engine.dump() == before)
    }

    @Test("an unknown user answers Graph's 404 and the state is unchanged")
    func unknownUser() async throws {
        let (engine, world) = try await TestWorld.engine()
        let before = try await engine.dump()
        let error = await denial { () async throws(TenantError) in
            try await engine.updateUser(
                "nobody@contoso.com", in: world.tenant("contoso"), patch: UserPatch(usageLocation: "US"),
                by: world.portal("admin@contoso.com", in: "contoso"))
        }
        #expect(error?.status == 404)
        #expect(error?.code == "Request_ResourceNotFound")
        #expect(error?.message == "Resource 'nobody@contoso.com' does not exist or one of its queried reference-property objects are not present.")
        #expect(try await engine.dump() == before)
    }

    @Test("a malformed usage location is denied and the state is unchanged", arguments: ["USA", "United States", "zz", "1"])
    func malformedUsageLocation(value: String) async throws {
        let (engine, world) = try await TestWorld.engine()
        let before = try await engine.dump()
        let error = await denial { () async throws(TenantError) in
            try await engine.updateUser(
                "member@contoso.com", in: world.tenant("contoso"), patch: UserPatch(usageLocation: value),
                by: world.portal("admin@contoso.com", in: "contoso"))
        }
        #expect(error?.ruleIds == ["directory.user.usage-location-invalid"])
        #expect(error?.status == 400)
        #expect(try await engine.dump() == before)
    }

    @Test("a bad world spec loads nothing")
    func badWorld() async throws {
        let engine = try await TenantEngine.inMemory()
        let before = try await engine.dump()
        var spec = TestWorld.spec
        spec.tenants[1].users?.append(UserSpec(upn: "bad", roles: ["Chief Wizard"]))
        let error = await denial { () async throws(TenantError) in _ = try await engine.loadWorld(spec) }
        #expect(error?.status == 400)
        #expect(error?.message.contains("Chief Wizard") == true)
        #expect(try await engine.dump() == before)
    }
}
