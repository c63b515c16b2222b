import Foundation
import TenantEngine
import TenantModel
import Testing

@Suite("Dataverse teams: group teams give their roles to the people their membership type includes")
struct DataverseTeamTests {
    /// A licensed guest, direct member of the environment's security group, synced but with no role.
    func syncedGuest() async throws -> (TenantEngine, Onboarding, User, PowerPlatformEnvironment) {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let guest = try await flow.qualifiedGuest("pat@fabrikam.com", in: "Sales Access")
        let sales = try await engine.environment("Contoso Sales")
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id)?.isDisabled == false)
        return (engine, flow, guest, sales)
    }

    func groupTeam(
        _ engine: TenantEngine, _ flow: Onboarding, _ sales: PowerPlatformEnvironment, membership: DataverseTeam.MembershipType
    ) async throws -> DataverseTeam {
        let group = try #require(await engine.group(named: "Sales Access", in: flow.tenant))
        let team = try await engine.createTeam(
            TeamDraft(name: "Sales partners", teamType: .securityGroup, groupId: group.id.rawValue, membershipType: membership),
            in: sales.id.rawValue, by: flow.admin)
        try await engine.assignTeamRole("Basic User", to: team.id, in: sales.id.rawValue, by: flow.admin)
        return team
    }

    @Test("a guest gets a group team's role when its membership type is 'Members and guests'")
    func membersAndGuestsIncludesTheGuest() async throws {
        let (engine, flow, _, sales) = try await syncedGuest()
        let before = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(before?.ruleIds == ["pp.access.no-security-role"])
        let team = try await groupTeam(engine, flow, sales, membership: .membersAndGuests)
        #expect(try await engine.teamRoleNames(in: sales.id)[team.id] == ["Basic User"])
        let access = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com")
        #expect(access.roleNames == ["Basic User"])
    }

    @Test("a 'Members' group team leaves the guest without a role until it is changed to 'Guests'")
    func membersOnlyExcludesTheGuest() async throws {
        let (engine, flow, _, sales) = try await syncedGuest()
        let team = try await groupTeam(engine, flow, sales, membership: .members)
        let denied = await denial { () async throws(TenantError) in _ = try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com") }
        #expect(denied?.ruleIds == ["pp.access.no-security-role"])
        let changed = try await engine.updateTeam(team.id, TeamChanges(membershipType: .guests), in: sales.id.rawValue, by: flow.admin)
        #expect(changed.membershipType == .guests)
        #expect(try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com").roleNames == ["Basic User"])
    }

    @Test("a role of the business unit's default team reaches every Dataverse user, and the default team can't be changed")
    func defaultTeam() async throws {
        let (engine, flow, _, sales) = try await syncedGuest()
        let teams = try await engine.teams(in: sales.id)
        let defaultTeam = try #require(teams.first)
        #expect(defaultTeam.isDefault && defaultTeam.name == "contoso" && defaultTeam.teamType == .owner)
        try await engine.assignTeamRole("Basic User", to: defaultTeam.id, in: sales.id.rawValue, by: flow.admin)
        #expect(try await engine.openEnvironment(sales.id.rawValue, as: "pat@fabrikam.com").roleNames == ["Basic User"])
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.updateTeam(defaultTeam.id, TeamChanges(name: "Renamed"), in: sales.id.rawValue, by: flow.admin)
        }
        #expect(error?.status == 400)
        #expect(error?.code == "0x80041d2b")
    }

    @Test("a member who doesn't administer the environment can't create a team", arguments: ["member@contoso.com", "useradmin@contoso.com"])
    func nonAdministratorDenied(upn: String) async throws {
        let (engine, world) = try await TestWorld.engine()
        let sales = try await engine.environment("Contoso Sales")
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createTeam(TeamDraft(name: "Mine"), in: sales.id.rawValue, by: world.portal(upn, in: "contoso"))
        }
        #expect(error?.status == 403)
        #expect(error?.code == "0x80040220")
        #expect(error?.ruleIds == ["dataverse.record.write-not-allowed"])
        #expect(try await engine.teams(in: sales.id).count == 1)
    }

    @Test("a security-group team must name a security group of the environment's tenant")
    func groupTeamNeedsASecurityGroupOfTheTenant() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let sales = try await engine.environment("Contoso Sales")
        for groupId in [nil, "00000000-0000-0000-0000-000000000000"] as [String?] {
            let error = await denial { () async throws(TenantError) in
                _ = try await engine.createTeam(
                    TeamDraft(name: "Broken", teamType: .securityGroup, groupId: groupId), in: sales.id.rawValue, by: flow.admin)
            }
            #expect(error?.status == 400)
            #expect(error?.code == "0x80040203")
        }
        #expect(try await engine.teams(in: sales.id).count == 1)
    }

    @Test("systemusers: an unlicensed guest is refused by the licence rule; a synced one is a duplicate; a nested member is added")
    func createSystemUser() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let sales = try await engine.environment("Contoso Sales")
        let guest = try await flow.invitedAndRedeemed("pat@fabrikam.com")
        let unlicensed = await denial { () async throws(TenantError) in
            _ = try await engine.createSystemUser(guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        }
        #expect(unlicensed?.ruleIds == ["pp.dataverse.license-missing"])
        #expect(try await engine.dataverseUser(for: guest.id, in: sales.id) == nil)
        try await flow.setProfile(guest)
        try await flow.license(guest)
        try await flow.addToGroup(guest, "Sales Access")
        let again = await denial { () async throws(TenantError) in
            _ = try await engine.createSystemUser(guest.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        }
        #expect(again?.status == 412)
        #expect(again?.code == "0x80040237")
        // A member only through a nested group is not added on demand (pp.dataverse.not-in-security-group).
        let member = try #require(await engine.user(id: world.user("member@contoso.com")))
        try await flow.setProfile(member)
        try await flow.license(member)
        let nested = await denial { () async throws(TenantError) in
            _ = try await engine.createSystemUser(member.id.rawValue, in: sales.id.rawValue, by: flow.admin)
        }
        #expect(nested?.ruleIds == ["pp.dataverse.not-in-security-group"])
    }

    @Test("systemusers: in a trial environment, which doesn't sync on its own, an admin adds a qualifying guest")
    func createSystemUserWhereNothingSyncs() async throws {
        var spec = TestWorld.spec
        spec.tenants[0].environments?.append(
            EnvironmentSpec(name: "Contoso Trial", sku: .trial, dataverse: true, org: "contosotrial", securityGroup: "Sales Access"))
        let engine = try await TenantEngine.inMemory(
            environment: TenantEnvironment(seed: 1, clock: .manual(start: Date(timeIntervalSince1970: 1_735_689_600))))
        let world = try await engine.loadWorld(spec)
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let trial = try await engine.environment("Contoso Trial")
        let guest = try await flow.qualifiedGuest("pat@fabrikam.com", in: "Sales Access")
        #expect(try await engine.dataverseUser(for: guest.id, in: trial.id) == nil)
        let row = try await engine.createSystemUser(guest.id.rawValue, in: trial.id.rawValue, by: flow.admin)
        #expect(row.userId == guest.id && !row.isDisabled && row.accessMode == .readWrite)
        #expect(try await engine.dataverseUser(for: guest.id, in: trial.id) == row)
    }

    @Test("a custom role can be created and renamed; a predefined role keeps its name")
    func customRoles() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let sales = try await engine.environment("Contoso Sales")
        let role = try await engine.createSecurityRole(named: "Partner reviewer", in: sales.id.rawValue, by: flow.admin)
        let renamed = try await engine.renameSecurityRole(role.id, to: "Partner approver", in: sales.id.rawValue, by: flow.admin)
        #expect(renamed.name == "Partner approver")
        let duplicate = await denial { () async throws(TenantError) in
            _ = try await engine.createSecurityRole(named: "Partner approver", in: sales.id.rawValue, by: flow.admin)
        }
        #expect(duplicate?.code == "0x80040237")
        let basic = try #require(await engine.securityRoles(of: sales.id).first { $0.name == "Basic User" })
        let predefined = await denial { () async throws(TenantError) in
            _ = try await engine.renameSecurityRole(basic.id, to: "Basic", in: sales.id.rawValue, by: flow.admin)
        }
        #expect(predefined?.status == 400)
        #expect(try await engine.securityRoles(of: sales.id).contains { $0.name == "Basic User" })
    }
}

@Suite("Power Platform API: role-based access control and applyAdminRole")
struct PlatformRoleTests {
    @Test("an admin assigns an environment role; the holder of owner there may assign at the environment but not the tenant")
    func ownersAssignAtTheirScope() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let sales = try await engine.environment("Contoso Sales")
        let member = world.user("member@contoso.com")
        let environmentScope = PlatformRoleAssignment.environmentScope(sales)
        try await engine.createPlatformRoleAssignment(
            PlatformRoleAssignmentDraft(
                principalObjectId: member.rawValue, principalType: "User", roleDefinitionId: PlatformRoleDefinition.owner.id,
                scope: environmentScope), by: flow.admin)
        let memberCaller = world.portal("member@contoso.com", in: "contoso")
        let inviter = world.user("inviter@contoso.com")
        let assigned = try await engine.createPlatformRoleAssignment(
            PlatformRoleAssignmentDraft(
                principalObjectId: inviter.rawValue, principalType: "User", roleDefinitionId: PlatformRoleDefinition.reader.id,
                scope: environmentScope), by: memberCaller)
        #expect(assigned.scope == environmentScope)
        let error = await denial { () async throws(TenantError) in
            _ = try await engine.createPlatformRoleAssignment(
                PlatformRoleAssignmentDraft(
                    principalObjectId: inviter.rawValue, principalType: "User", roleDefinitionId: PlatformRoleDefinition.reader.id,
                    scope: PlatformRoleAssignment.tenantScope(flow.tenant)), by: memberCaller)
        }
        #expect(error?.status == 403)
        #expect(error?.ruleIds == ["ppapi.rbac.assign-not-allowed"])
        #expect(try await engine.platformRoleAssignments(in: flow.tenant).count == 2)
        #expect(try await engine.platformEnvironments(visibleTo: memberCaller, in: flow.tenant).map(\.id) == [sales.id])
    }

    @Test("applyAdminRole makes a Global administrator System Administrator; a member is refused by pp.admin.not-admin")
    func applyAdminRole() async throws {
        let (engine, world) = try await TestWorld.engine()
        let flow = Onboarding(engine: engine, world: world, resource: "contoso")
        let sales = try await engine.environment("Contoso Sales")
        let denied = await denial { () async throws(TenantError) in
            _ = try await engine.applyAdminRole(in: sales.id.rawValue, by: world.portal("member@contoso.com", in: "contoso"))
        }
        #expect(denied?.ruleIds == ["pp.admin.not-admin"])
        let row = try await engine.applyAdminRole(in: sales.id.rawValue, by: flow.admin)
        #expect(row.userId == world.user("admin@contoso.com"))
        #expect(try await engine.roleNames(of: row.userId, in: sales.id) == ["System Administrator"])
        let app = await denial { () async throws(TenantError) in
            _ = try await engine.applyAdminRole(in: sales.id.rawValue, by: world.app("Onboarding"))
        }
        #expect(app?.status == 400)
        #expect(app?.code == "UserTokenRequired")
    }
}
