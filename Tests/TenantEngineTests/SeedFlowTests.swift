import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("The seed's onboarding flow, in process")
struct SeedFlowTests {
    @Test("a user administrator invites pat, pat redeems, licence waits for usage location, then succeeds")
    func seedFlow() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let userAdmin = world.portal("useradmin@contoso.com", in: "contoso")

        // 1. A User Administrator in contoso invites pat@fabrikam.com.
        let invited = try await engine.createInvitation(invite("pat@fabrikam.com"), in: contoso, by: userAdmin)
        #expect(invited.user.userType == .guest)
        #expect(invited.user.creationType == .invitation)
        #expect(invited.user.externalUserState == .pendingAcceptance)
        #expect(invited.user.userPrincipalName == "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com")
        #expect(invited.invitation.status == .pendingAcceptance)
        #expect(invited.invitation.inviteRedeemUrl.hasPrefix("https://login.microsoftonline.com/redeem?rd="))

        // 2. Pat redeems with the fabrikam (ExternalAzureAD) identity.
        let redeemed = try await engine.redeemInvitation(invited.invitation.inviteRedeemUrl)
        #expect(redeemed.identityProvider == "ExternalAzureAD")
        #expect(redeemed.user.externalUserState == .accepted)
        #expect(redeemed.user.homeTenantId == world.tenant("fabrikam"))
        #expect(redeemed.user.identities.contains { $0.issuer == "ExternalAzureAD" })

        // 3. Assigning a licence fails: no usage location.
        let sku = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        let error = await denial { () async throws(TenantError) in
            try await engine.assignLicense(
                to: invited.user.id.rawValue, in: contoso, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: userAdmin)
        }
        #expect(error?.status == 400)
        #expect(error?.code == "Request_BadRequest")
        #expect(error?.message == "License assignment cannot be done for user with invalid usage location.")
        #expect(error?.ruleIds == ["license.assign.usage-location-missing"])

        // 4. Set usageLocation to US.
        try await engine.updateUser(invited.user.id.rawValue, in: contoso, patch: UserPatch(usageLocation: "US"), by: userAdmin)

        // 5. The licence is assigned and consumedUnits grows by one.
        try await engine.assignLicense(to: invited.user.id.rawValue, in: contoso, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: userAdmin)
        let after = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        #expect(after.consumedUnits == sku.consumedUnits + 1)
        #expect(try await engine.licenses(of: invited.user.id).map(\.skuId) == [sku.skuId])

        // The journal holds the whole story, including the denial.
        let journal = try await engine.journal()
        #expect(journal.map(\.operation).suffix(5) == ["createInvitation", "redeemInvitation", "assignLicense", "updateUser", "assignLicense"])
        #expect(journal.first { $0.outcome == .denied }?.ruleIds == ["license.assign.usage-location-missing"])
    }

    @Test("a License Administrator sets a guest's usage location and licenses them, but can't rename them")
    func licenseAdministratorFlow() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let invited = try await engine.createInvitation(
            invite("pat@fabrikam.com"), in: contoso, by: world.portal("useradmin@contoso.com", in: "contoso"))
        let licenseAdmin = world.portal("licenseadmin@contoso.com", in: "contoso")
        let updated = try await engine.updateUser(invited.user.id.rawValue, in: contoso, patch: UserPatch(usageLocation: "GB"), by: licenseAdmin)
        #expect(updated.usageLocation == "GB")
        let renamed = await denial { () async throws(TenantError) in
            _ = try await engine.updateUser(invited.user.id.rawValue, in: contoso, patch: UserPatch(displayName: "Pat"), by: licenseAdmin)
        }
        #expect(renamed?.status == 403)
        #expect(renamed?.ruleIds == ["directory.user.update-not-allowed"])
        let sku = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        try await engine.assignLicense(to: invited.user.id.rawValue, in: contoso, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: licenseAdmin)
        #expect(try await engine.licenses(of: invited.user.id).map(\.skuId) == [sku.skuId])
    }

    @Test("re-inviting an existing guest returns the same user and creates no second account")
    func reinviteReturnsSameUser() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        let first = try await engine.createInvitation(invite("pat@fabrikam.com"), in: contoso, by: admin)
        _ = try await engine.redeemInvitation(first.invitation.ticket)
        let second = try await engine.createInvitation(invite("PAT@fabrikam.com"), in: contoso, by: admin)
        #expect(second.user.id == first.user.id)
        #expect(second.reusedExistingUser)
        #expect(second.invitation.status == .completed)
        let guests = try await engine.users(in: contoso).filter { $0.isGuest }
        #expect(guests.count == 1)
    }

    @Test("sending the invitation message puts the redeem URL in the outbox")
    func invitationMessageGoesToOutbox() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        var request = invite("pat@fabrikam.com", send: true)
        request.invitedUserMessageInfo = InvitedUserMessageInfo(customizedMessageBody: "Welcome to the Contoso project!")
        let result = try await engine.createInvitation(request, in: contoso, by: world.portal("admin@contoso.com", in: "contoso"))
        let messages = try await engine.outbox(to: "pat@fabrikam.com")
        #expect(messages.count == 1)
        #expect(messages.first?.url == result.invitation.inviteRedeemUrl)
        #expect(messages.first?.from == "Invites@microsoft.com")
        #expect(messages.first?.body.contains("Welcome to the Contoso project!") == true)
    }

    @Test("an app-only invitation drops the customised message, as Microsoft does")
    func appOnlyDropsCustomMessage() async throws {
        let (engine, world) = try await TestWorld.engine()
        var request = invite("pat@fabrikam.com", send: true)
        request.invitedUserMessageInfo = InvitedUserMessageInfo(customizedMessageBody: "Secret welcome text")
        _ = try await engine.createInvitation(
            request, in: world.tenant("contoso"), by: world.app("Onboarding", permissions: ["User.Invite.All"]))
        let message = try #require(await engine.outbox(to: "pat@fabrikam.com").first)
        #expect(!message.body.contains("Secret welcome text"))
    }

    @Test("invitations to a GCC High (Azure Government) tenant are off by default")
    func governmentDefaultsToNone() async throws {
        let (engine, world) = try await TestWorld.engine()
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(
                invite("officer@agency.gov"), in: world.tenant("highagency"), by: world.portal("officer@high.gov", in: "highagency"))
        }
        #expect(error?.ruleIds == ["b2b.invite.disabled"])
        #expect(error?.status == 403)
        #expect(error?.message == "Guest invitations not allowed for your company. Contact your company administrator for more details.")
    }
}
