import Foundation
import TenantModel
import TenantRules
import TenantStore

/// The realistic consistency profile inside an operation: new objects start replicating, reads
/// and references check they have, and the Dataverse background sync is queued and later applied.
enum Consistency {
    /// Marks a just-created user or group as replicating, when the world is `realistic`.
    static func startReplicating(_ objectId: String, kind: String, tenant: TenantID, scope: OperationScope) throws {
        let profile = try scope.tx.consistency()
        guard profile == .realistic else { return }
        let delay = profile.delay(.replication, key: objectId, seed: try scope.tx.seed())
        try scope.tx.save(
            ReplicaLag(objectId: objectId.lowercased(), tenantId: tenant, objectKind: kind, createdAt: scope.now, visibleAt: scope.now + delay))
    }

    /// Denies with `directory.replication.not-yet-visible` when `objectId` hasn't replicated.
    static func requireVisible(
        _ objectId: String, kind: String, operation: TenantOperation, action: String, isUpdate: Bool = false, scope: OperationScope
    ) throws {
        guard let lag = try scope.tx.replicaLag(of: objectId), lag.visibleAt > scope.now else { return }
        let context = ReplicationContext(
            caller: try scope.callerFacts(in: lag.tenantId), objectId: lag.objectId, objectKind: kind, visibleAt: lag.visibleAt, now: scope.now,
            action: action, isUpdate: isUpdate)
        try scope.enforce(OperationRules.replication(operation).decide(context))
    }

    /// Applies the background syncs that are due: each queued user is synced as the automatic
    /// sync would (rules apply; a user who stopped qualifying is simply not added).
    static func applyDueSyncs(_ scope: OperationScope) throws {
        let due = try scope.tx.pendingSyncs(dueBy: scope.now)
        for pending in due {
            try scope.tx.delete(pending)
            guard let user = try scope.tx.user(pending.userId), let environment = try scope.tx.environment(pending.environmentId) else { continue }
            try DataverseSync.sync(user, in: environment, onDemand: false, queue: false, scope: scope)
        }
    }
}

/// Setting changes that take minutes to apply (realistic profile): the rules keep seeing the
/// previous value until the change is effective, and a denial meanwhile says so.
enum SettingPropagation {
    /// Records that `setting` of `tenant` changed from `previous` to `new` now.
    static func record(
        _ setting: PendingSettingChange.Setting, of tenant: TenantID, from previous: String, to new: String, scope: OperationScope
    ) throws {
        let profile = try scope.tx.consistency()
        guard profile == .realistic, previous != new else { return }
        let existing = try scope.tx.pendingSettingChange(setting, of: tenant)
        let inForce = existing.flatMap { $0.effectiveAt > scope.now ? $0.previousValue : nil } ?? previous
        let delay = profile.delay(
            setting.delay, key: "\(tenant)/\(setting.rawValue)/\(Int(scope.now.timeIntervalSince1970))", seed: try scope.tx.seed())
        // Changed back to the value in force: nothing is pending any more.
        let effectiveAt = inForce == new ? scope.now : scope.now + delay
        try scope.tx.save(
            PendingSettingChange(tenantId: tenant, setting: setting, previousValue: inForce, changedAt: scope.now, effectiveAt: effectiveAt))
    }

    /// The value still in force for `setting`, when a change hasn't taken effect yet; notes it on
    /// the scope so a denial can say to wait.
    static func previousValue(_ setting: PendingSettingChange.Setting, of tenant: Tenant, scope: OperationScope) throws -> String? {
        guard let pending = try scope.tx.pendingSettingChange(setting, of: tenant.id), pending.effectiveAt > scope.now else { return nil }
        let remaining = Int(pending.effectiveAt.timeIntervalSince(scope.now).rounded(.up))
        let note =
            "\(tenant.displayName)'s change of \(setting.rawValue) (made \(Int(scope.now.timeIntervalSince(pending.changedAt))) s ago) takes effect in about \(remaining) s (\(PendingSettingChange.documentedDelay(of: setting))), so the previous value (\(pending.previousValue)) still applies. Wait and retry."
        if !scope.staleSettings.contains(note) { scope.staleSettings.append(note) }
        return pending.previousValue
    }
}

extension TenantEngine {
    /// The world's consistency profile.
    public func consistency() async throws(TenantError) -> ConsistencyProfile { try await read { tx in try tx.consistency() } }

    /// Switches the world's consistency profile; objects created from now on follow it.
    public func setConsistency(_ profile: ConsistencyProfile) async throws(TenantError) {
        _ = try await Self.guarded { try await store.write { tx in try tx.setConsistency(profile) } }
    }

    /// Checks that a user or group read by id has replicated (a GET by id), denying with
    /// `directory.replication.not-yet-visible` otherwise. The check is not journaled, as reads aren't.
    public func requireReplicated(_ objectId: String, kind: String, operation: TenantOperation, by caller: Caller) async throws(TenantError) {
        let denial: TenantError? = try await read { tx in
            guard let lag = try tx.replicaLag(of: objectId) else { return nil }
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: caller, tenantId: lag.tenantId)
            do {
                try Consistency.requireVisible(objectId, kind: kind, operation: operation, action: "read it", scope: scope)
                return nil
            } catch let error as TenantError { return error }
        }
        if let denial { throw denial }
    }

    /// Applies the Dataverse background syncs that have come due, so reads see their users.
    public func settleDataverseSync() async throws(TenantError) {
        let due = try await read { tx in try !tx.pendingSyncs(dueBy: try tx.now()).isEmpty }
        guard due else { return }
        try await perform(.syncDataverseUser, caller: .system, tenantId: nil) { scope in try Consistency.applyDueSyncs(scope) }
    }
}
