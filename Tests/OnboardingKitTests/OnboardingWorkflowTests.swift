import Foundation
import OnboardingKit
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("The onboarding workflow end to end, in process and over live HTTPS")
struct OnboardingWorkflowTests {
    static let guestsCSV = """
        Email,givenName,surname,usageLocation,maker
        pat@fabrikam.com,Pat,Partner,GB,
        kim@fabrikam.com,Kim,Maker,,yes

        """

    static func guests() throws -> [GuestToOnboard] {
        Array(try GuestCSVReader(text: guestsCSV)).map(GuestToOnboard.init(row:))
    }

    static let plan = OnboardingPlan(
        environment: OnboardingWorld.environmentURL, licenseSkuPartNumber: "POWERAPPS_PER_USER", roleName: "Basic User", usageLocation: "US")

    @Test(
        "first run invites and prepares, waits for redemption; the next run finishes the rest; a third changes nothing and reports everything already done",
        arguments: ConsistencyProfile.allCases)
    func onboardTwiceChangesNothing(consistency: ConsistencyProfile) async throws {
        try await BothModes.run(consistency: consistency) { harness in
            // Under `realistic` the client meets replication and retries with back-off; its waits advance the world's clock.
            let workflow = OnboardingWorkflow(client: harness.client(retry: harness.worldClockRetry), plan: Self.plan)
            let guests = try Self.guests()

            // Run 1: invited, names, licence, group; waiting for redemption.
            let started = try await harness.engine.now()
            let first = try await workflow.run(guests)
            // Under `realistic` the new guests' read-back met replication: the client waited (on the
            // world's clock) at least the shortest replication delay; under `immediate` it never waits.
            let waited = try await harness.engine.now().timeIntervalSince(started)
            if consistency == .realistic {
                #expect(waited >= TimeInterval(ConsistencyProfile.Delay.replication.bounds.lowerBound), "\(harness.mode)")
            } else {
                #expect(waited == 0)
            }
            #expect(first.count == 2)
            for report in first {
                #expect(
                    report.status(of: .invited)
                        == .doneNow("invited as \(report.guest.replacingOccurrences(of: "@", with: "_"))#EXT#@contoso.onmicrosoft.com"))
                #expect(report.status(of: .redeemed) == .waiting("waiting for the guest to redeem the invitation"))
                #expect(report.status(of: .nameAndUsageLocation)?.changedSomething == true)
                #expect(report.status(of: .licence) == .doneNow("POWERAPPS_PER_USER"))
                #expect(report.status(of: .securityGroup) == .doneNow("added to 'Sales Environment Users'"))
                // TenantSim's production environment syncs licensed group members automatically, even before
                // redemption; a Dataverse that waits for redemption is reported as waiting.
                #expect(["done now", "already done", "waiting"].contains(report.status(of: .dataverse)?.label ?? ""))
                #expect(["done now", "waiting"].contains(report.status(of: .securityRole)?.label ?? ""))
                #expect(report.status(of: .notified) == .notAttempted("sent once the steps above are complete"))
                #expect(!report.isComplete)
                #expect(report.blockedBy?.contains("redeem") == true, "\(harness.mode): \(report.render())")
            }
            #expect(first[1].status(of: .guestAccessLevel) == .doneNow("guestUserRoleId a0b1b346-4d3e-4e8b-98f8-753987be4970"))
            #expect(first[1].status(of: .guestsCanMake) == .doneNow("powerPlatform.powerApps.enableGuestsToMake = true"))
            #expect(first[0].status(of: .guestAccessLevel) == nil, "Pat isn't a maker")

            // The guests redeem.
            let tenant = try await harness.engine.tenant("contoso")
            for guest in guests { _ = try await harness.engine.redeemInvitation(address: guest.email, in: tenant.id) }

            // Run 2: finishes Dataverse, roles and the notification; nothing is invited twice.
            let second = try await workflow.run(guests)
            for report in second {
                #expect(report.isComplete, "\(harness.mode): \(report.render())")
                #expect(report.status(of: .invited)?.label == "already done")
                #expect(report.status(of: .licence) == .alreadyDone("POWERAPPS_PER_USER"))
                #expect(report.status(of: .securityRole)?.isComplete == true)
                #expect(report.status(of: .notified) == .doneNow("sent https://contoso.crm.dynamics.com"))
            }
            #expect(second[1].status(of: .environmentMaker)?.isComplete == true)
            #expect(first[1].status(of: .environmentMaker)?.label != "failed")
            #expect(second[1].status(of: .guestAccessLevel)?.label == "already done")
            #expect(try await harness.engine.users(in: tenant.id).filter(\.isGuest).count == 2)

            // The explain view agrees — under `realistic` once the guest-maker settings have taken effect.
            if consistency == .realistic {
                _ = try await harness.engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.guestAccessLevel.bounds.upperBound))
            }
            for guest in guests {
                let checklist = try await harness.engine.explain(guest.email, in: "Contoso Sales")
                #expect(checklist.steps.allSatisfy { $0.status == .done }, "\(checklist.render())")
            }
            let kim = try await harness.engine.explain("kim@fabrikam.com", in: "Contoso Sales")
            #expect(kim.makerSteps.prefix(3).allSatisfy { $0.status == .done }, "\(kim.render())")

            // Run 3: everything already done, state unchanged.
            let before = try await harness.engine.dump()
            let third = try await workflow.run(guests)
            let after = try await harness.engine.dump()
            #expect(before == after, "the third run changed the state (\(harness.mode))")
            for report in third {
                #expect(report.isComplete)
                #expect(!report.changedSomething, "\(report.render())")
                #expect(report.steps.allSatisfy { $0.status.label == "already done" }, "\(report.render())")
            }
        }
    }

    @Test("a failing step names the blocking rule and the run goes on with the other guests")
    func failureNamesRule() async throws {
        let harness = try await Harness.inProcess(OnboardingWorld.spec(seats: 1))
        let workflow = OnboardingWorkflow(client: harness.client(), plan: Self.plan)
        let reports = try await workflow.run(try Self.guests())
        #expect(reports[0].status(of: .licence) == .doneNow("POWERAPPS_PER_USER"))
        let error = try #require(reports[1].status(of: .licence)?.error)
        #expect(error.code == "Request_BadRequest")
        #expect(error.ruleId == "license.assign.no-units")
        #expect(reports[1].blockedBy?.hasPrefix("license.assign.no-units") == true)
        #expect(reports[1].status(of: .securityGroup) == .doneNow("added to 'Sales Environment Users'"))
        #expect(reports[1].render().contains("✗"))
    }

    @Test(
        "a maker who redeemed with a personal Microsoft account is blocked by pp.maker.msa-cannot-sign-in, here and against a server that isn't TenantSim"
    )
    func personalAccountMakerIsBlocked() async throws {
        var world = OnboardingWorld.spec()
        world.personalAccounts = [PersonalAccountSpec(email: "sam@outlook.com", displayName: "Sam Personal")]
        let harness = try await Harness.inProcess(world)
        let tenant = try await harness.engine.tenant("contoso")
        var plan = Self.plan
        plan.maker = true
        let sam = [GuestToOnboard(email: "sam@outlook.com")]
        let first = try await OnboardingWorkflow(client: harness.client(), plan: plan).run(sam)[0]
        #expect(first.status(of: .makerIdentity)?.label == "waiting", "\(first.render())")
        _ = try await harness.engine.redeemInvitation(address: "sam@outlook.com", in: tenant.id)
        let second = try await OnboardingWorkflow(client: harness.client(), plan: plan).run(sam)[0]
        let error = try #require(second.status(of: .makerIdentity)?.error, "\(second.render())")
        #expect(error.ruleId == "pp.maker.msa-cannot-sign-in")
        #expect(!second.isComplete)
        #expect(second.blockedBy?.hasPrefix("pp.maker.msa-cannot-sign-in") == true)

        var endpoints = ServiceEndpoints.tenantSim
        endpoints.controlAuthority = nil
        let base = harness.client()
        let cloudClient = OnboardingClient(transport: base.transport, tokens: base.tokens, endpoints: endpoints)
        let third = try await OnboardingWorkflow(client: cloudClient, plan: plan).run(sam)[0]
        #expect(third.status(of: .makerIdentity)?.error?.ruleId == "pp.maker.msa-cannot-sign-in", "\(third.render())")
    }

    @Test("an unknown environment or SKU is refused before any guest is touched")
    func badPlan() async throws {
        let harness = try await Harness.inProcess()
        var plan = Self.plan
        plan.environment = "https://nowhere.crm.dynamics.com"
        await #expect(throws: GraphError.self) { try await OnboardingWorkflow(client: harness.client(), plan: plan).run(try Self.guests()) }
        plan = Self.plan
        plan.licenseSkuPartNumber = "NO_SUCH_SKU"
        do {
            _ = try await OnboardingWorkflow(client: harness.client(), plan: plan).run(try Self.guests())
            Issue.record("expected SkuNotFound")
        } catch let error as GraphError {
            #expect(error.code == "SkuNotFound")
            #expect(error.message.contains("POWERAPPS_PER_USER"))
        }
        plan = Self.plan
        plan.roleName = "Basic Usr"
        do {
            _ = try await OnboardingWorkflow(client: harness.client(), plan: plan).run(try Self.guests())
            Issue.record("expected RoleNotFound")
        } catch let error as GraphError {
            #expect(error.code == "RoleNotFound")
            #expect(error.known.contains("Basic User"), "the known roles travel with the error, for suggestions")
            #expect(DidYouMean.closest(to: "Basic Usr", among: error.known).first == "Basic User")
        }
        let tenant = try await harness.engine.tenant("contoso")
        #expect(try await harness.engine.users(in: tenant.id).filter(\.isGuest).isEmpty)
    }

    @Test("with redeemAsGuest TenantSim plays each guest accepting, so one run completes every guest; the defaulted usage location is said")
    func redeemAsGuestCompletesOffline() async throws {
        try await BothModes.run { harness in
            var plan = Self.plan
            plan.redeemAsGuest = true
            let reports = try await OnboardingWorkflow(client: harness.client(), plan: plan).run(try Self.guests())
            let rendered = reports.map { $0.render() }.joined(separator: "\n")
            let complete = reports.allSatisfy { $0.isComplete }
            #expect(complete, "\(harness.mode): \(rendered)")
            #expect(reports[0].status(of: .redeemed) == .doneNow("TenantSim played the guest accepting the invitation (ExternalAzureAD)"))
            // Pat's row says GB; Kim's row has no usage location, so the plan's US is used — and said.
            #expect(reports[0].status(of: .nameAndUsageLocation)?.detail.contains("the default") == false)
            #expect(
                reports[1].status(of: .nameAndUsageLocation)?.detail.contains("usage location US (the default: the row has no usageLocation)") == true
            )
            let tenant = try await harness.engine.tenant("contoso")
            let states = try await harness.engine.users(in: tenant.id).filter(\.isGuest).map(\.externalUserState)
            #expect(states == [.accepted, .accepted])
        }
    }

    @Test("against a server that isn't TenantSim the notification is reported as not automated")
    func notifyNotAutomated() async throws {
        let harness = try await Harness.inProcess()
        let base = harness.client()
        var endpoints = ServiceEndpoints.tenantSim
        endpoints.controlAuthority = nil
        let client = OnboardingClient(transport: base.transport, tokens: base.tokens, endpoints: endpoints)
        let tenant = try await harness.engine.tenant("contoso")
        _ = try await OnboardingWorkflow(client: client, plan: Self.plan).run([GuestToOnboard(email: "pat@fabrikam.com")])
        _ = try await harness.engine.redeemInvitation(address: "pat@fabrikam.com", in: tenant.id)
        let report = try await OnboardingWorkflow(client: client, plan: Self.plan).run([GuestToOnboard(email: "pat@fabrikam.com")])[0]
        #expect(report.status(of: .notified)?.label == "not automated")
        #expect(report.status(of: .notified)?.detail.contains("https://contoso.crm.dynamics.com") == true)
        #expect(report.isComplete)
    }
}
