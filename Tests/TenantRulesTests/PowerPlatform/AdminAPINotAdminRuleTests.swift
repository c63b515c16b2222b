import TenantModel
import TenantRules
import Testing

@Suite("pp.admin.not-admin")
struct AdminAPINotAdminRuleTests {
    let rule = AdminAPINotAdminRule()

    func calling(as caller: CallerFacts) -> DirectoryChangeContext {
        Fixtures.adminChange(caller: caller, summary: "add a user to the environment Contoso Sales")
    }

    @Test(
        "Power Platform and Global administrators may use the admin API",
        arguments: [
            DirectoryRoleTemplate.powerPlatformAdministrator, .globalAdministrator,
        ])
    func adminPermitted(role: DirectoryRoleTemplate) {
        let context = calling(as: Fixtures.user([role]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.adminAPI.decide(context), including: "pp.admin.not-admin")
    }

    @Test("an app registered as a Power Platform management app may use the admin API app-only")
    func managementAppPermitted() {
        let context = calling(as: Fixtures.managementApp())
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.adminAPI.decide(context))
    }

    @Test(
        "a signed-in user without a Power Platform admin role is denied with admin API 403 Forbidden",
        arguments: [
            [DirectoryRoleTemplate](), [.userAdministrator], [.dynamics365Administrator],
        ])
    func nonAdminUserDenied(roles: [DirectoryRoleTemplate]) {
        let context = calling(as: Fixtures.user(roles))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.adminAPI.decide(context)
        expectDenied(
            decision, by: "pp.admin.not-admin", status: 403, code: "Forbidden",
            message: "The caller does not have permission to perform this action on the Power Platform admin API.", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "To add a user to the environment Contoso Sales, the signed-in user needs one of these roles in Contoso (contoso.onmicrosoft.com, commercial): Global Administrator, Power Platform Administrator"
            ))
        #expect(decision.explanation.contains("Assign the least privileged of them in Contoso"))
    }

    @Test("an app that is not a registered management app is denied and told where to register it")
    func unregisteredAppDenied() {
        let decision = OperationRules.adminAPI.decide(calling(as: Fixtures.managementApp(registered: false)))
        expectDenied(decision, by: "pp.admin.not-admin", status: 403, code: "Forbidden", surface: .adminAPI)
        #expect(decision.explanation.contains("The app Provisioning app is not registered as a Power Platform management app"))
        #expect(decision.explanation.contains("Register it with New-PowerAppManagementApp (in Contoso)"))
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = calling(as: .system)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.adminAPI.decide(context))
    }
}
