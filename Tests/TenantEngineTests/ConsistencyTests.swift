import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Realistic consistency: replication lag and the Dataverse background sync, seeded")
struct ConsistencyTests {
    func realisticWorld(seed: UInt64 = 1) async throws -> (TenantEngine, Onboarding) {
        let (engine, world) = try await TestWorld.engine(seed: seed)
        try await engine.setConsistency(.realistic)
        #expect(try await engine.consistency() == .realistic)
        return (engine, Onboarding(engine: engine, world: world, resource: "contoso"))
    }

    @Test("a just-invited guest can't be updated or licensed until it has replicated, within the documented bound")
    func replicationLag() async throws {
        let (engine, flow) = try await realisticWorld()
        let invited = try await engine.createInvitation(invite("pat@fabrikam.com"), in: flow.tenant, by: flow.admin)
        let guest = invited.invitation.invitedUserId
        let update = await denial { () async throws(TenantError) in
            _ = try await engine.updateUser(guest.rawValue, in: flow.tenant, patch: UserPatch(usageLocation: "GB"), by: flow.admin)
        }
        #expect(update?.ruleIds == ["directory.replication.not-yet-visible"])
        #expect(update?.status == 404)
        #expect(update?.code == "Directory_ObjectNotFound")
        let group = try #require(await engine.group(named: "Sales Access", in: flow.tenant))
        let add = await denial { () async throws(TenantError) in
            try await engine.addGroupMember(guest.rawValue, to: group.id, in: flow.tenant, by: flow.admin)
        }
        #expect(add?.code == "Request_ResourceNotFound")
        #expect(add?.message == "Resource '\(guest)' does not exist or one of its queried reference-property objects are not present.")
        // Nothing changed, and after the longest documented delay everything goes through.
        #expect(try await engine.user(id: guest)?.usageLocation == nil)
        _ = try await engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.replication.bounds.upperBound))
        try await engine.updateUser(guest.rawValue, in: flow.tenant, patch: UserPatch(usageLocation: "GB"), by: flow.admin)
        try await engine.addGroupMember(guest.rawValue, to: group.id, in: flow.tenant, by: flow.admin)
    }

    @Test("the Dataverse sync of a qualifying guest is queued, applied once due, and forced at once by addUser")
    func dataverseSyncDelay() async throws {
        let (engine, flow) = try await realisticWorld()
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        _ = try await engine.advanceClock(by: 60)
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        let sales = try await engine.environment("Contoso Sales")
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id) == nil)
        let early = await denial { () async throws(TenantError) in
            try await engine.assignSecurityRole("Basic User", to: guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        }
        #expect(early?.ruleIds == ["pp.dataverse.user-not-yet-synced"])
        #expect(early?.code == "0x80040217")
        // Once the longest sync delay has passed, the next operation finds the user added.
        _ = try await engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.dataverseSync.bounds.upperBound))
        try await engine.settleDataverseSync()
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == false)
        try await engine.assignSecurityRole("Basic User", to: guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)

        // A second guest: forcing the sync adds at once.
        let second = try await flow.invitedAndRedeemed("lee@fabrikam.com")
        _ = try await engine.advanceClock(by: 60)
        try await flow.setProfile(second)
        try await flow.license(second)
        try await flow.addToGroup(second, "Sales Access")
        #expect(try await engine.dataverseUser(for: second.id, in: sales.id) == nil)
        try await engine.addDataverseUser(second.id, to: sales.id.rawValue, by: flow.admin)
        #expect(try await engine.dataverseUser(for: second.id, in: sales.id) != nil)
    }

    @Test("the guest's own first access adds them just in time, without waiting for the sync")
    func firstAccessIsJustInTime() async throws {
        let (engine, flow) = try await realisticWorld()
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        _ = try await engine.advanceClock(by: 60)
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        let sales = try await engine.environment("Contoso Sales")
        let opened = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(opened?.ruleIds == ["pp.access.no-security-role"])
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == false)
    }

    @Test("the same seed gives the same delays; another seed other ones")
    func seeded() async throws {
        func lag(seed: UInt64) async throws -> String {
            let (engine, flow) = try await realisticWorld(seed: seed)
            let invited = try await engine.createInvitation(invite("pat@fabrikam.com"), in: flow.tenant, by: flow.admin)
            let error = await denial { () async throws(TenantError) in
                _ = try await engine.assignLicense(
                    to: invited.invitation.invitedUserId.rawValue, in: flow.tenant, add: [], remove: [], by: flow.admin)
            }
            return error?.explanation ?? ""
        }
        let first = try await lag(seed: 3)
        #expect(first.contains("for another"))
        #expect(try await lag(seed: 3) == first)
        let others = try await [lag(seed: 4), lag(seed: 5), lag(seed: 6)]
        #expect(others.contains { $0 != first })
    }

    @Test("the immediate profile keeps today's behaviour: a new guest is usable at once")
    func immediateProfile() async throws {
        let (engine, world) = try await TestWorld.engine()
        #expect(try await engine.consistency() == .immediate)
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let invited = try await engine.createInvitation(invite("pat@fabrikam.com"), in: flow.tenant, by: flow.admin)
        try await engine.updateUser(invited.invitation.invitedUserId.rawValue, in: flow.tenant, patch: UserPatch(usageLocation: "GB"), by: flow.admin)
    }

    @Test("a changed invite setting reads back at once but applies only after its delay; a denial meanwhile says to wait")
    func settingPropagation() async throws {
        let (engine, flow) = try await realisticWorld()
        try await engine.updateAuthorizationPolicy(AuthorizationPolicyPatch(allowInvitesFrom: AllowInvitesFrom.none), in: flow.tenant, by: flow.admin)
        #expect(try await engine.authorizationPolicy(of: flow.tenant).allowInvitesFrom == AllowInvitesFrom.none)
        // Still in force: the previous value (everyone may invite).
        _ = try await engine.createInvitation(invite("pat@fabrikam.com"), in: flow.tenant, by: flow.admin)
        _ = try await engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.inviteSettings.bounds.upperBound))
        let denied = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(invite("lee@fabrikam.com"), in: flow.tenant, by: flow.admin)
        }
        #expect(denied?.ruleIds == ["b2b.invite.disabled"])
        // Switching back applies after its own delay; a denial in between says the change is on its way.
        try await engine.updateAuthorizationPolicy(AuthorizationPolicyPatch(allowInvitesFrom: .everyone), in: flow.tenant, by: flow.admin)
        let waiting = await denial { () async throws(TenantError) in
            _ = try await engine.createInvitation(invite("lee@fabrikam.com"), in: flow.tenant, by: flow.admin)
        }
        #expect(waiting?.ruleIds == ["b2b.invite.disabled"])
        #expect(waiting?.explanation?.contains("change of allowInvitesFrom") == true)
        #expect(waiting?.explanation?.contains("Wait and retry") == true)
        _ = try await engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.inviteSettings.bounds.upperBound))
        _ = try await engine.createInvitation(invite("lee@fabrikam.com"), in: flow.tenant, by: flow.admin)
    }
}
