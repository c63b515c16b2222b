import TenantModel
import TenantRules
import Testing

@Suite("directory.group.update-not-allowed")
struct GroupUpdateNotAllowedRuleTests {
    let rule = GroupUpdateNotAllowedRule()

    func adding(by caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: caller, permission: GraphPermissions.changeGroupMembers, summary: "add Pat Guest to the Sales environment security group")
    }

    /// A change to `group` by `caller`, who may own it.
    func changing(_ group: Group, by caller: CallerFacts, owner: Bool = false) -> DirectoryChangeContext {
        DirectoryChangeContext(
            caller: caller, permission: GraphPermissions.changeGroupMembers, tenant: Fixtures.contoso(),
            summary: "add Pat Guest to '\(group.displayName)'",
            group: group, callerOwnsGroup: owner)
    }

    static func microsoft365Group() -> Group {
        Group(
            id: GroupID("0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f"), tenantId: Fixtures.contoso().id, displayName: "Partner Project",
            mailNickname: "PartnerProject",
            mailEnabled: true, securityEnabled: false, groupTypes: ["Unified"], createdDateTime: Fixtures.now)
    }

    @Test(
        "every role on Graph's Add members page may change group membership",
        arguments: [
            DirectoryRoleTemplate.userAdministrator, .globalAdministrator, .directoryWriters, .groupsAdministrator, .identityGovernanceAdministrator,
        ])
    func groupAdminPermitted(role: DirectoryRoleTemplate) {
        let context = adding(by: Fixtures.user([role], scopes: ["GroupMember.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.addGroupMember.decide(context), including: "directory.group.update-not-allowed")
    }

    @Test("an owner of the group may change its members without a directory role")
    func ownerPermitted() {
        let context = changing(Fixtures.salesUsersGroup(), by: Fixtures.user([], scopes: ["GroupMember.ReadWrite.All"]), owner: true)
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .permit)
        #expect(outcome.facts.contains(Fact("caller.ownsGroup", true)))
        expectPermitted(OperationRules.addGroupMember.decide(context), including: "directory.group.update-not-allowed")
    }

    @Test("a member who doesn't own the group is denied, and told an owner may also do it")
    func nonOwnerDenied() {
        let context = changing(Fixtures.salesUsersGroup(), by: Fixtures.user([], scopes: ["GroupMember.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.addGroupMember.decide(context)
        expectDenied(decision, by: "directory.group.update-not-allowed", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.hasSuffix("An owner of 'Sales environment users' may also make the change."))
        #expect(decision.facts.contains(Fact("caller.ownsGroup", false)))
    }

    @Test("an Intune Administrator may change a security group's members but not a Microsoft 365 group's")
    func intuneAdministratorSecurityGroupsOnly() {
        let intune = Fixtures.user([.intuneAdministrator], scopes: ["GroupMember.ReadWrite.All"])
        #expect(rule.evaluate(changing(Fixtures.salesUsersGroup(), by: intune)).effect == .permit)
        #expect(rule.evaluate(changing(Self.microsoft365Group(), by: intune)).effect == .forbid)
    }

    @Test("a Guest Inviter may not add a guest to a security group")
    func guestInviterDenied() {
        let context = adding(by: Fixtures.user([.guestInviter], scopes: ["GroupMember.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.addGroupMember.decide(context)
        expectDenied(
            decision, by: "directory.group.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("To add Pat Guest to the Sales environment security group"))
        #expect(decision.explanation.contains("in Contoso"))
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["GroupMember.ReadWrite.All"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = adding(by: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.addGroupMember.decide(context))
    }
}
