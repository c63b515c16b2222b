import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Cross-tenant access and cross-cloud B2B at invitation time")
struct CrossTenantTests {
    @Test("the resource tenant's inbound block denies the invitation with Microsoft's text")
    func inboundBlock() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        try await engine.createCrossTenantPartner(
            CrossTenantAccessPartner(
                tenantId: contoso, partnerTenantId: world.tenant("fabrikam"), settings: CrossTenantAccessSettings(b2bCollaborationInbound: .blockAll)),
            in: contoso, by: admin)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(invite("pat@fabrikam.com"), in: contoso, by: admin)
        }
        #expect(error?.ruleIds == ["b2b.invite.cross-tenant-blocked"])
        #expect(error?.message.hasPrefix("This invitation is blocked by cross-tenant access settings.") == true)
        #expect(error?.explanation?.contains("RESOURCE tenant") == true)
    }

    @Test("a partner entry can allow one user while the default blocks everyone")
    func targetedAllow() async throws {
        let (engine, world) = try await TestWorld.engine()
        let fabrikam = world.tenant("fabrikam")
        let fabrikamAdmin = world.portal("admin@fabrikam.com", in: "fabrikam")
        try await engine.updateCrossTenantDefault(CrossTenantAccessSettings(b2bCollaborationOutbound: .blockAll), in: fabrikam, by: fabrikamAdmin)
        let onlyPat = CrossTenantB2BSetting(
            usersAndGroups: .init(accessType: .allowed, targets: [.init(target: world.user("pat@fabrikam.com").rawValue, targetType: "user")]),
            applications: .init(accessType: .allowed, targets: [.allApplications]))
        try await engine.createCrossTenantPartner(
            CrossTenantAccessPartner(
                tenantId: fabrikam, partnerTenantId: world.tenant("contoso"), settings: CrossTenantAccessSettings(b2bCollaborationOutbound: onlyPat)),
            in: fabrikam, by: fabrikamAdmin)
        let contosoAdmin = world.portal("admin@contoso.com", in: "contoso")
        _ = try await engine.createInvitation(invite("pat@fabrikam.com"), in: world.tenant("contoso"), by: contosoAdmin)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(invite("admin@fabrikam.com"), in: world.tenant("contoso"), by: contosoAdmin)
        }
        #expect(error?.ruleIds == ["b2b.invite.cross-tenant-blocked"])
        #expect(error?.explanation?.contains("HOME tenant") == true)
    }

    @Test("inviting a China user into a commercial tenant needs cloud settings and partners on both sides")
    func crossCloud() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let china = world.tenant("contosochina")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        let chinaAdmin = world.portal("li@contoso.cn", in: "contosochina")
        func attempt() async -> TenantError? {
            await denial { () async throws(TenantError) in _ = try await engine.createInvitation(invite("li@contoso.cn"), in: contoso, by: admin) }
        }
        #expect(await attempt()?.ruleIds == ["b2b.invite.cross-cloud-not-enabled"])
        try await engine.updateCrossTenantAccessPolicy(allowedCloudEndpoints: ["partner.microsoftonline.cn"], in: contoso, by: admin)
        try await engine.createCrossTenantPartner(CrossTenantAccessPartner(tenantId: contoso, partnerTenantId: china), in: contoso, by: admin)
        let halfway = await attempt()
        #expect(halfway?.ruleIds == ["b2b.invite.cross-cloud-not-enabled"])
        #expect(halfway?.explanation?.contains("HOME tenant Contoso China") == true)
        try await engine.updateCrossTenantAccessPolicy(allowedCloudEndpoints: ["microsoftonline.com"], in: china, by: chinaAdmin)
        try await engine.createCrossTenantPartner(CrossTenantAccessPartner(tenantId: china, partnerTenantId: contoso), in: china, by: chinaAdmin)
        #expect(await attempt() == nil)
    }

    @Test("Government and China tenants can never collaborate")
    func governmentChina() async throws {
        let (engine, world) = try await TestWorld.engine()
        let high = world.tenant("highagency")
        let officer = world.portal("officer@high.gov", in: "highagency")
        try await engine.updateAuthorizationPolicy(AuthorizationPolicyPatch(allowInvitesFrom: .adminsAndGuestInviters), in: high, by: officer)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(invite("li@contoso.cn"), in: high, by: officer)
        }
        #expect(error?.ruleIds == ["b2b.invite.cross-cloud-not-enabled"])
        #expect(error?.explanation?.contains("not supported at all") == true)
    }

    @Test("GCC and commercial share Entra, so B2B between them needs no cloud settings")
    func gccIsSameEntraCloud() async throws {
        let (engine, world) = try await TestWorld.engine()
        let result = try await engine.createInvitation(
            invite("officer@agency.gov"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        #expect(try await engine.redeemInvitation(result.invitation.ticket).identityProvider == "ExternalAzureAD")
    }

    @Test("conflicting users and applications settings are refused")
    func conflicting() async throws {
        let (engine, world) = try await TestWorld.engine()
        let conflicting = CrossTenantB2BSetting(
            usersAndGroups: .init(accessType: .blocked, targets: [.allUsers]), applications: .init(accessType: .allowed, targets: [.allApplications]))
        let error = await denial { () async throws(TenantError) in
            try await engine.updateCrossTenantDefault(
                CrossTenantAccessSettings(b2bCollaborationInbound: conflicting), in: world.tenant("contoso"),
                by: world.portal("admin@contoso.com", in: "contoso"))
        }
        #expect(error?.ruleIds == ["policy.cross-tenant.conflicting-targets"])
        #expect(error?.status == 400)
    }
}
