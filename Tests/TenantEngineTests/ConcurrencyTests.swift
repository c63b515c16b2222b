import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("One transaction per operation under concurrency")
struct ConcurrencyTests {
    @Test("sixteen concurrent licence assignments never push consumed units past prepaid units")
    func noOversubscription() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        var guestIds: [UserID] = []
        for index in 0..<16 {
            let guest = try await engine.createInvitation(invite("guest\(index)@partner.example"), in: contoso, by: admin).user
            try await engine.updateUser(guest.id.rawValue, in: contoso, patch: UserPatch(usageLocation: "US"), by: admin)
            guestIds.append(guest.id)
        }
        let sku = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        let ids = guestIds
        let outcomes = await withTaskGroup(of: String.self) { group in
            for id in ids {
                group.addTask {
                    do {
                        try await engine.assignLicense(to: id.rawValue, in: contoso, add: [LicenseToAdd(skuId: sku.skuId)], remove: [], by: admin)
                        return "ok"
                    } catch {
                        return (error as? TenantError)?.ruleId ?? "\(error)"
                    }
                }
            }
            var all: [String] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let after = try #require(await engine.sku("POWERAPPS_PER_USER", in: contoso))
        #expect(after.consumedUnits == after.prepaidUnits.enabled)
        #expect(outcomes.filter { $0 == "ok" }.count == sku.availableUnits)
        #expect(outcomes.filter { $0 == "license.assign.no-units" }.count == 16 - sku.availableUnits)
        var assigned = 0
        for id in ids { assigned += try await engine.licenses(of: id).count }
        #expect(assigned == after.consumedUnits)
    }

    @Test("twelve concurrent invitations of one address create exactly one guest")
    func oneGuestPerAddress() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let admin = world.portal("admin@contoso.com", in: "contoso")
        let userIds = try await withThrowingTaskGroup(of: UserID.self) { group in
            for _ in 0..<12 {
                group.addTask { try await engine.createInvitation(invite("pat@fabrikam.com"), in: contoso, by: admin).user.id }
            }
            var ids: [UserID] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(Set(userIds).count == 1)
        let guests = try await engine.users(in: contoso).filter { $0.mail == "pat@fabrikam.com" }
        #expect(guests.count == 1)
        #expect(try await engine.invitations(in: contoso).count == 12)
    }
}
