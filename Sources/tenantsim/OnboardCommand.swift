import ArgumentParser
import Foundation
import OnboardingKit
import TenantModel

/// `tenantsim onboard`: the seed's whole onboarding flow per guest, idempotently.
struct OnboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onboard",
        abstract:
            "Onboard guests into a Power Platform environment: invite, names and usage location, licence, security group, Dataverse, security role, notify (and the guest-maker steps).",
        discussion: """
            The guests CSV needs an email column (Email, InvitedUserEmailAddress or the template's [inviteeEmail]); optional \
            columns: Name, givenName, surname, usageLocation, maker (yes/no). Every step reads first and only writes what is \
            missing, so re-running finishes what is left and changes nothing else. A guest who hasn't redeemed the invitation \
            is reported as waiting (offline, --redeem-as-guest plays the guest accepting, against the embedded tenant). \
            Exit codes: 0 every guest complete, 1 some guest incomplete (naming the rule that blocked them), 2 the plan can't \
            start (an unknown environment, SKU, security role or tenant: the known names are listed, the closest first).
            """)

    @Option(help: "The guests CSV.")
    var guests: String

    @Option(help: "The environment: its URL (https://contoso.crm.dynamics.com), name or display name.")
    var environment: String

    @Option(help: "SKU part number of the licence to assign, e.g. POWERAPPS_PER_USER.")
    var license: String

    @Option(help: "Dataverse security role to assign, e.g. 'Basic User'.")
    var role: String

    @Option(help: "Security group id to use instead of the environment's own.")
    var securityGroup: String?

    @Flag(help: "Run the guest-maker track for every guest (guest access level, enableGuestsToMake, Environment Maker).")
    var maker = false

    @Option(help: "Usage location for guests whose row has none (ISO 3166 two letters); the report says where it was used.")
    var usageLocation: String = "US"

    @Option(help: "Redirect URL of new invitations (default: the environment URL).")
    var redirectUrl: String?

    @Flag(help: "Have Microsoft send the invitation email.")
    var sendInvitation = false

    @Flag(help: "TenantSim only: play each pending guest accepting the invitation, so an offline run completes.")
    var redeemAsGuest = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: guests) else { throw ValidationError("Can't open \(guests): no such readable file.") }
    }

    func run() async throws {
        let list: [GuestToOnboard]
        do {
            list = Array(try GuestCSVReader(path: guests)).filter { !$0.isExample }.map(GuestToOnboard.init(row:))
        } catch let error as GuestCSVError {
            throw ValidationError(error.description)
        }
        let connected = try await connection.connect()
        print("Onboarding \(list.count) guest\(list.count == 1 ? "" : "s") into \(environment) through \(connected.target)")
        let plan = OnboardingPlan(
            environment: environment, licenseSkuPartNumber: license, roleName: role, securityGroupId: securityGroup, maker: maker,
            usageLocation: usageLocation, inviteRedirectURL: redirectUrl, sendInvitationMessage: sendInvitation,
            redeemAsGuest: redeemAsGuest)
        let reports: [GuestOnboardingReport]
        do {
            reports = try await OnboardingWorkflow(client: connected.client, plan: plan).run(list) { report in
                print(report.render())
            }
        } catch let error as GraphError {
            let wanted = ["EnvironmentNotFound": environment, "SkuNotFound": license, "RoleNotFound": role][error.code]
            let hint = wanted.map { DidYouMean.phrase(for: $0, among: error.known) } ?? ""
            FileHandle.standardError.write(Data("Error: can't start: \(error.message)\(hint)\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
        let complete = reports.filter(\.isComplete).count
        let changed = reports.filter(\.changedSomething).count
        print("\(reports.count) guests: \(complete) complete, \(reports.count - complete) incomplete; \(changed) changed by this run")
        for report in reports where !report.isComplete {
            print("  \(report.guest): blocked by \(report.blockedBy ?? "an unfinished step")")
        }
        if complete < reports.count { throw ExitCode(1) }
    }
}
