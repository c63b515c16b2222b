import TenantModel
import TenantRules
import Testing

@Suite("pp.settings.admin-required")
struct SettingsAdminRequiredRuleTests {
    let rule = SettingsAdminRequiredRule()

    @Test(
        "a Power Platform or Global administrator of the resource tenant may change its settings",
        arguments: [
            DirectoryRoleTemplate.powerPlatformAdministrator, .globalAdministrator,
        ])
    func adminPermitted(role: DirectoryRoleTemplate) {
        let context = Fixtures.adminChange(caller: Fixtures.user([role]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.updateTenantSettings.decide(context), including: "pp.settings.admin-required")
    }

    @Test("a registered Power Platform management app may change settings app-only")
    func managementAppPermitted() {
        let context = Fixtures.adminChange(caller: Fixtures.managementApp())
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test(
        "a user without a Power Platform admin role in the tenant is denied with admin API 403",
        arguments: [
            [DirectoryRoleTemplate](), [.userAdministrator], [.dynamics365Administrator], [.privilegedRoleAdministrator],
        ])
    func nonAdminDenied(roles: [DirectoryRoleTemplate]) {
        let context = Fixtures.adminChange(caller: Fixtures.user(roles))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.updateTenantSettings.decide(context)
        expectDenied(
            decision, by: "pp.settings.admin-required", status: 403, code: "Forbidden",
            message: "The caller is not a Power Platform administrator and can't update tenant settings.", surface: .adminAPI)
        #expect(
            decision.explanation.contains(
                "To update the Power Platform tenant settings of Contoso, the signed-in user needs one of these roles in Contoso (contoso.onmicrosoft.com, commercial): Global Administrator, Power Platform Administrator."
            ))
        #expect(decision.explanation.contains("Assign the least privileged of them in Contoso"))
    }

    @Test("a home-tenant admin acting in the resource tenant as a guest holds no role there and is denied")
    func guestFromHomeTenantDenied() {
        let decision = OperationRules.updateTenantSettings.decide(Fixtures.adminChange(caller: Fixtures.user([], userType: .guest)))
        expectDenied(decision, by: "pp.settings.admin-required", status: 403, code: "Forbidden", surface: .adminAPI)
        #expect(decision.explanation.contains("The caller holds (no directory roles)"))
    }

    @Test("an app that is not registered as a management app is denied")
    func unregisteredAppDenied() {
        let decision = OperationRules.updateTenantSettings.decide(Fixtures.adminChange(caller: Fixtures.managementApp(registered: false)))
        expectDenied(decision, by: "pp.settings.admin-required", status: 403, code: "Forbidden", surface: .adminAPI)
        #expect(decision.explanation.contains("Register it with New-PowerAppManagementApp (in Contoso)"))
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = Fixtures.adminChange(caller: .system)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.updateTenantSettings.decide(context))
    }
}
