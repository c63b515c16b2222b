import Foundation
import TenantModel
import TenantRules
import TenantStore

/// What opening an environment gave the person.
public struct EnvironmentAccess: Sendable, Hashable {
    public var user: User
    public var environment: PowerPlatformEnvironment
    public var dataverseUser: DataverseUser?
    public var roleNames: [String]
    public var url: String
}

extension TenantEngine {
    /// The person behind `account` opens an app in the environment (the environment URL in a
    /// browser): sign-in, Dataverse qualification and a security role.
    @discardableResult
    public func openEnvironment(_ environmentKey: String, as account: String, requestId: String? = nil) async throws(TenantError) -> EnvironmentAccess
    {
        try await perform(.openEnvironment, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let user = try facts.signIn(account, to: environment, client: .app)
            scope.tenantId = environment.tenantId
            scope.target = "\(environment.id)/\(user.id)"
            // Dataverse adds a qualifying user at their first access; the add stands even if opening is then refused.
            let existed = try scope.tx.dataverseUser(for: user.id, in: environment.id) != nil
            try DataverseSync.sync(user, in: environment, onDemand: false, firstAccess: true, scope: scope)
            if !existed, try scope.tx.dataverseUser(for: user.id, in: environment.id) != nil {
                scope.keptOnDenial.append { try DataverseSync.sync(user, in: environment, onDemand: false, firstAccess: true, scope: scope) }
            }
            let context = try facts.accessContext(for: user, in: environment, firstAccess: true)
            try scope.enforce(OperationRules.openEnvironment.decide(context))
            return EnvironmentAccess(
                user: user, environment: environment, dataverseUser: context.dataverseUser, roleNames: context.roleNames.sorted(),
                url: environment.accessURL)
        }
    }

    /// The person behind `account` makes an app of `kind` in the environment through the maker
    /// portal — the guest-maker rules of the seed.
    @discardableResult
    public func makeApp(
        _ name: String, kind: AppKind, in environmentKey: String, as account: String, requestId: String? = nil
    ) async throws(TenantError) -> MadeApp {
        try await perform(.makeApp, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let user = try facts.signIn(account, to: environment, client: .makerPortal)
            scope.tenantId = environment.tenantId
            scope.target = "\(environment.id)/\(user.id)"
            if kind.usesDataverse && !environment.hasDataverse {
                throw TenantError(
                    status: 400, code: "EnvironmentHasNoDatabase",
                    message: "The environment '\(environment.displayName)' has no Dataverse database, so \(kind.rawValue) apps can't be built there.",
                    surface: .adminAPI)
            }
            try scope.enforce(OperationRules.makeApp.decide(try facts.makerContext(for: user, in: environment, kind: kind)))
            let app = MadeApp(
                id: try scope.newID(), environmentId: environment.id, name: name, kind: kind, ownerId: user.id, createdDateTime: scope.now)
            try scope.tx.save(app)
            scope.detail = "\(kind.rawValue) '\(name)'"
            return app
        }
    }

    /// Imports a solution into the environment as `account`.
    public func importSolution(_ name: String, into environmentKey: String, as account: String, requestId: String? = nil) async throws(TenantError) {
        try await solutionTransfer(.importSolution, name: name, environmentKey: environmentKey, account: account, requestId: requestId)
    }

    /// Exports a solution from the environment as `account`.
    public func exportSolution(_ name: String, from environmentKey: String, as account: String, requestId: String? = nil) async throws(TenantError) {
        try await solutionTransfer(.exportSolution, name: name, environmentKey: environmentKey, account: account, requestId: requestId)
    }

    func solutionTransfer(
        _ operation: TenantOperation, name: String, environmentKey: String, account: String, requestId: String?
    ) async throws(TenantError) {
        try await perform(operation, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let user = try facts.signIn(account, to: environment, client: .makerPortal)
            scope.tenantId = environment.tenantId
            scope.target = "\(environment.id)/\(user.id)"
            guard environment.hasDataverse else {
                throw TenantError(
                    status: 400, code: "EnvironmentHasNoDatabase",
                    message: "Solutions need a Dataverse database; '\(environment.displayName)' has none.",
                    surface: .adminAPI)
            }
            try scope.enforce(
                (operation == .importSolution ? OperationRules.importSolution : OperationRules.exportSolution).decide(
                    try facts.makerContext(for: user, in: environment, kind: .solution)))
            scope.detail = name
        }
    }

    /// The owner of a canvas app shares it with another user of the environment's tenant.
    @discardableResult
    public func shareCanvasApp(
        _ appKey: String, in environmentKey: String, with account: String, as owner: String, requestId: String? = nil
    ) async throws(TenantError) -> MadeApp {
        try await perform(.shareCanvasApp, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let sharer = try facts.signIn(owner, to: environment, client: .makerPortal)
            scope.tenantId = environment.tenantId
            var app = try MadeAppLookup.require(appKey, in: environment, scope: scope)
            let sharerRoles = try facts.effectiveRoleNames(of: sharer, in: environment)
            guard app.ownerId == sharer.id || sharerRoles.contains(SecurityRoleName.systemAdministrator) else {
                throw TenantError(
                    status: 403, code: "Forbidden", message: "Only the owner or a co-owner of '\(app.name)' can share it.", surface: .adminAPI)
            }
            guard
                let recipient = try SignInFlow(scope: scope).context(
                    address: account.lowercased(), tenantId: environment.tenantId, authorityCloud: nil, client: .app
                ).userInTarget
            else {
                throw TenantError(
                    status: 404, code: "PrincipalNotFound",
                    message: "\(account) is not a user of \(environment.displayName)'s tenant. Invite them as a guest first.", surface: .adminAPI)
            }
            if !app.sharedWith.contains(recipient.id) { app.sharedWith.append(recipient.id) }
            try scope.tx.save(app)
            scope.target = "\(app.id)/\(recipient.id)"
            return app
        }
    }

    /// The person behind `account` runs a canvas app (§3.3 licence rules; the app must be shared).
    public func runCanvasApp(_ appKey: String, in environmentKey: String, as account: String, requestId: String? = nil) async throws(TenantError) {
        try await perform(.runCanvasApp, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let user = try facts.signIn(account, to: environment, client: .app)
            scope.tenantId = environment.tenantId
            let app = try MadeAppLookup.require(appKey, in: environment, scope: scope)
            scope.target = "\(app.id)/\(user.id)"
            let tenant = try scope.requireTenant(environment.tenantId)
            try scope.enforce(
                OperationRules.runCanvasApp.decide(
                    RunAppContext(user: user, environment: environment, tenant: tenant, app: app, licenses: try facts.licenses(of: user))))
            if app.kind.usesDataverse {
                try DataverseSync.sync(user, in: environment, onDemand: false, scope: scope)
                try scope.enforce(OperationRules.openEnvironment.decide(try facts.accessContext(for: user, in: environment)))
            }
        }
    }

    /// The person behind `account` uses a customer engagement feature in the environment.
    public func useFeature(
        _ feature: CustomerEngagementFeature, in environmentKey: String, as account: String, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.useFeature, caller: .system, tenantId: nil, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            let client: SignInClient = feature == .unifiedServiceDesk ? .unifiedServiceDesk : .app
            let user = try facts.signIn(account, to: environment, client: client)
            scope.tenantId = environment.tenantId
            scope.target = "\(environment.id)/\(user.id)"
            scope.detail = feature.rawValue
            let tenant = try scope.requireTenant(environment.tenantId)
            try scope.enforce(
                OperationRules.useFeature.decide(FeatureContext(user: user, environment: environment, tenant: tenant, feature: feature)))
        }
    }

    /// The seed's last step: notify the invited user with the environment URL (into the outbox).
    @discardableResult
    public func notifyUser(
        _ userKey: String, about environmentKey: String, by caller: Caller, message: String? = nil, requestId: String? = nil
    ) async throws(TenantError) -> OutboxMessage {
        try await perform(.notifyUser, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            scope.tenantId = environment.tenantId
            let tenant = try scope.requireTenant(environment.tenantId)
            _ = try scope.callerFacts(in: tenant.id)
            let user = try scope.tx.user(idOrUPN: userKey, in: tenant.id) ?? scope.tx.users(withAddress: userKey.lowercased(), in: tenant.id).first
            guard let user, !user.isDeleted else { throw TenantError.notFound(userKey) }
            let sender = try scope.caller.tenantId.flatMap { _ in try scope.tx.user(UserID(scope.caller.principalId)) }
            let body = [
                message, "You now have access to the \(environment.displayName) environment of \(tenant.displayName).",
                "Open it here: \(environment.accessURL)", "Sign in with the account you accepted the invitation with.",
            ].compactMap { $0 }.joined(separator: "\n\n")
            let notification = OutboxMessage(
                id: try scope.newID(), tenantId: tenant.id, kind: .notification, from: sender?.mail ?? "admin@\(tenant.initialDomain)",
                to: user.mail ?? user.userPrincipalName, subject: "You're invited to \(environment.displayName)", body: body,
                url: environment.accessURL, relatedUserId: user.id, createdDateTime: scope.now)
            try scope.tx.insert(notification)
            scope.target = user.id.rawValue
            return notification
        }
    }
}

/// Finds made apps by id or name.
enum MadeAppLookup {
    static func require(_ key: String, in environment: PowerPlatformEnvironment, scope: OperationScope) throws -> MadeApp {
        if let app = try scope.tx.madeApp(MadeAppID(key)), app.environmentId == environment.id { return app }
        if let app = try scope.tx.madeApp(named: key, in: environment.id) { return app }
        throw TenantError(
            status: 404, code: "AppNotFound", message: "The app '\(key)' was not found in '\(environment.displayName)'.", surface: .adminAPI)
    }
}
