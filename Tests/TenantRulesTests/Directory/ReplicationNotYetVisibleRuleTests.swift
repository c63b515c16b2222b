import Foundation
import TenantModel
import TenantRules
import Testing

@Suite("directory.replication.not-yet-visible")
struct ReplicationNotYetVisibleRuleTests {
    let rule = ReplicationNotYetVisibleRule()
    let now = Fixtures.now

    func context(
        visibleIn seconds: Double?, caller: CallerFacts = Fixtures.user([.globalAdministrator]), isUpdate: Bool = false
    )
        -> ReplicationContext
    {
        ReplicationContext(
            caller: caller, objectId: "a9fad0d0-f2a9-4733-99a6-7e37b0861661", objectKind: "user", visibleAt: seconds.map { now + $0 }, now: now,
            action: "assign a licence to it", isUpdate: isUpdate)
    }

    @Test("an object that has replicated may be read and referenced", arguments: [0.0, -30.0])
    func replicatedPermitted(seconds: Double) {
        #expect(rule.evaluate(context(visibleIn: seconds)).effect == .permit)
        expectPermitted(OperationRules.replication(.assignLicense).decide(context(visibleIn: seconds)), including: rule.metadata.id)
    }

    @Test("a reference to a just-created object is 404 Request_ResourceNotFound naming it, with a retry explanation")
    func referenceDenied() {
        let decision = OperationRules.replication(.assignLicense).decide(context(visibleIn: 17))
        expectDenied(
            decision, by: "directory.replication.not-yet-visible", status: 404, code: "Request_ResourceNotFound",
            message:
                "Resource 'a9fad0d0-f2a9-4733-99a6-7e37b0861661' does not exist or one of its queried reference-property objects are not present.",
            surface: .graph)
        #expect(decision.explanation.contains("for another 17 s"))
        #expect(decision.explanation.contains("Retry with back-off"))
        #expect(decision.facts.contains(Fact("object.visibleInSeconds", 17)))
    }

    @Test("a PATCH of a just-invited guest is 404 Directory_ObjectNotFound, as clients report")
    func updateDenied() {
        let decision = OperationRules.replication(.updateUser).decide(context(visibleIn: 5, isUpdate: true))
        expectDenied(
            decision, by: "directory.replication.not-yet-visible", status: 404, code: "Directory_ObjectNotFound",
            message: "Unable to read the company information from the directory.", surface: .graph)
    }

    @Test("the rule does not apply to objects that never replicated late, nor to TenantSim building the world")
    func notApplicable() {
        #expect(rule.evaluate(context(visibleIn: nil)).effect == .notApplicable)
        #expect(rule.evaluate(context(visibleIn: 30, caller: .system)).effect == .notApplicable)
    }
}
