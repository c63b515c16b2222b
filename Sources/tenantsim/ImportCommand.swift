import ArgumentParser
import Foundation
import OnboardingKit
import ScenarioKit
import TenantEngine
import TenantModel

/// `tenantsim import [connection] [--cloud C] [--include-guests] [--anonymize] [-o FILE]`: a real
/// tenant's configuration, read through its public read-only APIs, as a fixture file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a tenant's configuration through Graph, the admin API and Dataverse into a fixture file TenantSim loads.",
        discussion: """
            Reads the organization and its domains, the authorization policy, cross-tenant access (default, partners, \
            Microsoft cloud settings), subscriptions, the environments with their security groups and members, directory \
            role holders, who holds which security role, the Power Platform tenant settings and, with --include-guests, \
            every guest (streamed a page at a time). It only reads. The app needs the Graph application permissions \
            \(TenantImporter.graphPermissions.joined(separator: ", ")); the admin API needs it registered as a Power Platform \
            management application; Dataverse needs it as an application user of each environment. Whatever can't be read \
            is listed at the top of the fixture with what was assumed instead. Against Microsoft: --cloud (or --graph) \
            picks the hosts, with --tenant, --client-id and --client-secret.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The Microsoft cloud to read from when --graph isn't given: commercial, gcc, gccHigh, dod or china.")
    var cloud: String?

    @Flag(help: "Also import every guest (address, invitation state, names, usage location, licences, identity).")
    var includeGuests = false

    @Flag(help: "Replace names and addresses with stable fakes (domains kept), for a fixture to share.")
    var anonymize = false

    @Option(name: [.short, .long], help: "Write the fixture to this file (owner-only) instead of standard output.")
    var output: String?

    func run() async throws {
        let connected: ConnectionOptions.Connection
        if let cloud {
            guard let chosen = Cloud(rawValue: cloud) else {
                throw ConfigurationError("--cloud is one of \(Cloud.allCases.map(\.rawValue).joined(separator: ", ")), not '\(cloud)'.")
            }
            connected =
                connection.graph == nil ? try connection.microsoft(cloud: chosen, retry: .standard) : try await connection.connect()
        } else {
            connected = try await connection.connect()
        }
        let importer = TenantImporter(client: connected.client, cloud: connected.cloud)
        var result: TenantImporter.Result
        do {
            result = try await importer.importTenant()
        } catch let error as GraphError {
            throw ConfigurationError("Couldn't read the organization from \(connected.target): \(error)")
        }
        if !includeGuests { result = result.withoutGuestReferences() }
        let anonymizer = WorldAnonymizer()
        var tenant = result.tenant
        if anonymize { tenant = anonymizer.anonymize(WorldSpec(tenants: [tenant])).tenants[0] }
        let sink = try FixtureSink(path: output)
        var comments = [
            "Imported by tenantsim import from \(connected.target)\(anonymize ? ", anonymized" : "").",
            "Read-only; permissions used: \(TenantImporter.graphPermissions.joined(separator: ", ")) (Graph), a Power Platform management app (admin API), a Dataverse application user.",
        ]
        comments += result.gaps.map { "Gap: \($0)" }
        try sink.write(FixtureWriter.comments(comments))
        try sink.write("tenants:\n" + (try FixtureWriter.item(tenant, indent: 0)))
        var guests = 0
        if includeGuests {
            try sink.write("  guests:\n")
            guests = try await importer.streamGuests(skuNames: result.skuNames) { guest in
                let written = anonymize ? anonymizer.anonymize(guest) : guest
                try sink.write(try FixtureWriter.item(written, indent: 2))
            }
        }
        try sink.close()
        FileHandle.standardError.write(
            Data(
                "Imported \(tenant.displayName ?? tenant.key) (\(tenant.users?.count ?? 0) member(s), \(guests) guest(s)); \(result.gaps.count) gap(s) noted at the top\(output.map { " of \($0)" } ?? "").\n"
                    .utf8))
    }
}
