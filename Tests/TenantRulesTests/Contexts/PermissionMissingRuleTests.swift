import TenantModel
import TenantRules
import Testing

@Suite("graph.permission.missing")
struct PermissionMissingRuleTests {
    let rule = PermissionMissingRule<InvitationContext>()

    @Test("an app holding User.Invite.All may call POST /invitations")
    func appWithLeastPrivilegedPermissionIsPermitted() {
        let context = Fixtures.invitation(caller: Fixtures.app(["User.Invite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createInvitation.decide(context), including: "graph.permission.missing")
    }

    @Test("any one of the accepted permissions is enough, not only the least privileged")
    func higherPermissionIsPermitted() {
        let context = Fixtures.invitation(caller: Fixtures.app(["Directory.ReadWrite.All"]))
        #expect(rule.evaluate(context).effect == .permit)
    }

    @Test("an app token without an invitation permission gets the invitation service's 401 Unauthorized (ControllerName=MSGraphInviteAPI)")
    func appWithoutPermissionIsDenied() {
        let context = Fixtures.invitation(caller: Fixtures.app(["User.Read.All"]))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(
            decision, by: "graph.permission.missing", status: 401, code: "Unauthorized",
            message:
                "Insufficient privileges to perform requested operation by the application '00000003-0000-0000-c000-000000000000'. ControllerName=MSGraphInviteAPI, ActionName=CreateInvite, URL absolute path=/api/\(context.resourceTenant.id.rawValue)/invites",
            surface: .graph)
        #expect(decision.explanation.contains("least privileged: User.Invite.All"))
        #expect(decision.explanation.contains("The token held: User.Read.All"))
        #expect(decision.explanation.contains("application permission (app role)"))
    }

    @Test("a delegated token without the scope is told to add a delegated permission")
    func delegatedWithoutScopeIsDenied() {
        let context = Fixtures.invitation(caller: Fixtures.user([.globalAdministrator], scopes: ["User.Read"]))
        let decision = OperationRules.createInvitation.decide(context)
        expectDenied(decision, by: "graph.permission.missing", status: 401, code: "Unauthorized")
        #expect(decision.explanation.contains("delegated permission (scope)"))
    }

    @Test("an empty token is reported as holding no permission")
    func emptyTokenIsDenied() {
        let outcome = rule.evaluate(Fixtures.invitation(caller: Fixtures.app([])))
        #expect(outcome.effect == .forbid)
        #expect(outcome.facts.contains(Fact("permissions.held", "(none)")))
    }

    @Test("the permission check does not apply to an interactive portal session")
    func portalSessionIsNotApplicable() {
        let context = Fixtures.invitation(caller: Fixtures.user([.guestInviter], scopes: nil))
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(effect(of: "graph.permission.missing", in: OperationRules.createInvitation.decide(context)) == .notApplicable)
    }

    @Test("the permission check does not apply to TenantSim itself")
    func systemIsNotApplicable() {
        #expect(rule.evaluate(Fixtures.invitation(caller: .system)).effect == .notApplicable)
    }

    @Test("the same rule guards every endpoint with that endpoint's accepted permissions")
    func genericForOtherEndpoints() {
        let reads = EndpointContext(caller: Fixtures.app(["Directory.Read.All"]), permission: GraphPermissions.readUsers)
        expectPermitted(OperationRules.endpoint.decide(reads), including: "graph.permission.missing")

        let roleWrite = EndpointContext(caller: Fixtures.app(["Directory.ReadWrite.All"]), permission: GraphPermissions.changeRoleAssignments)
        let decision = OperationRules.endpoint.decide(roleWrite)
        expectDenied(decision, by: "graph.permission.missing", status: 403, code: "Authorization_RequestDenied")
        #expect(decision.explanation.contains("RoleManagement.ReadWrite.Directory"))
    }

    @Test("assigning a licence needs LicenseAssignment.ReadWrite.All or higher")
    func licenceEndpoint() {
        let allowed = Fixtures.license(caller: Fixtures.app(["LicenseAssignment.ReadWrite.All"]))
        #expect(PermissionMissingRule<LicenseContext>().evaluate(allowed).effect == .permit)

        let denied = Fixtures.license(caller: Fixtures.app(["User.Invite.All"]))
        expectDenied(OperationRules.assignLicense.decide(denied), by: "graph.permission.missing", status: 403, code: "Authorization_RequestDenied")
    }
}
