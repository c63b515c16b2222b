import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// A delegated caller reaches an environment's Dataverse Web API: the user's enabled
    /// systemuser row, or — for administrators Dataverse adds on first access (Global / Power
    /// Platform / Dynamics 365 admins, domain-facts §8.3) — a row added just in time.
    ///
    /// Everyone else is refused with Dataverse's 403 `0x80072560` "The user is not a member of the
    /// organization." (OBSERVED wire text), carrying the first `pp.*` rule of the environment's
    /// access decision that denies (or `pp.access.no-security-role` when the user simply hasn't
    /// been added yet).
    public func admitToDataverseWebAPI(
        _ userId: UserID, in environmentId: EnvironmentID, requestId: String? = nil
    ) async throws(TenantError) -> DataverseUser {
        if let row = try await read({ tx in try tx.dataverseUser(for: userId, in: environmentId) }), !row.isDisabled { return row }
        return try await perform(.openDataverseWebAPI, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentId.rawValue)
            scope.tenantId = environment.tenantId
            guard let user = try scope.tx.user(userId) else {
                throw Self.notMember(ruleIds: [], explanation: "The token's user \(userId) no longer exists in the directory.", source: nil)
            }
            scope.target = "\(environment.id)/\(user.id)"
            let context = try facts.accessContext(for: user, in: environment)
            let decision = OperationRules.openEnvironment.decide(context)
            if context.isExemptAdmin, decision.error == nil || context.dataverseUser == nil,
                let row = try DataverseSync.sync(user, in: environment, onDemand: true, scope: scope), !row.isDisabled
            {
                return row
            }
            if let error = decision.error {
                throw Self.notMember(ruleIds: error.ruleIds, explanation: error.explanation, source: error.source)
            }
            if let row = context.dataverseUser, !row.isDisabled { return row }
            throw Self.notMember(
                ruleIds: ["pp.access.no-security-role"],
                explanation:
                    "\(user.label) is not an enabled Dataverse user of '\(environment.displayName)'. A Power Platform administrator must add the user (admin API addUser) first.",
                source: nil)
        }
    }

    static func notMember(ruleIds: [String], explanation: String?, source: String?) -> TenantError {
        TenantError(
            status: 403, code: "0x80072560", message: "The user is not a member of the organization.", surface: .dataverse,
            ruleIds: ruleIds, explanation: explanation, source: source)
    }
}
