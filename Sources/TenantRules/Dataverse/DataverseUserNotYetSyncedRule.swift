import Foundation
import TenantModel

/// `pp.dataverse.user-not-yet-synced` — the user qualifies, but the background sync hasn't added them yet.
public struct DataverseUserNotYetSyncedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.dataverse.user-not-yet-synced",
        title: "The user qualifies for the environment but isn't a Dataverse user yet",
        deniesWhen:
            "under the realistic consistency profile, a security role is assigned to a user whom the environment's background sync has queued but not yet added",
        notApplicableWhen: "the user already has a systemuser, isn't queued for the sync, or TenantSim itself builds the world",
        source:
            "Microsoft Learn, Power Platform admin: \"Add users to an environment automatically or manually\" (a background sync, the first sign-in, or on demand with Add-AdminPowerAppsSyncUser or the admin API's addUser); Microsoft Learn, Power Platform admin: \"Create users\" (the synchronization \"can take a few minutes\"); Microsoft Learn, Power Apps: \"Web service error codes\" (0x80040217, the record does not exist); emulator choice: the sync delay of 1 to 10 minutes (Microsoft states none for Dataverse)",
        explanation:
            "Dataverse adds a licensed member of the environment's security group by a background sync, which takes minutes. Force it with the admin API's addUser (Add-AdminPowerAppsSyncUser), or retry later.",
        wire: .dataverse(404, "0x80040217", "systemuser With Id = … Does Not Exist"))

    public func evaluate(_ context: RoleAssignmentContext) -> RuleOutcome {
        if context.caller.isSystem || context.isRemoval || context.dataverseUser != nil { return .notApplicable() }
        guard let due = context.pendingSyncDueAt else { return .notApplicable() }
        let remaining = Int(due.timeIntervalSince(context.now).rounded(.up))
        let facts = [Fact("user.dataverseSyncDueInSeconds", max(0, remaining))]
        if remaining <= 0 { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.target.userPrincipalName) qualifies for '\(context.environment.displayName)' but the environment's background sync adds them to Dataverse only in about \(remaining) s, so there is no systemuser to give '\(context.roleName)' yet. Force the sync with the admin API's addUser (POST …/environments/\(context.environment.id)/addUser, or Add-AdminPowerAppsSyncUser), or retry after it.",
            message: "systemuser for \(context.target.userPrincipalName) Does Not Exist")
    }
}
