import Foundation
import TenantModel
import TenantRules
import Testing

@Suite("pp.dataverse.user-not-yet-synced")
struct DataverseUserNotYetSyncedRuleTests {
    let rule = DataverseUserNotYetSyncedRule()

    func context(
        dueIn seconds: Double?, row: DataverseUser? = nil, isRemoval: Bool = false, caller: CallerFacts = Fixtures.user()
    )
        -> RoleAssignmentContext
    {
        var context = Fixtures.roleAssignment(caller: caller, dataverseUser: row, isRemoval: isRemoval)
        context.now = Fixtures.now
        context.pendingSyncDueAt = seconds.map { Fixtures.now + $0 }
        return context
    }

    @Test("a queued user whose sync is due, or a user who has a systemuser, may be given a role")
    func permitted() {
        #expect(rule.evaluate(context(dueIn: 0)).effect == .permit)
        expectPermitted(OperationRules.assignSecurityRole.decide(context(dueIn: -10)))
        expectPermitted(OperationRules.assignSecurityRole.decide(context(dueIn: 120, row: Fixtures.dataverseUser(for: Fixtures.entraGuest()))))
    }

    @Test("a role for a user the sync has queued but not added is Dataverse's 404 0x80040217, saying to force the sync")
    func denied() {
        let decision = OperationRules.assignSecurityRole.decide(context(dueIn: 216))
        expectDenied(decision, by: "pp.dataverse.user-not-yet-synced", status: 404, code: "0x80040217", surface: .dataverse)
        #expect(decision.explanation.contains("about 216 s"))
        #expect(decision.explanation.contains("addUser"))
        #expect(decision.facts.contains(Fact("user.dataverseSyncDueInSeconds", 216)))
    }

    @Test("the rule does not apply to removals, users who aren't queued, or TenantSim building the world")
    func notApplicable() {
        #expect(rule.evaluate(context(dueIn: nil)).effect == .notApplicable)
        #expect(rule.evaluate(context(dueIn: 60, isRemoval: true)).effect == .notApplicable)
        #expect(rule.evaluate(context(dueIn: 60, caller: .system)).effect == .notApplicable)
    }
}
