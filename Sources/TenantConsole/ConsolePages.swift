import Foundation
import Mustache
import TenantEngine
import TenantModel
import TenantRules

/// Renders the console's pages from the engine's state, as HTML. Reads only: the one action (a
/// guest redeeming) goes through the engine's operation like the control API's.
public struct ConsolePages: Sendable {
    let engine: TenantEngine
    let library: MustacheLibrary

    public init(engine: TenantEngine) throws {
        self.engine = engine
        var library = MustacheLibrary()
        for (name, text) in ConsoleTemplates.all { try library.register(text, named: name) }
        self.library = library
    }

    func render(_ template: String, _ context: [String: Any?]) -> String { library.render(Self.compact(context), withTemplate: template) ?? "" }

    /// The context without its `nil` values: Mustache treats a missing key as false, a boxed `nil` as text.
    static func compact(_ context: [String: Any?]) -> [String: Any] { context.compactMapValues { $0 } }

    /// The sign-in page (the control key).
    public func login(error: String? = nil) -> String {
        render("login", ["title": "Sign in", "error": error])
    }

    /// Every tenant with its cloud, domains and external collaboration settings.
    public func tenants(notice: String? = nil, lessons: [(number: Int, title: String)] = []) async throws -> String {
        var rows: [[String: Any]] = []
        for tenant in try await engine.tenants() {
            let policy = try await engine.authorizationPolicy(of: tenant.id)
            rows.append([
                "name": tenant.displayName, "id": tenant.id.rawValue, "cloud": tenant.cloud.displayName,
                "domains": tenant.allDomains.joined(separator: ", "), "allowInvitesFrom": policy.allowInvitesFrom.rawValue,
                "guestAccess": GuestUserRole.wording(of: policy.guestUserRoleId),
                "collaboration": try await engine.collaborationRestrictions(of: tenant.id).summary,
            ])
        }
        return render(
            "tenants",
            [
                "title": "Tenants", "tenants": rows, "notice": notice, "now": ISO8601DateFormatter().string(from: try await engine.now()),
                "snapshots": try await engine.snapshotNames().map { ["name": $0] }, "hasLessons": !lessons.isEmpty,
                "lessons": lessons.map { ["number": $0.number, "title": $0.title] },
            ])
    }

    /// The tenant a page shows: the one asked for, else the one with the most guests (where a
    /// class is onboarding people), and the picker's entries.
    func pick(_ key: String?, path: String) async throws -> (Tenant?, [[String: Any]]) {
        let tenants = try await engine.tenants()
        var guestCounts: [TenantID: Int] = [:]
        for tenant in tenants { guestCounts[tenant.id] = try await engine.users(in: tenant.id).filter(\.isGuest).count }
        let busiest = tenants.enumerated().max { left, right in
            (guestCounts[left.element.id] ?? 0, -left.offset) < (guestCounts[right.element.id] ?? 0, -right.offset)
        }?.element
        let chosen = try await key.asyncMap { try await engine.tenant($0) } ?? busiest
        return (chosen, tenants.map { ["id": $0.id.rawValue, "name": $0.displayName, "current": $0.id == chosen?.id, "path": path] })
    }

    /// A tenant's subscriptions: assigned and purchased units, as the admin center's Licenses page.
    public func licences(tenant key: String?) async throws -> String {
        let (tenant, picker) = try await pick(key, path: "/console/licences")
        let skus = try await tenant.asyncMap { try await engine.skus(in: $0.id) } ?? []
        let rows: [[String: Any]] = skus.map { sku in
            [
                "partNumber": sku.skuPartNumber, "skuId": sku.skuId, "consumed": sku.consumedUnits, "enabled": sku.prepaidUnits.enabled,
                "available": max(0, sku.prepaidUnits.enabled - sku.consumedUnits), "dataverse": sku.grantsDataverse ? "yes" : "no",
            ]
        }
        return render("licences", ["title": "Licences of \(tenant?.displayName ?? "")", "skus": rows, "tenants": picker])
    }

    /// A tenant's environments: type, URL, Dataverse, security group, and each Dataverse user with roles.
    public func environments(tenant key: String?) async throws -> String {
        let (tenant, picker) = try await pick(key, path: "/console/environments")
        var rows: [[String: Any]] = []
        for environment in try await tenant.asyncMap({ try await engine.environments(in: $0.id) }) ?? [] {
            var users: [[String: Any]] = []
            for row in try await engine.dataverseUsers(in: environment.id) {
                let roles = try await engine.effectiveRoles(of: row.userId, in: environment.id)
                users.append([
                    "name": row.fullName, "domainName": row.domainName,
                    "status": row.isDisabled ? "disabled\(row.disabledReason.map { " (\($0))" } ?? "")" : "enabled",
                    "roles": roles.isEmpty ? "none" : roles.keys.sorted().joined(separator: ", "),
                ])
            }
            let group = try await environment.securityGroupId.asyncMap { try await engine.group($0)?.displayName }
            rows.append([
                "name": environment.displayName, "type": environment.sku.rawValue, "url": environment.instanceURL ?? environment.accessURL,
                "dataverse": environment.hasDataverse ? "yes" : "no", "group": (group ?? nil) ?? "none (every licensed user of the tenant)",
                "users": users, "hasUsers": !users.isEmpty,
            ])
        }
        return render("environments", ["title": "Environments of \(tenant?.displayName ?? "")", "environments": rows, "tenants": picker])
    }

    /// A tenant's groups: type, direct members and owners, and the environments each one gates.
    public func groups(tenant key: String?) async throws -> String {
        let (tenant, picker) = try await pick(key, path: "/console/groups")
        guard let tenant else { return render("groups", ["title": "Groups", "tenants": picker]) }
        let users = Dictionary(uniqueKeysWithValues: try await engine.users(in: tenant.id).map { ($0.id.rawValue, $0) })
        let environments = try await engine.environments(in: tenant.id)
        var rows: [[String: Any]] = []
        for group in try await engine.groups(in: tenant.id) {
            let members = try await engine.memberships(of: group.id).map { users[$0.memberId].map(Self.name) ?? $0.memberId }
            let owners = try await engine.owners(of: group.id, in: tenant.id).map(Self.name)
            rows.append([
                "name": group.displayName, "type": group.isMicrosoft365 ? "Microsoft 365" : "Security",
                "members": members.isEmpty ? "none" : members.sorted().joined(separator: ", "),
                "owners": owners.isEmpty ? "none" : owners.sorted().joined(separator: ", "),
                "gates": environments.filter { $0.securityGroupId == group.id }.map(\.displayName).joined(separator: ", "),
            ])
        }
        return render("groups", ["title": "Groups of \(tenant.displayName)", "groups": rows, "tenants": picker])
    }

    static func name(_ user: User) -> String { user.displayName ?? user.userPrincipalName }

    /// A tenant's cross-tenant access settings: the default and each partner organization, and its
    /// Microsoft cloud settings.
    public func crossTenantAccess(tenant key: String?) async throws -> String {
        let (tenant, picker) = try await pick(key, path: "/console/cross-tenant-access")
        guard let tenant else { return render("crossTenant", ["title": "Cross-tenant access", "tenants": picker]) }
        let defaults = try await engine.crossTenantDefault(of: tenant.id)
        func describe(_ setting: CrossTenantB2BSetting?) -> String {
            guard let users = setting?.usersAndGroups else { return "as the default" }
            return "\(users.accessType.rawValue) for \(users.blocksAll || users.allowsAll ? "all users" : "chosen users")"
        }
        func order(_ settings: CrossTenantAccessSettings) -> String {
            settings.invitationRedemptionIdentityProviderConfiguration.map { configuration in
                configuration.primaryIdentityProviderPrecedenceOrder.joined(separator: ", ") + ", then " + configuration.fallbackIdentityProvider
            } ?? "as the default"
        }
        var rows: [[String: Any]] = [
            [
                "name": "Default settings", "inbound": describe(defaults.settings.b2bCollaborationInbound),
                "outbound": describe(defaults.settings.b2bCollaborationOutbound), "redemption": order(defaults.settings),
            ]
        ]
        let tenants = Dictionary(uniqueKeysWithValues: try await engine.tenants().map { ($0.id, $0.displayName) })
        for partner in try await engine.crossTenantPartners(of: tenant.id) {
            rows.append([
                "name": tenants[partner.partnerTenantId] ?? partner.partnerTenantId.rawValue,
                "inbound": describe(partner.settings.b2bCollaborationInbound),
                "outbound": describe(partner.settings.b2bCollaborationOutbound), "redemption": order(partner.settings),
            ])
        }
        return render(
            "crossTenant",
            [
                "title": "Cross-tenant access of \(tenant.displayName)", "rows": rows, "tenants": picker,
                "clouds": defaults.allowedCloudEndpoints.isEmpty ? "none" : defaults.allowedCloudEndpoints.joined(separator: ", "),
            ])
    }

    /// A tenant's invitations, and the outbox: what Microsoft would have emailed.
    public func invitations(tenant key: String?) async throws -> String {
        let (tenant, picker) = try await pick(key, path: "/console/invitations")
        let formatter = ISO8601DateFormatter()
        let invitations = try await tenant.asyncMap { try await engine.invitations(in: $0.id) } ?? []
        let rows: [[String: Any]] = invitations.reversed().map { invitation in
            [
                "userId": invitation.invitedUserId.rawValue, "address": invitation.invitedUserEmailAddress, "status": invitation.status.rawValue,
                "redirect": invitation.inviteRedirectUrl, "created": formatter.string(from: invitation.createdDateTime),
            ]
        }
        let messages = try await engine.outbox().filter { $0.tenantId == tenant?.id }.reversed().map { message -> [String: Any] in
            ["to": message.to, "kind": message.kind.rawValue, "subject": message.subject, "url": message.url ?? ""]
        }
        return render(
            "invitations",
            ["title": "Invitations and outbox of \(tenant?.displayName ?? "")", "invitations": rows, "messages": messages, "tenants": picker])
    }

    /// A tenant's users, or only its guests.
    public func users(tenant key: String?, guestsOnly: Bool) async throws -> String {
        let (chosen, picker) = try await pick(key, path: "/console/users")
        guard let tenant = chosen else { return render("users", ["title": "Users", "users": [Any]()]) }
        let users = try await engine.users(in: tenant.id).filter { !$0.isDeleted && (!guestsOnly || $0.isGuest) }
            .sorted { ($0.displayName ?? $0.userPrincipalName).lowercased() < ($1.displayName ?? $1.userPrincipalName).lowercased() }
        let rows: [[String: Any]] = users.map { user in
            [
                "id": user.id.rawValue, "name": user.displayName ?? user.userPrincipalName, "upn": user.userPrincipalName,
                "type": user.userType.rawValue, "state": user.externalUserState?.rawValue ?? "", "usageLocation": user.usageLocation ?? "",
            ]
        }
        return render(
            "users",
            [
                "title": guestsOnly ? "Guests of \(tenant.displayName)" : "Users of \(tenant.displayName)", "users": rows,
                "tenantId": tenant.id.rawValue, "guestsOnly": guestsOnly,
                "tenants": picker.map { $0.merging(["filterQuery": guestsOnly ? "&type=guest" : ""]) { old, _ in old } },
            ])
    }

    /// One user: licences, groups, and per environment of the tenant the roles, Dataverse presence
    /// and the onboarding checklist with the blocking rules.
    public func user(_ id: String, notice: String? = nil) async throws -> String? {
        guard let user = try await engine.user(id: UserID(id.lowercased())) else { return nil }
        let tenant = try await engine.tenant(user.tenantId.rawValue)
        var licences: [String] = []
        for license in try await engine.licenses(of: user.id) {
            licences.append(try await engine.sku(license.skuId, in: tenant.id)?.skuPartNumber ?? license.skuId)
        }
        var groups: [String] = []
        for groupId in try await engine.groupIds(ofMember: user.id.rawValue) {
            if let group = try await engine.group(groupId) { groups.append(group.displayName) }
        }
        var environments: [[String: Any]] = []
        for environment in try await engine.environments(in: tenant.id) {
            let roles = try await engine.effectiveRoles(of: user.id, in: environment.id)
            let row = try await engine.dataverseUser(for: user.id, in: environment.id)
            let checklist = try await engine.explain(user.contactAddress, in: environment.id.rawValue)
            environments.append([
                "name": environment.displayName,
                "roles": roles.isEmpty
                    ? "none"
                    : TenantEngine.roleLabels(roles).joined(separator: ", "),
                "dataverse": !environment.hasDataverse ? "no database" : row.map { $0.isDisabled ? "disabled user" : "user" } ?? "not a user",
                "steps": (checklist.steps + checklist.makerSteps).map(Self.step), "capabilities": checklist.capabilities.map(Self.capability),
                "userName": user.displayName ?? user.userPrincipalName,
            ])
        }
        return render(
            "user",
            [
                "title": user.displayName ?? user.userPrincipalName, "id": user.id.rawValue, "upn": user.userPrincipalName,
                "mail": user.mail ?? "", "tenant": tenant.label, "type": user.userType.rawValue,
                "state": user.externalUserState?.rawValue ?? "—", "usageLocation": user.usageLocation ?? "not set",
                "licences": licences.isEmpty ? "none" : licences.sorted().joined(separator: ", "),
                "groups": groups.isEmpty ? "none" : groups.sorted().joined(separator: ", "), "pending": user.isPendingGuest,
                "environments": environments, "notice": notice,
            ])
    }

    static func step(_ step: OnboardingChecklist.Step) -> [String: Any] {
        let css =
            switch step.status {
            case .done: "done"
            case .missing: "blocked"
            case .notApplicable, .notEnoughInformation: "muted"
            }
        return compact([
            "mark": step.status.mark, "css": css, "status": step.status.rawValue, "title": "\(step.number). \(step.title)", "detail": step.detail,
            "rule": step.blockingRule, "explanation": step.explanation,
        ])
    }

    static func capability(_ capability: OnboardingChecklist.Capability) -> [String: Any] {
        let css =
            switch capability.verdict {
            case .allowed: "done"
            case .blocked: "blocked"
            case .notApplicable, .notEnoughInformation: "muted"
            }
        return compact([
            "mark": capability.verdict.mark, "css": css, "verdict": capability.verdict.rawValue, "name": capability.name,
            "rule": capability.blockingRule, "explanation": capability.explanation,
        ])
    }

    /// The journal, newest first (the last 500 entries).
    public func journal() async throws -> String {
        let entries = try await engine.journal().suffix(500).reversed()
        // Actors by name: users and app registrations of every tenant.
        var names: [String: String] = [:]
        var tenantNames: [TenantID: String] = [:]
        for tenant in try await engine.tenants() {
            tenantNames[tenant.id] = tenant.displayName
            for user in try await engine.users(in: tenant.id) { names[user.id.rawValue] = user.userPrincipalName }
        }
        for app in try await engine.apps() { names[app.appId.rawValue] = "app: \(app.displayName)" }
        let formatter = ISO8601DateFormatter()
        let rows: [[String: Any]] = entries.map { entry in
            Self.compact([
                "sequence": entry.sequence, "time": formatter.string(from: entry.time), "operation": entry.operation,
                "actor": names[entry.actor] ?? entry.actor, "tenant": entry.tenantId.flatMap { tenantNames[$0] } ?? "",
                "message": entry.outcome == .denied ? entry.detail : nil,
                "outcome": entry.outcome.rawValue, "css": entry.outcome == .denied ? "denied" : "",
                "rules": entry.ruleIds.map { id in ["id": id, "explanation": RuleCatalog.find(id)?.explanation ?? ""] },
            ])
        }
        return render("journal", ["title": "Journal", "entries": rows])
    }

    /// The rule catalogue, by section.
    public func rules() -> String {
        let sections: [[String: Any]] = RuleCatalog.sections.map { section in
            ["title": section.title, "rules": section.rules.map { ["id": $0.id, "title": $0.title] }]
        }
        return render("rules", ["title": "Rules", "sections": sections])
    }

    /// One rule's page, or `nil` for an id the catalogue doesn't have.
    public func rule(_ id: String) -> String? {
        guard let rule = RuleCatalog.find(id) else { return nil }
        let operations = OperationRules.ruleIdsByOperation.filter { $0.ruleIds.contains(rule.id) }.map(\.operation.rawValue)
        return render(
            "rule",
            [
                "title": rule.id, "ruleTitle": rule.title, "deniesWhen": rule.deniesWhen, "notApplicableWhen": rule.notApplicableWhen,
                "wire": rule.wire?.summary ?? "—", "explanation": rule.explanation, "source": rule.source, "departs": rule.departsFromSeed,
                "operations": operations.joined(separator: ", "), "learnLink": LearnPage.url, "learnTitle": LearnPage.title,
            ])
    }
}
