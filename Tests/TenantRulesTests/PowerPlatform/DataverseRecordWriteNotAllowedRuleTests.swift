import TenantModel
import TenantRules
import Testing

@Suite("dataverse.record.write-not-allowed")
struct DataverseRecordWriteNotAllowedRuleTests {
    let rule = DataverseRecordWriteNotAllowedRule()

    func context(caller: CallerFacts, administers: Bool) -> DataverseWriteContext {
        DataverseWriteContext(
            caller: caller, callerAdministersEnvironment: administers, environment: Fixtures.environment(), tenant: Fixtures.contoso(),
            table: "team", summary: "create the team 'Partner makers'")
    }

    @Test("a caller who administers the environment may create and change teams", arguments: OperationRules.dataverseWriteOperations)
    func administratorPermitted(operation: TenantOperation) {
        let context = context(caller: Fixtures.user([.powerPlatformAdministrator]), administers: true)
        #expect(rule.evaluate(context).effect == .permit)
        expectPermitted(OperationRules.writeDataverseRecord(operation).decide(context), including: "dataverse.record.write-not-allowed")
    }

    @Test(
        "a caller who doesn't administer the environment is denied with Dataverse 403 0x80040220",
        arguments: [Fixtures.user([.userAdministrator]), Fixtures.user([], userType: .guest), Fixtures.managementApp(registered: false)])
    func nonAdministratorDenied(caller: CallerFacts) {
        let decision = OperationRules.writeDataverseRecord(.createTeam).decide(context(caller: caller, administers: false))
        expectDenied(
            decision, by: "dataverse.record.write-not-allowed", status: 403, code: "0x80040220",
            message: "Principal user is missing the privilege to create or change this record.", surface: .dataverse)
        #expect(decision.explanation.contains("\(caller.name) can't create the team 'Partner makers' in 'Contoso Sales'"))
        #expect(decision.facts.contains(Fact("caller.administersEnvironment", false)))
        #expect(decision.facts.contains(Fact("table", "team")))
        #expect(namesTenant(decision.explanation))
    }

    @Test("the rule does not apply to TenantSim itself building the world")
    func systemIsNotApplicable() {
        let context = context(caller: .system, administers: false)
        #expect(rule.evaluate(context).effect == .notApplicable)
        expectPermitted(OperationRules.writeDataverseRecord(.updateTeam).decide(context))
    }
}
