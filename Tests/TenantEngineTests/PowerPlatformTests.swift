import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Power Platform: Dataverse users, security roles and access")
struct PowerPlatformTests {
    @Test("a licensed guest in the security group is synced to Dataverse, then needs a role to open the environment")
    func licenceGroupRoleThenAccess() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        let sales = try await engine.environment("Contoso Sales")
        #expect(sales.instanceURL == "https://contoso.crm.dynamics.com")

        // Not licensed: open is denied by the licence rule, and nothing is synced.
        var error = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(error?.ruleIds == ["pp.dataverse.license-missing"])
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id) == nil)

        try await flow.setProfile(guest)
        try await flow.license(guest)
        // Licensed but only a nested member of the environment's group: not pre-provisioned by the sync…
        try await flow.addToGroup(guest, "Contoso Partners")
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id) == nil)
        // …but added at her first access (Microsoft's "Control user access" page, 2024), which then
        // stops at the missing security role; the add stands.
        error = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(error?.ruleIds == ["pp.access.no-security-role"])
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == false)

        try await flow.addToGroup(guest, "Sales Access")
        let row = try #require(await engine.dataverseUser(for: guest.id, in: sales.id))
        #expect(!row.isDisabled)
        error = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(error?.ruleIds == ["pp.access.no-security-role"])

        try await engine.assignSecurityRole("Basic User", to: guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        let access = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com")
        #expect(access.roleNames == ["Basic User"])
        #expect(access.url == "https://contoso.crm.dynamics.com")
    }

    @Test("losing the licence disables the Dataverse user, and roles can't be assigned to a disabled user")
    func disabledNeverDeleted() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        let sales = try await engine.environment("contoso")
        let sku = try #require(await engine.sku("POWERAPPS_PER_USER", in: flow.tenant))
        try await engine.assignLicense(to: guest.id.rawValue, in: flow.tenant, add: [], remove: [sku.skuId], by: flow.admin)
        let row = try #require(await engine.dataverseUser(for: guest.id, in: sales.id))
        #expect(row.isDisabled)
        #expect(row.disabledReason?.hasPrefix("pp.dataverse.license-missing") == true)
        let error = await denial { () async throws(TenantError) in
            try await engine.assignSecurityRole("Basic User", to: guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        }
        #expect(error?.ruleIds == ["pp.role.assign-disabled-user"])
        #expect(error?.status == 400)
        // Disabling the account in Entra also disables; re-licensing re-enables.
        try await flow.license(guest)
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == false)
        try await engine.updateUser(guest.id.rawValue, in: flow.tenant, patch: UserPatch(accountEnabled: false), by: flow.admin)
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == true)
        #expect(try await engine.dataverseUsers(in: sales.id).count >= 1)
    }

    @Test("a guest's licence from the home tenant doesn't count for Dataverse")
    func homeLicenceDoesNotCount() async throws {
        let (engine, world) = try await TestWorld.engine()
        let fabrikam = Onboarding(engine: engine, world: world, resource: "fabrikam")
        let pat = try await engine.user("pat@fabrikam.com", in: world.tenant("fabrikam"))
        try await engine.updateUser(pat.id.rawValue, in: fabrikam.tenant, patch: UserPatch(usageLocation: "US"), by: fabrikam.admin)
        try await fabrikam.license(pat)
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        try await flow.addToGroup(guest, "Sales Access")
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.addDataverseUser(guest.id, to: "Contoso Sales", by: flow.admin)
        }
        #expect(error?.ruleIds == ["pp.dataverse.guest-license-wrong-tenant"])
        #expect(error?.explanation?.contains("RESOURCE tenant") == true)
    }

    @Test("global admins are synced without a licence or group membership, in administrative mode")
    func adminsExempt() async throws {
        let (engine, world) = try await TestWorld.engine()
        let sales = try await engine.environment("Contoso Sales")
        let row = try #require(await engine.dataverseUser(for: world.user("admin@contoso.com"), in: sales.id))
        #expect(row.accessMode == .administrative)
        #expect(try await engine.dataverseUser(for: world.user("member@contoso.com"), in: sales.id) == nil)
    }

    @Test("environments without Dataverse offer Environment Admin and Environment Maker; with Dataverse the four roles")
    func rolesPerEnvironment() async throws {
        let (engine, _) = try await TestWorld.engine()
        let apps = try await engine.environment("Contoso Apps")
        let sales = try await engine.environment("Contoso Sales")
        #expect(try await engine.securityRoles(of: apps.id).map(\.name).sorted() == ["Environment Admin", "Environment Maker"])
        #expect(
            try await engine.securityRoles(of: sales.id).map(\.name).sorted() == [
                "Basic User", "Environment Maker", "System Administrator", "System Customizer",
            ])
        let defaults = try await engine.environments(in: sales.tenantId)
        #expect(defaults.first?.id.rawValue == "Default-\(sales.tenantId)")
    }

    @Test("tenant settings start from the documented defaults and update by deep merge, admins only")
    func tenantSettings() async throws {
        let (engine, world) = try await TestWorld.engine()
        let contoso = world.tenant("contoso")
        let before = try await engine.tenantSettings(of: contoso)
        #expect(!before.enableGuestsToMake)
        #expect(before.document[path: "powerPlatform.powerApps.disableShareWithEveryone"] == .bool(false))
        let patch: JSONValue = .object(["powerPlatform": .object(["powerApps": .object(["enableGuestsToMake": .bool(true)])])])
        let error = await denial { () async throws(TenantError) in
            try await engine.updateTenantSettings(patch, in: contoso, by: world.portal("useradmin@contoso.com", in: "contoso"))
        }
        #expect(error?.ruleIds == ["pp.settings.admin-required"])
        #expect(error?.status == 403)
        let after = try await engine.updateTenantSettings(patch, in: contoso, by: world.portal("admin@contoso.com", in: "contoso"))
        #expect(after.enableGuestsToMake)
        #expect(after.document[path: "powerPlatform.powerApps.disableShareWithEveryone"] == .bool(false))
        #expect(after.document[path: "walkMeOptOut"] == .bool(false))
    }

    @Test("notifying the guest puts the environment URL in the outbox")
    func notify() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        let message = try await engine.notifyUser(guest.id.rawValue, about: "Contoso Sales", by: flow.admin)
        #expect(message.url == "https://contoso.crm.dynamics.com")
        #expect(try await engine.outbox(to: "pat@fabrikam.com").last?.body.contains("https://contoso.crm.dynamics.com") == true)
    }
}
