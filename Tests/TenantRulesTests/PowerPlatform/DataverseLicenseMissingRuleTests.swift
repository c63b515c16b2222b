import TenantModel
import TenantRules
import Testing

@Suite("pp.dataverse.license-missing")
struct DataverseLicenseMissingRuleTests {
    let rule = DataverseLicenseMissingRule()

    @Test(
        "a user with a Dataverse licence in the environment's tenant qualifies",
        arguments: [
            "POWERAPPS_PER_USER", "DYN365_ENTERPRISE_SALES", "DYN365_ENTERPRISE_CUSTOMER_SERVICE",
        ])
    func dataverseLicencePermitted(partNumber: String) {
        let context = Fixtures.access(licenses: Fixtures.licenses(resource: [Fixtures.sku(partNumber)]))
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.dataverseQualification.decide(context), including: "pp.dataverse.license-missing")
    }

    @Test(
        "a user without a Dataverse licence is denied, even with a licence that only grants canvas Power Apps",
        arguments: [
            [String](), ["ENTERPRISEPACK"], ["AAD_PREMIUM"],
        ])
    func noDataverseLicenceDenied(partNumbers: [String]) {
        let context = Fixtures.access(licenses: Fixtures.licenses(resource: partNumbers.map { Fixtures.sku($0) }))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(
            decision, by: "pp.dataverse.license-missing", status: 403, code: "NoValidLicense",
            message: "The user doesn't have a valid license to access this environment.", surface: .adminAPI)
        #expect(decision.explanation.contains("has no licence with Dataverse rights in Contoso, the environment's tenant"))
        #expect(decision.explanation.contains("Assign a licence with Dataverse rights in Contoso (set usageLocation first)"))
    }

    @Test("an unlicensed guest is denied by this rule and told to get the licence in the resource tenant")
    func unlicensedGuestDenied() {
        let context = Fixtures.access(user: Fixtures.entraGuest(), licenses: Fixtures.licenses())
        let decision = OperationRules.dataverseQualification.decide(context)
        expectDenied(decision, by: "pp.dataverse.license-missing", status: 403, code: "NoValidLicense", surface: .adminAPI)
        #expect(decision.explanation.contains("Pat Guest (pat@fabrikam.com) has no licence with Dataverse rights in Contoso"))
    }

    @Test(
        "Global, Power Platform and Dynamics 365 administrators need no licence",
        arguments: [
            DirectoryRoleTemplate.globalAdministrator, .powerPlatformAdministrator, .dynamics365Administrator,
        ])
    func exemptAdminIsNotApplicable(role: DirectoryRoleTemplate) {
        let context = Fixtures.access(directoryRoles: [role], licenses: Fixtures.licenses())
        let outcome = rule.evaluate(context)
        #expect(outcome.effect == .notApplicable)
        #expect(outcome.facts == [Fact("user.exemptAdminRoles", role.displayName)])
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }

    @Test("other admin roles are not exempt", arguments: [DirectoryRoleTemplate.userAdministrator, .licenseAdministrator])
    func otherAdminsDenied(role: DirectoryRoleTemplate) {
        let context = Fixtures.access(directoryRoles: [role], licenses: Fixtures.licenses())
        #expect(rule.evaluate(context).effect == .forbid)
    }

    @Test("the rule does not apply in an environment without Dataverse")
    func noDataverseIsNotApplicable() {
        let context = Fixtures.access(environment: Fixtures.environment(hasDataverse: false), licenses: Fixtures.licenses())
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.dataverseQualification.decide(context))
    }

    @Test("the rule steps aside for a guest whose only licence is in the home tenant (guest-license-wrong-tenant decides)")
    func homeOnlyGuestIsNotApplicable() {
        let context = Fixtures.access(user: Fixtures.entraGuest(), licenses: Fixtures.homeOnlyDataverse())
        #expect(rule.evaluate(context).effect == .notApplicable)
        #expect(OperationRules.dataverseQualification.decide(context).deniedBy == "pp.dataverse.guest-license-wrong-tenant")
    }
}
