import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Redemption picks the identity provider in the documented order")
struct RedemptionTests {
    func invited(_ address: String) async throws -> (TenantEngine, WorldIndex, InvitationResult) {
        let (engine, world) = try await TestWorld.engine()
        let result = try await engine.createInvitation(
            invite(address), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        return (engine, world, result)
    }

    @Test("a personal Microsoft account redeems as MicrosoftAccount")
    func msa() async throws {
        let (engine, _, result) = try await invited("sam@outlook.com")
        let redeemed = try await engine.redeemInvitation(result.invitation.ticket)
        #expect(redeemed.identityProvider == "MicrosoftAccount")
        #expect(redeemed.user.personalAccountId != nil)
    }

    @Test("an address with no account redeems with an email one-time passcode")
    func otp() async throws {
        let (engine, _, result) = try await invited("someone@unknown-partner.com")
        let redeemed = try await engine.redeemInvitation(result.invitation.ticket)
        #expect(redeemed.identityProvider == "mail")
    }

    @Test("with one-time passcode off, the guest creates a Microsoft account")
    func createsMSA() async throws {
        var spec = TestWorld.spec
        spec.tenants[0].emailOneTimePasscode = false
        let engine = try await TenantEngine.inMemory()
        let world = try await engine.loadWorld(spec)
        let result = try await engine.createInvitation(
            invite("someone@unknown-partner.com"), in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        let redeemed = try await engine.redeemInvitation(result.invitation.ticket)
        #expect(redeemed.identityProvider == "MicrosoftAccount")
        #expect(try await engine.personalAccounts().contains { $0.email == "someone@unknown-partner.com" })
    }

    @Test("a pending invitation can't be redeemed once the domain is blocked")
    func blockedWhilePending() async throws {
        let (engine, world, result) = try await invited("pat@fabrikam.com")
        try await engine.setCollaborationRestrictions(
            allowedDomains: nil, blockedDomains: ["fabrikam.com"], in: world.tenant("contoso"), by: world.portal("admin@contoso.com", in: "contoso"))
        let error = await denial { () async throws(TenantError) in _ = try await engine.redeemInvitation(result.invitation.ticket) }
        #expect(error?.ruleIds == ["b2b.redeem.domain-blocked"])
        let user = try await engine.user(result.user.id.rawValue, in: world.tenant("contoso"))
        #expect(user.externalUserState == .pendingAcceptance)
    }

    @Test("the home tenant's outbound block stops redemption with AADSTS500212")
    func outboundBlockAtRedemption() async throws {
        let (engine, world, result) = try await invited("pat@fabrikam.com")
        try await engine.updateCrossTenantDefault(
            CrossTenantAccessSettings(b2bCollaborationOutbound: .blockAll), in: world.tenant("fabrikam"),
            by: world.portal("admin@fabrikam.com", in: "fabrikam"))
        let error = await denial { () async throws(TenantError) in _ = try await engine.redeemInvitation(result.invitation.ticket) }
        #expect(error?.ruleIds == ["b2b.redeem.cross-tenant-blocked"])
        #expect(error?.aadsts == 500212)
        #expect(error?.explanation?.contains("Fabrikam") == true)
    }

    @Test("a pending guest signing in is redeemed just in time")
    func justInTime() async throws {
        let (engine, world, _) = try await invited("pat@fabrikam.com")
        let session = try await engine.signIn(account: "pat@fabrikam.com", to: world.tenant("contoso"))
        #expect(session.user.externalUserState == .accepted)
        #expect(session.notes.contains { $0.contains("just-in-time") })
    }

    @Test("reset redemption keeps the object id and goes back to pending")
    func resetRedemption() async throws {
        let (engine, world, result) = try await invited("pat@fabrikam.com")
        _ = try await engine.redeemInvitation(result.invitation.ticket)
        var request = invite("pat.new@fabrikam.com")
        request.resetRedemption = true
        request.invitedUserId = result.user.id
        let reset = try await engine.createInvitation(request, in: world.tenant("contoso"), by: world.portal("useradmin@contoso.com", in: "contoso"))
        #expect(reset.user.id == result.user.id)
        #expect(reset.user.userPrincipalName == result.user.userPrincipalName)
        #expect(reset.user.externalUserState == .pendingAcceptance)
        #expect(reset.invitation.resetRedemption)
        // The old link no longer works.
        let error = await denial { () async throws(TenantError) in _ = try await engine.redeemInvitation(result.invitation.ticket) }
        #expect(error?.code == "InvalidTicket" || error?.ruleIds.isEmpty == false)
    }
}
