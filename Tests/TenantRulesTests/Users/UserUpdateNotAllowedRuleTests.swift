import TenantModel
import TenantRules
import Testing

@Suite("directory.user.update-not-allowed")
struct UserUpdateNotAllowedRuleTests {
    let rule = UserUpdateNotAllowedRule()

    @Test(
        "a User Administrator may set a guest's name and usage location",
        arguments: [
            DirectoryRoleTemplate.userAdministrator, .globalAdministrator,
        ])
    func userAdminPermitted(role: DirectoryRoleTemplate) {
        let context = Fixtures.userUpdate(caller: Fixtures.user([role], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.updateUser.decide(context), including: "directory.user.update-not-allowed")
    }

    @Test("a License Administrator may set a guest's usage location, and nothing else")
    func licenseAdministratorSetsUsageLocation() {
        let caller = Fixtures.user([.licenseAdministrator], scopes: ["User.ReadWrite.All"])
        let usageLocation = Fixtures.userUpdate(caller: caller, patch: UserPatch(usageLocation: "GB"))
        #expect(rule.evaluate(usageLocation).effect == .permit)
        expectPermitted(OperationRules.updateUser.decide(usageLocation), including: "directory.user.update-not-allowed")
        let name = Fixtures.userUpdate(caller: caller, patch: UserPatch(givenName: "Pat", usageLocation: "GB"))
        #expect(rule.evaluate(name).effect == .forbid)
        expectDenied(
            OperationRules.updateUser.decide(name), by: "directory.user.update-not-allowed", status: 403, code: "Authorization_RequestDenied")
    }

    @Test("a member without an admin role may not update a guest, and is told which role to get in the resource tenant")
    func memberDenied() {
        let context = Fixtures.userUpdate(caller: Fixtures.user([.guestInviter], scopes: ["User.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.updateUser.decide(context)
        expectDenied(
            decision, by: "directory.user.update-not-allowed", status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.", surface: .graph)
        #expect(decision.explanation.contains("Global Administrator, User Administrator"))
        #expect(decision.explanation.contains("in Contoso"))
        #expect(decision.explanation.contains("Guest Inviter"))
    }

    @Test("only a Global Administrator may update a user who holds a privileged admin role")
    func privilegedTargetNeedsGlobalAdmin() {
        let target = Fixtures.contosoMember()
        let privileged: Set<String> = [DirectoryRoleTemplate.securityAdministrator.id]
        let byUserAdmin = Fixtures.userUpdate(caller: Fixtures.user([.userAdministrator]), target: target, targetRoleIds: privileged)
        #expect(rule.evaluate(byUserAdmin).effect == .forbid)
        let decision = OperationRules.updateUser.decide(byUserAdmin)
        expectDenied(decision, by: "directory.user.update-not-allowed", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.contains("who holds a privileged admin role"))

        let byGlobalAdmin = Fixtures.userUpdate(caller: Fixtures.user([.globalAdministrator]), target: target, targetRoleIds: privileged)
        #expect(rule.evaluate(byGlobalAdmin).effect == .permit)
    }

    @Test("a User Administrator may update a user holding a non-privileged role")
    func nonPrivilegedRoleTarget() {
        let context = Fixtures.userUpdate(
            caller: Fixtures.user([.userAdministrator]), targetRoleIds: [DirectoryRoleTemplate.guestInviter.id])
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test(
        "the rule does not apply to an application or TenantSim itself",
        arguments: [
            Fixtures.app(["User.ReadWrite.All"]), CallerFacts.system,
        ])
    func appAndSystemAreNotApplicable(caller: CallerFacts) {
        let context = Fixtures.userUpdate(caller: caller)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.updateUser.decide(context))
    }

    @Test("a user changing only their own self-service properties needs no admin role; their name or usage location still does")
    func selfServiceIsNotApplicable() {
        let me = Fixtures.contosoMember()
        let caller = Fixtures.user([], scopes: ["User.ReadWrite"], id: me.id)
        let own = Fixtures.userUpdate(
            caller: caller, target: me, patch: UserPatch(profile: ["mobilePhone": .string("+1 555 0100"), "officeLocation": .string("B1")]))
        #expect(rule.evaluate(own).effect == .notApplicable)
        let ownName = Fixtures.userUpdate(caller: caller, target: me, patch: UserPatch(displayName: "New Name"))
        #expect(rule.evaluate(ownName).effect == .forbid)
        let someoneElse = Fixtures.userUpdate(caller: caller, patch: UserPatch(profile: ["mobilePhone": .string("+1 555 0100")]))
        #expect(rule.evaluate(someoneElse).effect == .forbid)
    }
}
