import TenantModel
import TenantRules
import Testing

@Suite("ppapi.rbac.assign-not-allowed")
struct PlatformRoleAssignNotAllowedRuleTests {
    let rule = PlatformRoleAssignNotAllowedRule()

    func context(_ caller: CallerFacts, assigns: Bool = false) -> PlatformRoleAssignmentContext {
        PlatformRoleAssignmentContext(
            caller: caller, tenant: Fixtures.contoso(), scope: "/tenants/\(Fixtures.IDs.contoso)/environments/sales",
            callerAssignsRolesAtScope: assigns,
            summary: "assign Power Platform reader to pat at the Sales environment")
    }

    @Test(
        "Power Platform and Global administrators, management apps and owners at the scope may assign",
        arguments: [
            (Fixtures.user([.powerPlatformAdministrator]), false), (Fixtures.user([.globalAdministrator]), false), (Fixtures.managementApp(), false),
            (Fixtures.user(), true),
        ])
    func permitted(caller: CallerFacts, assigns: Bool) {
        let decision = OperationRules.createPlatformRoleAssignment.decide(context(caller, assigns: assigns))
        expectPermitted(decision, including: "ppapi.rbac.assign-not-allowed")
        #expect(rule.evaluate(context(caller, assigns: assigns)).effect == .permit)
    }

    @Test(
        "anyone else is denied with 403 Forbidden",
        arguments: [Fixtures.user([.userAdministrator]), Fixtures.user([], userType: .guest), Fixtures.managementApp(registered: false)])
    func denied(caller: CallerFacts) {
        let decision = OperationRules.deletePlatformRoleAssignment.decide(context(caller))
        expectDenied(
            decision, by: "ppapi.rbac.assign-not-allowed", status: 403, code: "Forbidden",
            message: "The caller does not have permission to assign roles at this scope.", surface: .adminAPI)
        #expect(decision.explanation.contains("\(caller.name) can't assign Power Platform reader to pat"))
        #expect(decision.facts.contains(Fact("caller.assignsRolesAtScope", false)))
        #expect(namesTenant(decision.explanation))
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        #expect(rule.evaluate(context(.system)).effect == .notApplicable)
        expectPermitted(OperationRules.createPlatformRoleAssignment.decide(context(.system)))
    }
}
