import TenantModel
import TenantRules
import Testing

@Suite("pp.dataverse.user-disabled")
struct DataverseUserDisabledRuleTests {
    let rule = DataverseUserDisabledRule()

    @Test("an enabled, not deleted user qualifies as far as this rule goes")
    func enabledUserPermitted() {
        let context = Fixtures.access()
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.dataverseQualification.decide(context), including: "pp.dataverse.user-disabled")
    }

    @Test("a disabled Entra user can't be synced to Dataverse; the fix is accountEnabled in the environment's tenant")
    func disabledUserDenied() {
        let context = Fixtures.access(user: Fixtures.contosoMember(accountEnabled: false))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(
            decision, by: "pp.dataverse.user-disabled", status: 403, code: "UserDisabled",
            message: "The user is disabled or deleted in Microsoft Entra ID and can't be added to the environment.", surface: .adminAPI)
        #expect(decision.explanation.contains("is disabled in Contoso (contoso.onmicrosoft.com, commercial), the environment's tenant"))
        #expect(decision.explanation.contains("An admin of Contoso must set accountEnabled = true"))
        #expect(decision.facts.contains(Fact("user.accountEnabled", false)))
    }

    @Test("a deleted guest is denied too, and the explanation says to restore the user in the resource tenant")
    func deletedGuestDenied() {
        let context = Fixtures.access(user: Fixtures.entraGuest(deleted: true), licenses: Fixtures.licenses(resource: [Fixtures.dataverseLicense()]))
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(decision, by: "pp.dataverse.user-disabled", status: 403, code: "UserDisabled", surface: .adminAPI)
        #expect(decision.explanation.contains("is deleted in Contoso"))
        #expect(decision.explanation.contains("An admin of Contoso must restore the user"))
        #expect(!decision.explanation.contains("home tenant"))
    }

    @Test(
        "the user's state is checked in every environment shape — the rule is never not applicable",
        arguments: [
            Fixtures.environment(), Fixtures.environment(hasDataverse: false), Fixtures.environment(sku: .default),
            Fixtures.environment(cloud: .gccHigh, sku: .trial),
        ])
    func neverNotApplicable(environment: PowerPlatformEnvironment) {
        let enabled = Fixtures.access(environment: environment)
        let disabled = Fixtures.access(user: Fixtures.contosoMember(accountEnabled: false), environment: environment)
        #expect(rule.evaluate(enabled).effect == .permit)
        #expect(rule.evaluate(disabled).effect == .forbid)
        #expect(effect(of: "pp.dataverse.user-disabled", in: OperationRules.openEnvironment.decide(disabled)) == .forbid)
    }
}
