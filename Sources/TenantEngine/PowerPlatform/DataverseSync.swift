import Foundation
import TenantModel
import TenantRules
import TenantStore

/// Keeps Dataverse users in step with Entra, as Power Platform's background sync does (domain-facts
/// §8.3): qualifying users are added (where the environment syncs automatically) or re-enabled;
/// users who stop qualifying are disabled, never deleted. Runs after every successful operation
/// for the users it touched, in the same transaction.
enum DataverseSync {
    static func run(_ scope: OperationScope) throws {
        for userId in scope.touchedUsers.sorted() {
            guard let user = try scope.tx.user(userId) else { continue }
            for environment in try scope.tx.environments(in: user.tenantId) where environment.hasDataverse {
                try sync(user, in: environment, onDemand: false, scope: scope)
            }
        }
    }

    /// Brings one user's Dataverse row in `environment` in line with the rules. With `onDemand`
    /// (BAP addUser) a non-qualifying user is a denial; otherwise it is a quiet disable.
    @discardableResult
    /// `firstAccess`: the user is opening the environment themselves (members through nested
    /// groups are added then).
    /// `queue`: under the realistic consistency profile the automatic sync is queued (it adds the
    /// user after a delay) instead of adding them now; forcing (`onDemand`) and first access never wait.
    static func sync(
        _ user: User, in environment: PowerPlatformEnvironment, onDemand: Bool, firstAccess: Bool = false, queue: Bool = true,
        scope: OperationScope
    ) throws -> DataverseUser? {
        let facts = PowerPlatformFacts(scope: scope)
        let context = try facts.accessContext(for: user, in: environment, firstAccess: firstAccess)
        let decision = OperationRules.dataverseQualification.decide(context)
        var row = context.dataverseUser
        if let error = decision.error {
            if onDemand { throw error }
            guard var existing = row, !existing.isDisabled else { return row }
            existing.isDisabled = true
            existing.disabledReason = "\(decision.deniedBy ?? ""): \(error.message)"
            existing.modifiedOn = scope.now
            try scope.tx.save(existing)
            return existing
        }
        let automatic = environment.sku.syncsAutomatically || (environment.sku == .developer && environment.createdBy == user.id)
        if row == nil {
            guard onDemand || automatic else { return nil }
            let profile = try scope.tx.consistency()
            if queue && !onDemand && !firstAccess && profile == .realistic {
                if try scope.tx.pendingSync(of: user.id, in: environment.id) == nil {
                    let delay = profile.delay(.dataverseSync, key: "\(environment.id)/\(user.id)", seed: try scope.tx.seed())
                    try scope.tx.save(
                        PendingDataverseSync(environmentId: environment.id, userId: user.id, queuedAt: scope.now, dueAt: scope.now + delay))
                }
                return nil
            }
            if let pending = try scope.tx.pendingSync(of: user.id, in: environment.id) { try scope.tx.delete(pending) }
            let administrative = context.isExemptAdmin && !context.licenses.hasResourceDataverse
            row = DataverseUser(
                id: try scope.newID(), environmentId: environment.id, userId: user.id, domainName: user.userPrincipalName,
                fullName: user.displayName ?? user.userPrincipalName, isDisabled: false,
                accessMode: administrative ? .administrative : .readWrite, createdOn: scope.now, modifiedOn: scope.now)
            try scope.tx.save(row!)
        } else if var existing = row, existing.isDisabled || existing.fullName != (user.displayName ?? user.userPrincipalName) {
            existing.isDisabled = false
            existing.disabledReason = nil
            existing.fullName = user.displayName ?? user.userPrincipalName
            existing.modifiedOn = scope.now
            try scope.tx.save(existing)
            row = existing
        }
        return row
    }
}
