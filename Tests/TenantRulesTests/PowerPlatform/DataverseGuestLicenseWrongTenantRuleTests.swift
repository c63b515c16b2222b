import TenantModel
import TenantRules
import Testing

@Suite("pp.dataverse.guest-license-wrong-tenant")
struct DataverseGuestLicenseWrongTenantRuleTests {
    let rule = DataverseGuestLicenseWrongTenantRule()

    @Test("a guest with a Dataverse licence assigned in the resource tenant qualifies")
    func resourceLicencePermitted() {
        let context = Fixtures.access(user: Fixtures.entraGuest(), licenses: Fixtures.licenses(resource: [Fixtures.dataverseLicense()]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.dataverseQualification.decide(context), including: "pp.dataverse.guest-license-wrong-tenant")
    }

    @Test("a guest licensed in both tenants qualifies: the resource-tenant licence is the one that counts")
    func bothTenantsPermitted() {
        let licenses = Fixtures.licenses(
            resource: [Fixtures.dataverseLicense()], home: [Fixtures.dataverseLicense(in: Fixtures.IDs.fabrikam)])
        let context = Fixtures.access(user: Fixtures.entraGuest(), licenses: licenses)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }

    @Test("a guest whose only Dataverse licence is in the home tenant is denied; the fix is in the resource tenant")
    func homeOnlyLicenceDenied() {
        let context = Fixtures.access(user: Fixtures.entraGuest(), licenses: Fixtures.homeOnlyDataverse())
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(
            decision, by: "pp.dataverse.guest-license-wrong-tenant", status: 403, code: "NoValidLicense",
            message: "The guest user doesn't have a valid license in this tenant. Licenses assigned in the guest's home tenant are not valid.",
            surface: .adminAPI)
        #expect(decision.explanation.contains("holds POWERAPPS_PER_USER [Dataverse] in Fabrikam (their HOME tenant)"))
        #expect(
            decision.explanation.contains(
                "only counts licences assigned in Contoso (contoso.onmicrosoft.com, commercial), the environment's RESOURCE tenant"))
        #expect(decision.explanation.hasSuffix("Assign a licence with Dataverse rights to the guest in Contoso."))
        #expect(decision.facts.contains(Fact("licenses.environmentTenant", "(none)")))
        // The generic licence rule stays out of the way so the guest sees the precise reason.
        #expect(effect(of: "pp.dataverse.license-missing", in: decision) == .notApplicable)
    }

    @Test("a home-tenant licence without Dataverse rights is not this rule's business (license-missing decides)")
    func homeLicenceWithoutDataverseLeavesItToLicenseMissing() {
        let context = Fixtures.access(
            user: Fixtures.entraGuest(), licenses: Fixtures.licenses(home: [Fixtures.powerAppsOnlyLicense(in: Fixtures.IDs.fabrikam)]))
        #expect(rule.evaluate(context).effect == .permit)
        #expect(OperationRules.dataverseQualification.decide(context).deniedBy == "pp.dataverse.license-missing")
    }

    @Test("the rule does not apply to a member, even one with licences elsewhere")
    func memberIsNotApplicable() {
        let context = Fixtures.access(user: Fixtures.contosoMember(), licenses: Fixtures.homeOnlyDataverse())
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(effect(of: "pp.dataverse.guest-license-wrong-tenant", in: OperationRules.dataverseQualification.decide(context)) == .notApplicable)
    }

    @Test("the rule does not apply in an environment without Dataverse")
    func noDataverseIsNotApplicable() {
        let context = Fixtures.access(
            user: Fixtures.entraGuest(), environment: Fixtures.environment(hasDataverse: false), licenses: Fixtures.homeOnlyDataverse())
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }

    @Test(
        "the rule does not apply to a guest holding an exempt admin role",
        arguments: [
            DirectoryRoleTemplate.globalAdministrator, .powerPlatformAdministrator, .dynamics365Administrator,
        ])
    func exemptAdminIsNotApplicable(role: DirectoryRoleTemplate) {
        let context = Fixtures.access(user: Fixtures.entraGuest(), directoryRoles: [role], licenses: Fixtures.homeOnlyDataverse())
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }
}
