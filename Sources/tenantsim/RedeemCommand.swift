import ArgumentParser
import Foundation
import OnboardingKit

/// `tenantsim redeem ADDRESS…`: play guests accepting their invitations, offline — what a person
/// does by opening the invitation email, which has no API at Microsoft.
struct RedeemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeem",
        abstract: "Play guests accepting their invitations (TenantSim only: the embedded tenant or a running server).",
        discussion: """
            Each address is redeemed in the tenant of --tenant as the guest would by opening the invitation link: the \
            redemption rules apply (a blocked domain, cross-tenant access, the identity provider order), and a denial prints \
            the rule and its explanation. Exit codes: 0 every guest redeemed, 1 some redemption was denied, 2 a configuration \
            error (an unknown tenant, a server that isn't TenantSim).
            """)

    @Argument(help: "The invited addresses (pat@fabrikam.com).")
    var addresses: [String]

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let connected = try await connection.connect()
        guard connected.client.isTenantSim else {
            throw ConfigurationError("redeem plays the guest against TenantSim; at Microsoft the guest opens the invitation link themselves.")
        }
        let tenant = try await connected.client.organizationId()
        var failed = 0
        for address in addresses {
            do {
                let provider = try await connected.client.redeem(address: address, tenant: tenant)
                print("\(address): redeemed the invitation (\(provider))")
            } catch let error as GraphError {
                failed += 1
                print("\(address): not redeemed — \(error)")
                if let explanation = error.explanation { print("  \(explanation)") }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
