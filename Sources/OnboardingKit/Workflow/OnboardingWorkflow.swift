import Foundation

/// The seed's onboarding flow per guest, idempotently: invite (reusing an existing guest), set
/// names and usage location, assign the licence, add to the environment's security group, add to
/// Dataverse, assign the security role, notify; and for makers set the guest access level,
/// enable guest makers and assign Environment Maker.
///
/// Every step first reads the current state and only writes what is missing, so re-running
/// finishes what is left and changes nothing that is already done. A guest who hasn't redeemed
/// the invitation yet is reported as waiting (Dataverse only admits redeemed guests), not failed.
public struct OnboardingWorkflow: Sendable {
    public let client: OnboardingClient
    public let plan: OnboardingPlan

    public init(client: OnboardingClient, plan: OnboardingPlan) {
        self.client = client
        self.plan = plan
    }

    /// What a run resolves once: the environment, SKU, group and roles.
    public struct Target: Sendable, Hashable {
        public var environment: AdminEnvironment
        public var sku: SubscribedSku
        public var securityGroup: DirectoryGroup?
        public var role: DataverseRole?
        public var makerRole: DataverseRole?
    }

    /// Resolves the plan's environment, SKU, security group and roles. Throws ``GraphError`` when
    /// one doesn't exist — the plan is wrong, no guest could be completed.
    public func resolve() async throws -> Target {
        guard let environment = try await client.environment(matching: plan.environment) else {
            let environments = (try? await client.environments()) ?? []
            let known = environments.map { $0.instanceURL ?? $0.displayName }
            var error = GraphError(
                status: 404, code: "EnvironmentNotFound",
                message: "No environment matches '\(plan.environment)'. Known: \(known.joined(separator: ", ")).")
            error.known = environments.map(\.displayName) + known
            throw error
        }
        guard let sku = try await client.sku(partNumber: plan.licenseSkuPartNumber) else {
            let known = (try? await client.subscribedSkus().map(\.skuPartNumber)) ?? []
            var error = GraphError(
                status: 404, code: "SkuNotFound",
                message: "The tenant has no subscription '\(plan.licenseSkuPartNumber)'. It has: \(known.joined(separator: ", ")).")
            error.known = known
            throw error
        }
        var group: DirectoryGroup?
        if let id = plan.securityGroupId ?? environment.securityGroupId {
            group = try await client.group(id: id)
            if group == nil {
                throw GraphError(status: 404, code: "Request_ResourceNotFound", message: "The security group '\(id)' does not exist.")
            }
        }
        var role: DataverseRole?
        var makerRole: DataverseRole?
        if let host = environment.instanceHost {
            role = try await client.role(named: plan.roleName, host: host)
            if role == nil {
                let known = (try? await client.roleNames(host: host)) ?? []
                var error = GraphError(
                    status: 404, code: "RoleNotFound",
                    message: "'\(environment.displayName)' has no security role '\(plan.roleName)'. It has: \(known.joined(separator: ", ")).")
                error.known = known
                throw error
            }
            makerRole = try await client.role(named: "Environment Maker", host: host)
        }
        return Target(environment: environment, sku: sku, securityGroup: group, role: role, makerRole: makerRole)
    }

    /// Onboards every guest in order and returns one checklist per guest. Throws only when the
    /// plan can't be resolved (see ``resolve()``); per-guest failures are in the checklists.
    public func run(
        _ guests: [GuestToOnboard], progress: @Sendable (GuestOnboardingReport) -> Void = { _ in }
    ) async throws -> [GuestOnboardingReport] {
        var session = Session(client: client, plan: plan, target: try await resolve())
        var reports: [GuestOnboardingReport] = []
        for guest in guests {
            let report = await session.onboard(guest)
            progress(report)
            reports.append(report)
        }
        return reports
    }

    /// The state of one run: group members and tenant-wide maker steps are read once.
    struct Session {
        let client: OnboardingClient
        let plan: OnboardingPlan
        let target: Target
        var groupMembers: Set<String>?
        var guestAccessLevel: StepStatus?
        var guestsCanMake: StepStatus?
        /// The tenant's id, read once when a redemption needs it.
        var tenantId: String?

        init(client: OnboardingClient, plan: OnboardingPlan, target: Target) {
            self.client = client
            self.plan = plan
            self.target = target
        }

        var environment: AdminEnvironment { target.environment }

        mutating func onboard(_ guest: GuestToOnboard) async -> GuestOnboardingReport {
            var steps: [StepResult] = []
            func add(_ step: OnboardingStep, _ status: StepStatus) { steps.append(StepResult(step: step, status: status)) }
            let maker = plan.maker || guest.maker
            let remaining: [OnboardingStep] =
                [.redeemed, .nameAndUsageLocation, .licence, .securityGroup, .dataverse, .securityRole, .notified]
                + (maker ? [.guestAccessLevel, .guestsCanMake, .environmentMaker, .makerIdentity] : [])

            // 1. Invited.
            var user: DirectoryUser
            do {
                user = try await invite(guest, add: add)
            } catch {
                add(.invited, .failed(Self.graphError(error)))
                for step in remaining { add(step, .notAttempted("the guest isn't invited")) }
                return GuestOnboardingReport(guest: guest.email, userId: nil, steps: steps)
            }
            // 2. Redeemed.
            switch user.externalUserState?.lowercased() {
            case "accepted"?: add(.redeemed, .alreadyDone("the guest accepted the invitation"))
            case "pendingacceptance"? where plan.redeemAsGuest:
                add(.redeemed, await step { try await redeemAsGuest(guest, user: &user) })
            case "pendingacceptance"?: add(.redeemed, .waiting("waiting for the guest to redeem the invitation"))
            default: add(.redeemed, .notApplicable("not an invited user"))
            }
            // 3. Names and usage location.
            add(.nameAndUsageLocation, await step { try await names(guest, user: &user) })
            // 4. Licence.
            add(.licence, await step { try await licence(user) })
            // 5. Security group.
            add(.securityGroup, await step { try await membership(user) })
            // 6. Dataverse.
            var systemUser: DataverseSystemUser?
            let qualifiedNow = [OnboardingStep.licence, .securityGroup].contains { step in
                steps.contains { $0.step == step && $0.status.changedSomething }
            }
            add(.dataverse, await step { try await dataverse(user, systemUser: &systemUser, qualifiedNow: qualifiedNow) })
            // 7. Security role.
            add(.securityRole, await step { try await role(target.role, name: plan.roleName, systemUser: systemUser, user: user) })
            // 8. Notified.
            let ready = steps.allSatisfy(\.status.isComplete)
            add(.notified, await step { try await notify(user, guest: guest, ready: ready) })
            if maker {
                // 9. Guest access level (tenant-wide, once per run).
                var level = guestAccessLevel
                add(.guestAccessLevel, await once(&level) { try await setGuestAccessLevel() })
                guestAccessLevel = level
                // 10. enableGuestsToMake (tenant-wide, once per run).
                var enabled = guestsCanMake
                add(.guestsCanMake, await once(&enabled) { try await enableGuestsToMake() })
                guestsCanMake = enabled
                // 11. Environment Maker.
                add(.environmentMaker, await step { try await role(target.makerRole, name: "Environment Maker", systemUser: systemUser, user: user) })
                // 12. What no setting fixes: the guest's identity and cloud, the Dataverse licence.
                add(.makerIdentity, await step { try await makerIdentity(user, guest: guest) })
            }
            return GuestOnboardingReport(guest: guest.email, userId: user.id, steps: steps)
        }

        /// A tenant-wide step, run for the first guest only: later guests see it as already done.
        func once(_ first: inout StepStatus?, _ body: () async throws -> StepStatus) async -> StepStatus {
            guard let earlier = first else {
                let status = await step(body)
                first = status
                return status
            }
            if case .doneNow(let detail) = earlier { return .alreadyDone(detail) }
            return earlier
        }

        /// Runs a step, turning an error into `.failed`.
        func step(_ body: () async throws -> StepStatus) async -> StepStatus {
            do { return try await body() } catch { return .failed(Self.graphError(error)) }
        }

        static func graphError(_ error: any Error) -> GraphError {
            if let error = error as? GraphError { return error }
            return GraphError(status: 0, code: "TransportError", message: String(describing: error))
        }

        func invite(_ guest: GuestToOnboard, add: (OnboardingStep, StepStatus) -> Void) async throws -> DirectoryUser {
            if let existing = try await client.user(withAddress: guest.email) {
                if existing.userType?.lowercased() == "member" && existing.externalUserState == nil {
                    add(.invited, .notApplicable("\(existing.userPrincipalName ?? existing.id) is a member of the tenant, not a guest"))
                } else {
                    add(.invited, .alreadyDone("existing guest \(existing.userPrincipalName ?? existing.id)"))
                }
                return existing
            }
            let invitation = GuestInvitation(
                email: guest.email, redirectURL: plan.inviteRedirectURL ?? environment.accessURL, displayName: guest.displayName,
                sendInvitationMessage: plan.sendInvitationMessage)
            let result = try await client.invite(invitation)
            add(.invited, .doneNow("invited as \(result.invitedUser.userPrincipalName ?? result.invitedUser.id)"))
            guard let user = try await client.user(result.invitedUser.id, waitForReplication: true) else {
                throw GraphError(
                    status: 404, code: "Request_ResourceNotFound", message: "The invited user \(result.invitedUser.id) can't be read back.")
            }
            return user
        }

        /// TenantSim plays the guest accepting the invitation (`redeemAsGuest`), then reads the user again.
        mutating func redeemAsGuest(_ guest: GuestToOnboard, user: inout DirectoryUser) async throws -> StepStatus {
            guard client.isTenantSim else { throw OnboardingClient.notTenantSim }
            let tenant: String
            if let known = tenantId {
                tenant = known
            } else {
                tenant = try await client.organizationId()
                tenantId = tenant
            }
            let provider = try await client.redeem(address: guest.email, tenant: tenant)
            user = try await client.user(user.id, waitForReplication: true) ?? user
            return .doneNow("TenantSim played the guest accepting the invitation (\(provider))")
        }

        func names(_ guest: GuestToOnboard, user: inout DirectoryUser) async throws -> StepStatus {
            var update = UserUpdate()
            if let given = guest.givenName, given != user.givenName { update.givenName = given }
            if let surname = guest.surname, surname != user.surname { update.surname = surname }
            if let name = guest.displayName, name != user.displayName { update.displayName = name }
            let location = guest.usageLocation ?? plan.usageLocation
            if let location, location.uppercased() != user.usageLocation?.uppercased() { update.usageLocation = location.uppercased() }
            if location == nil && user.usageLocation == nil {
                throw GraphError(
                    status: 400, code: "UsageLocationMissing",
                    message: "No usage location for \(guest.email): add a usageLocation column or pass a default (--usage-location).",
                    explanation: "A licence can't be assigned until usageLocation is set.")
            }
            // Say when the plan's default filled a usage location the guest's row left empty.
            let defaulted = guest.usageLocation == nil && update.usageLocation != nil ? " (the default: the row has no usageLocation)" : ""
            let summary = { (user: DirectoryUser) in
                "\([user.givenName, user.surname].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "(no names given)"), usage location \(user.usageLocation ?? "")\(defaulted)"
            }
            if update.isEmpty { return .alreadyDone(summary(user)) }
            try await client.updateUser(user.id, update)
            user.givenName = update.givenName ?? user.givenName
            user.surname = update.surname ?? user.surname
            user.displayName = update.displayName ?? user.displayName
            user.usageLocation = update.usageLocation ?? user.usageLocation
            return .doneNow(summary(user))
        }

        func licence(_ user: DirectoryUser) async throws -> StepStatus {
            let sku = target.sku
            if user.holds(skuId: sku.skuId) { return .alreadyDone(sku.skuPartNumber) }
            try await client.assignLicense(skuId: sku.skuId, to: user.id)
            return .doneNow(sku.skuPartNumber)
        }

        mutating func membership(_ user: DirectoryUser) async throws -> StepStatus {
            guard let group = target.securityGroup else { return .notApplicable("the environment has no security group") }
            let name = group.displayName ?? group.id
            if groupMembers == nil { groupMembers = try await client.memberIds(ofGroup: group.id) }
            if groupMembers!.contains(user.id.lowercased()) { return .alreadyDone("direct member of '\(name)'") }
            let added = try await client.addMember(user.id, toGroup: group.id)
            groupMembers!.insert(user.id.lowercased())
            return added ? .doneNow("added to '\(name)'") : .alreadyDone("direct member of '\(name)'")
        }

        /// `qualifiedNow`: this run gave the user the licence or the group membership, so an
        /// environment that syncs automatically may have just added them.
        func dataverse(_ user: DirectoryUser, systemUser: inout DataverseSystemUser?, qualifiedNow: Bool) async throws -> StepStatus {
            guard let host = environment.instanceHost else { return .notApplicable("the environment has no Dataverse") }
            if let existing = try await client.systemUser(forObjectId: user.id, host: host), existing.isEnabled {
                systemUser = existing
                if qualifiedNow { return .doneNow("systemuser \(existing.systemuserid), added by the environment's automatic sync") }
                return .alreadyDone("systemuser \(existing.systemuserid)")
            }
            if user.isPendingGuest { return .waiting("Dataverse admits the guest once the invitation is redeemed") }
            try await client.addUser(objectId: user.id, toEnvironment: environment.name)
            guard let added = try await client.systemUser(forObjectId: user.id, host: host), added.isEnabled else {
                throw GraphError(
                    status: 404, code: "SystemUserMissing", message: "addUser succeeded but no enabled systemuser exists for \(user.id).")
            }
            systemUser = added
            return .doneNow("systemuser \(added.systemuserid)")
        }

        func role(_ role: DataverseRole?, name: String, systemUser: DataverseSystemUser?, user: DirectoryUser) async throws -> StepStatus {
            guard let host = environment.instanceHost else {
                return .notAutomated("environments without Dataverse assign '\(name)' in the Power Platform admin center")
            }
            guard let role else {
                return .failed(GraphError(status: 404, code: "RoleNotFound", message: "'\(environment.displayName)' has no role '\(name)'."))
            }
            guard let systemUser else {
                return user.isPendingGuest ? .waiting("after the guest redeems and is added to Dataverse") : .notAttempted("needs the Dataverse user")
            }
            let held = try await client.roles(ofSystemUser: systemUser.systemuserid, host: host)
            if held.contains(where: { $0.roleid.lowercased() == role.roleid.lowercased() }) { return .alreadyDone(name) }
            try await client.assignRole(role.roleid, toSystemUser: systemUser.systemuserid, host: host)
            return .doneNow(name)
        }

        func notify(_ user: DirectoryUser, guest: GuestToOnboard, ready: Bool) async throws -> StepStatus {
            let url = environment.accessURL
            guard client.isTenantSim else { return .notAutomated("Microsoft has no API for this: send \(guest.email) the link \(url)") }
            let address = user.mail ?? guest.email
            let sent = try await client.outbox(to: address).contains { $0.kind == "notification" && $0.url == url }
            if sent { return .alreadyDone("sent \(url)") }
            guard ready else { return .notAttempted("sent once the steps above are complete") }
            try await client.notify(user: user.id, environment: environment.name)
            return .doneNow("sent \(url)")
        }

        /// Guest makers need an Entra identity (not a Microsoft account), the environment's Power
        /// Platform cloud, and a Dataverse licence from the resource tenant. TenantSim's engine
        /// decides this in its explain view; against Microsoft's cloud only the identity can be read.
        func makerIdentity(_ user: DirectoryUser, guest: GuestToOnboard) async throws -> StepStatus {
            if client.isTenantSim {
                let steps = try await client.makerSteps(account: user.mail ?? guest.email, environment: environment.name)
                guard let check = steps.first(where: { $0.title == OnboardingStep.makerIdentity.title }) else {
                    return .notAutomated("the server's explain view has no identity check")
                }
                switch check.status {
                case "done": return .alreadyDone(check.detail.isEmpty ? "can make apps" : check.detail)
                case "notApplicable": return .notApplicable(check.detail)
                case "notEnoughInformation": return .waiting("known once the guest redeems: \(check.detail)")
                default:
                    throw GraphError(
                        status: 403, code: "GuestMakerBlocked", message: check.explanation ?? "the guest can't make apps here",
                        ruleId: check.blockingRule, explanation: check.explanation)
                }
            }
            if user.isPendingGuest { return .waiting("known once the guest redeems") }
            if user.signsInWithMicrosoftAccount {
                throw GraphError(
                    status: 403, code: "GuestMakerBlocked", message: "\(guest.email) redeemed with a personal Microsoft account.",
                    ruleId: "pp.maker.msa-cannot-sign-in",
                    explanation: "Personal Microsoft accounts can't sign in to the Power Apps maker portal: invite the guest's work account instead.")
            }
            return .notAutomated("check that the guest's home tenant is in the environment's cloud (guest makers can't cross clouds)")
        }

        func setGuestAccessLevel() async throws -> StepStatus {
            if try await client.authorizationPolicy().guestsAreMembers {
                return .alreadyDone("guestUserRoleId \(AuthorizationPolicy.sameAsMembersRoleId)")
            }
            try await client.setGuestUserRole(AuthorizationPolicy.sameAsMembersRoleId)
            return .doneNow("guestUserRoleId \(AuthorizationPolicy.sameAsMembersRoleId)")
        }

        func enableGuestsToMake() async throws -> StepStatus {
            if try await client.tenantSettings().enableGuestsToMake { return .alreadyDone("powerPlatform.powerApps.enableGuestsToMake = true") }
            let after = try await client.setGuestsCanMake(true)
            guard after.enableGuestsToMake else {
                throw GraphError(status: 200, code: "SettingNotApplied", message: "updateTenantSettings answered without enableGuestsToMake = true.")
            }
            return .doneNow("powerPlatform.powerApps.enableGuestsToMake = true")
        }
    }
}
