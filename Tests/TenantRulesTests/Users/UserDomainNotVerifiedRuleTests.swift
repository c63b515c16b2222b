import TenantModel
import TenantRules
import Testing

@Suite("directory.user.domain-not-verified")
struct UserDomainNotVerifiedRuleTests {
    let rule = UserDomainNotVerifiedRule()

    static func creation(_ upn: String) -> UserCreationContext {
        UserCreationContext(
            caller: Fixtures.user([.userAdministrator], scopes: ["User.ReadWrite.All"]), permission: GraphPermissions.createUser,
            tenant: Fixtures.contoso(), userPrincipalName: upn)
    }

    @Test(
        "a UPN on the tenant's verified or initial domain is accepted",
        arguments: ["sam@contoso.com", "sam@contoso.onmicrosoft.com", "Sam@CONTOSO.com"])
    func ownDomainPermitted(upn: String) {
        let context = Self.creation(upn)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.createUser.decide(context), including: "directory.user.domain-not-verified")
    }

    @Test(
        "a partner's address can't become a member: 400 Request_BadRequest, and the explanation says to invite",
        arguments: ["pat@fabrikam.com", "sam@contoso.co"])
    func otherDomainDenied(upn: String) {
        let context = Self.creation(upn)
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.createUser.decide(context)
        expectDenied(
            decision, by: "directory.user.domain-not-verified", status: 400, code: "Request_BadRequest",
            message:
                "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
            surface: .graph)
        #expect(decision.explanation.contains("invite the person as a guest"))
        #expect(decision.explanation.contains("contoso.com"))
    }

    @Test("a UPN without @ is not this rule's business")
    func noDomainNotApplicable() {
        #expect(rule.evaluate(Self.creation("sam")).effect == .notApplicable)
    }
}
