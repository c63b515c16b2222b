import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// The onboarding checklist for the person behind `account` (their invited address, UPN or
    /// home account) in an environment. Reads only; nothing is journaled.
    public func explain(_ account: String, in environmentKey: String) async throws(TenantError) -> OnboardingChecklist {
        try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: .system, tenantId: nil)
            return try ChecklistBuilder(scope: scope).build(account: account.lowercased(), environmentKey: environmentKey)
        }
    }
}

/// Builds an ``OnboardingChecklist`` from the rules and the current state.
struct ChecklistBuilder {
    typealias Step = OnboardingChecklist.Step
    typealias Capability = OnboardingChecklist.Capability

    let scope: OperationScope
    var facts: PowerPlatformFacts { PowerPlatformFacts(scope: scope) }

    func build(account: String, environmentKey: String) throws -> OnboardingChecklist {
        let environment = try facts.requireEnvironment(environmentKey)
        let tenant = try scope.requireTenant(environment.tenantId)
        let signIn = try SignInFlow(scope: scope).context(address: account, tenantId: tenant.id, authorityCloud: nil, client: .app)
        let user = signIn.userInTarget
        let steps = try user.map { try mainSteps(for: $0, in: environment) } ?? notInvitedSteps(tenant: tenant)
        let makerSteps = try user.map { try makerTrack(for: $0, in: environment) } ?? []
        let capabilities = try capabilities(account: account, user: user, environment: environment, tenant: tenant)
        return OnboardingChecklist(
            account: account, tenant: tenant.label, environment: environment.displayName, environmentURL: environment.accessURL,
            steps: steps, makerSteps: makerSteps, capabilities: capabilities)
    }

    func notInvitedSteps(tenant: Tenant) -> [Step] {
        let titles = Self.mainTitles
        return titles.enumerated().map { index, title in
            Step(
                number: index + 1, title: title, status: .missing,
                detail: index == 0 ? "no user object in \(tenant.displayName): invite the guest first" : "",
                blockingRule: index == 0 ? "signin.not-in-tenant" : nil, explanation: nil)
        }
    }

    static let mainTitles = [
        "Invited (B2B invitation)", "Redeemed the invitation", "Name and usage location set",
        "Licence assigned in the resource tenant", "Member of the environment's security group", "Synced to Dataverse",
        "Security role assigned", "Notified with the environment URL",
    ]

    func mainSteps(for user: User, in environment: PowerPlatformEnvironment) throws -> [Step] {
        let access = try facts.accessContext(for: user, in: environment)
        var steps: [Step] = []
        func step(_ status: OnboardingChecklist.Status, _ detail: String, rule: String? = nil, explanation: String? = nil) {
            steps.append(
                Step(
                    number: steps.count + 1, title: Self.mainTitles[steps.count], status: status, detail: detail, blockingRule: rule,
                    explanation: explanation))
        }
        // 1. Invited.
        if user.isGuest || user.creationType == .invitation {
            step(.done, "\(user.userPrincipalName)")
        } else {
            step(.notApplicable, "a member of \(access.tenant.displayName), not a guest")
        }
        // 2. Redeemed.
        switch user.externalUserState {
        case .accepted?: step(.done, "redeemed with \(user.externalIdentityIssuer ?? "an external identity")")
        case .pendingAcceptance?: step(.missing, "invitation pending: the guest must open the redeem URL (or sign in, which redeems just in time)")
        case nil: step(.notApplicable, "not an invited user")
        }
        // 3. Names and usage location.
        var absent: [String] = []
        if user.givenName == nil { absent.append("givenName") }
        if user.surname == nil { absent.append("surname") }
        if user.usageLocation == nil { absent.append("usageLocation") }
        if absent.isEmpty {
            step(.done, "\(user.givenName ?? "") \(user.surname ?? ""), usage location \(user.usageLocation ?? "")")
        } else if user.usageLocation == nil {
            let rule = LicenseUsageLocationMissingRule().metadata
            step(
                .missing, "not set: \(absent.joined(separator: ", "))", rule: rule.id,
                explanation: "A licence can't be assigned until usageLocation is set.")
        } else {
            step(.missing, "not set: \(absent.joined(separator: ", ")) (usage location is \(user.usageLocation!))")
        }
        // 4. Licence in the resource tenant (for canvas apps without Dataverse, a Power Apps licence
        // from the guest's same-cloud home tenant counts too, §3.3).
        let homeCounts = user.isExternal && access.licenses.homeTenant?.cloud == environment.cloud && access.licenses.hasHomePowerApps
        let licensed =
            environment.hasDataverse ? access.licenses.hasResourceDataverse : access.licenses.hasResourcePowerApps || homeCounts
        if access.isExemptAdmin {
            step(.notApplicable, "exempt as \(access.exemptRoleNames.joined(separator: ", "))")
        } else if licensed {
            step(
                .done,
                access.licenses.hasResourcePowerApps || environment.hasDataverse
                    ? access.licenses.resourceSummary : "\(access.licenses.homeSummary) in the home tenant (counts for canvas apps without Dataverse)"
            )
        } else {
            let wrongTenant = DataverseGuestLicenseWrongTenantRule().evaluate(access)
            let missingRule =
                wrongTenant.effect == .forbid
                ? DataverseGuestLicenseWrongTenantRule().metadata
                : environment.hasDataverse ? DataverseLicenseMissingRule().metadata : AppLicenseMissingRule().metadata
            step(
                .missing, "in the resource tenant: \(access.licenses.resourceSummary); home tenant: \(access.licenses.homeSummary)",
                rule: missingRule.id, explanation: wrongTenant.explanation ?? missingRule.explanation)
        }
        // 5. Security group.
        let group = DataverseNotInSecurityGroupRule().evaluate(access)
        switch group.effect {
        case .forbid:
            step(
                .missing, "not a direct member of '\(access.securityGroup?.displayName ?? "")'", rule: "pp.dataverse.not-in-security-group",
                explanation: group.explanation)
        case .permit: step(.done, "direct member of '\(access.securityGroup?.displayName ?? "")'")
        default: step(.notApplicable, access.securityGroup == nil ? "the environment has no security group" : "exempt admin")
        }
        // 6. Synced to Dataverse.
        if !environment.hasDataverse {
            step(.notApplicable, "the environment has no Dataverse")
        } else if let row = access.dataverseUser, !row.isDisabled {
            step(.done, "systemuser \(row.id)")
        } else {
            let decision = OperationRules.dataverseQualification.decide(access)
            if let error = decision.error {
                step(
                    .missing, access.dataverseUser == nil ? "not a Dataverse user" : "disabled Dataverse user", rule: decision.deniedBy,
                    explanation: error.explanation)
            } else {
                step(
                    .missing,
                    "qualifies but not added yet: \(environment.sku.syncsAutomatically ? "the next sync adds the user" : "\(environment.sku.rawValue) environments add users on demand (addUser)")"
                )
            }
        }
        // 7. Security role.
        if !environment.hasDataverse {
            step(.notApplicable, "without Dataverse, apps are shared one by one; makers need Environment Maker (step 11)")
        } else if !access.roleNames.isEmpty {
            step(.done, access.roleNames.sorted().joined(separator: ", "))
        } else {
            let rule = AccessNoSecurityRoleRule().metadata
            step(.missing, "no security role in '\(environment.displayName)'", rule: rule.id, explanation: rule.explanation)
        }
        // 8. Notified.
        let notified = try scope.tx.outbox(to: user.contactAddress).contains { $0.kind == .notification && $0.url == environment.accessURL }
        step(notified ? .done : .missing, notified ? "sent \(environment.accessURL)" : "no notification with \(environment.accessURL) in the outbox")
        return steps
    }

    func makerTrack(for user: User, in environment: PowerPlatformEnvironment) throws -> [Step] {
        let maker = try facts.makerContext(for: user, in: environment, kind: environment.hasDataverse ? .canvasOnDataverse : .canvas)
        func step(_ number: Int, _ title: String, _ outcomes: [(RuleMetadata, RuleOutcome)], done: String) -> Step {
            if let (meta, outcome) = outcomes.first(where: { $0.1.effect == .forbid }) {
                return Step(
                    number: number, title: title, status: .missing, detail: "", blockingRule: meta.id,
                    explanation: outcome.explanation ?? meta.explanation)
            }
            if let (meta, outcome) = outcomes.first(where: { $0.1.effect == .notEnoughInformation }) {
                return Step(
                    number: number, title: title, status: .notEnoughInformation, detail: "unknown: \(outcome.missing.joined(separator: "; "))",
                    blockingRule: meta.id, explanation: nil)
            }
            if outcomes.allSatisfy({ $0.1.effect == .notApplicable }) {
                return Step(
                    number: number, title: title, status: .notApplicable, detail: "applies to guests only", blockingRule: nil, explanation: nil)
            }
            return Step(number: number, title: title, status: .done, detail: done, blockingRule: nil, explanation: nil)
        }
        func outcome<R: Rule>(_ rule: R) -> (RuleMetadata, RuleOutcome) where R.Context == MakerContext { (rule.metadata, rule.evaluate(maker)) }
        return [
            step(
                9, "Guest access level: same as members (resource tenant)", [outcome(MakerGuestAccessNotMemberLevelRule())],
                done: "guestUserRoleId \(GuestUserRole.sameAsMembers.rawValue)"),
            step(
                10, "enableGuestsToMake (resource tenant)", [outcome(MakerGuestsCannotMakeRule())],
                done: "powerPlatform.powerApps.enableGuestsToMake = true"),
            step(11, "Environment Maker role", [outcome(MakerEnvironmentMakerMissingRule())], done: maker.roleSummary),
            step(
                12, "Entra (not Microsoft account) identity, same Power Platform cloud, Dataverse licence in the resource tenant",
                [outcome(MakerMSACannotSignInRule()), outcome(MakerSovereignBoundaryRule())]
                    + (environment.hasDataverse ? [outcome(MakerDataverseLicenseMissingRule())] : []),
                done: "\(user.externalIdentityIssuer ?? "member"), \(environment.cloud.displayName)"),
        ]
    }

    func capabilities(account: String, user: User?, environment: PowerPlatformEnvironment, tenant: Tenant) throws -> [Capability] {
        var list: [Capability] = []
        func verdict(_ name: String, _ decisions: [Decision]) {
            if let denied = decisions.first(where: { $0.effect == .forbid }) {
                list.append(Capability(name: name, verdict: .blocked, blockingRule: denied.deniedBy, explanation: denied.explanation))
            } else if let unknown = decisions.first(where: { $0.effect == .notEnoughInformation }) {
                list.append(
                    Capability(
                        name: name, verdict: .notEnoughInformation, blockingRule: unknown.determiningRuleIds.first, explanation: unknown.explanation))
            } else {
                list.append(Capability(name: name, verdict: .allowed, blockingRule: nil, explanation: nil))
            }
        }
        func signIn(_ client: SignInClient) throws -> [Decision] {
            let context = try SignInFlow(scope: scope).context(address: account, tenantId: tenant.id, authorityCloud: nil, client: client)
            var decisions = [OperationRules.signIn.decide(context)]
            if let pending = context.userInTarget, pending.isPendingGuest, let invitation = try scope.tx.latestInvitation(for: pending.id) {
                decisions.append(
                    OperationRules.redeemInvitation.decide(
                        try RedemptionFlow(scope: scope).context(invitation: invitation, guest: pending, tenant: tenant)))
            }
            return decisions
        }
        guard let user else {
            let denied = try signIn(.app)
            for name in ["open the environment", "run apps", "make canvas apps", "make Dataverse apps", "import solutions"] { verdict(name, denied) }
            return list
        }
        let access = try facts.accessContext(for: user, in: environment)
        let open = OperationRules.openEnvironment.decide(access)
        verdict("open the environment", try signIn(.app) + [open])
        if environment.hasDataverse {
            verdict("run apps", try signIn(.app) + [open])
        } else {
            let sample = MadeApp(
                id: "explain", environmentId: environment.id, name: "a shared canvas app", kind: .canvas, ownerId: "someone-else",
                sharedWith: [user.id], createdDateTime: scope.now)
            verdict(
                "run apps",
                try signIn(.app) + [
                    OperationRules.runCanvasApp.decide(
                        RunAppContext(user: user, environment: environment, tenant: tenant, app: sample, licenses: try facts.licenses(of: user)))
                ])
        }
        verdict(
            "make canvas apps",
            try signIn(.makerPortal) + [OperationRules.makeApp.decide(try facts.makerContext(for: user, in: environment, kind: .canvas))])
        if environment.hasDataverse {
            verdict(
                "make Dataverse apps",
                try signIn(.makerPortal) + [
                    OperationRules.makeApp.decide(try facts.makerContext(for: user, in: environment, kind: .canvasOnDataverse))
                ])
            verdict(
                "import solutions",
                try signIn(.makerPortal) + [OperationRules.importSolution.decide(try facts.makerContext(for: user, in: environment, kind: .solution))]
            )
        } else {
            list.append(
                Capability(name: "make Dataverse apps", verdict: .notApplicable, blockingRule: nil, explanation: "the environment has no Dataverse"))
            list.append(
                Capability(name: "import solutions", verdict: .notApplicable, blockingRule: nil, explanation: "the environment has no Dataverse"))
        }
        for feature in CustomerEngagementFeature.allCases {
            let client: SignInClient = feature == .unifiedServiceDesk ? .unifiedServiceDesk : .app
            verdict(
                feature.displayName,
                try signIn(client) + [
                    OperationRules.useFeature.decide(FeatureContext(user: user, environment: environment, tenant: tenant, feature: feature))
                ])
        }
        return list
    }
}
