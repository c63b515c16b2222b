import Foundation
import TenantModel

/// `directory.replication.not-yet-visible` — a new user or group is not on Graph's replicas yet.
public struct ReplicationNotYetVisibleRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.replication.not-yet-visible",
        title: "The object was just created and Graph doesn't show it yet",
        deniesWhen:
            "under the realistic consistency profile, a guest created by an invitation or a new group is read, changed or referenced by id before it has replicated",
        notApplicableWhen: "the object has replicated, the world is `immediate`, or TenantSim itself builds the world",
        source:
            "Microsoft Learn, Entra External ID: \"Troubleshooting Microsoft Entra B2B collaboration\" (I've added an external user but don't see them in my Global Address Book or in the people picker: \"the object might take a few minutes to replicate\"); microsoftgraph/msgraph-sdk-java#2575 (GET right after a create answers 404 Request_ResourceNotFound); microsoftgraph/msgraph-sdk-python#460 (adding group members right after creating the objects fails at first); microsoftgraph/microsoft-graph-docs#15839 (PATCH right after an invitation answers 404 Directory_ObjectNotFound); emulator choice: the replication delay of 2 to 60 seconds (Microsoft documents no replication time)",
        explanation:
            "A new object reaches Graph's replicas after a short delay. Retry with back-off (Microsoft's advice for eventual consistency), or keep using the object returned by the create call.",
        wire: .graph(
            404, "Request_ResourceNotFound", "Resource '…' does not exist or one of its queried reference-property objects are not present.",
            .microsoft))

    public func evaluate(_ context: ReplicationContext) -> RuleOutcome {
        if context.caller.isSystem { return .notApplicable() }
        guard let visibleAt = context.visibleAt else { return .notApplicable() }
        let remaining = Int(visibleAt.timeIntervalSince(context.now).rounded(.up))
        let facts = [
            Fact("object.id", context.objectId), Fact("object.kind", context.objectKind), Fact("object.visibleInSeconds", max(0, remaining)),
        ]
        if remaining <= 0 { return .permit(facts) }
        let explanation =
            "The \(context.objectKind) \(context.objectId) was created moments ago and Graph's replicas don't show it for another \(remaining) s, so \(context.caller.name) can't \(context.action) yet. Retry with back-off (e.g. 2, 4, 8… seconds), as Microsoft advises for Entra's eventual consistency."
        if context.isUpdate {
            return .forbid(
                facts, explanation: explanation,
                wire: .graph(404, "Directory_ObjectNotFound", "Unable to read the company information from the directory.", .microsoft))
        }
        return .forbid(
            facts, explanation: explanation,
            message: "Resource '\(context.objectId)' does not exist or one of its queried reference-property objects are not present.")
    }
}
