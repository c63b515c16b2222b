import Foundation
import HTTPTransport
import OnboardingKit
import ScenarioKit
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("tenantsim import reads a tenant into a fixture that answers the same")
struct ImportTests {
    static let contoso = "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50"
    static let automation = (id: "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10", secret: "tenantsim-onboarding-secret")

    static func importer(_ transport: any HTTPTransport, clientId: String = automation.id, secret: String = automation.secret) -> TenantImporter {
        let tokens = ClientCredentialsTokenProvider(transport: transport, tenant: contoso, clientId: clientId, clientSecret: secret)
        return TenantImporter(client: OnboardingClient(transport: transport, tokens: tokens, retry: .none), cloud: .commercial)
    }

    /// The imported tenant with its guests (collected here; the command streams them to the file).
    static func imported(_ importer: TenantImporter) async throws -> TenantImporter.Result {
        var result = try await importer.importTenant()
        var guests: [GuestSpec] = []
        try await importer.streamGuests(skuNames: result.skuNames) { guests.append($0) }
        result.tenant.guests = guests.isEmpty ? nil : guests
        return result
    }

    /// What a comparison reads of a tenant: policies, cross-tenant settings, SKUs, the groups that
    /// gate environments and the environments with who holds which role.
    static func reads(_ spec: TenantSpec) -> [String] {
        let gating = Set((spec.environments ?? []).compactMap(\.securityGroup))
        var lines = ["policy \(String(describing: spec.authorizationPolicy))", "crossTenant \(String(describing: spec.crossTenantAccess))"]
        lines += (spec.skus ?? []).map { "sku \($0.partNumber) \($0.skuId ?? "") \($0.units)" }
        lines += (spec.groups ?? []).filter { gating.contains($0.name) }.map { "group \($0.name) \(($0.members ?? []).sorted())" }
        lines += (spec.environments ?? []).map { environment in
            "environment \(environment.name) \(String(describing: environment.sku)) \(environment.dataverse ?? false) \(environment.org ?? "") \(environment.securityGroup ?? "") \((environment.roles ?? []).map { "\($0.user):\($0.role)" })"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        lines.append("settings " + String(decoding: (try? encoder.encode(spec.powerPlatformSettings)) ?? Data(), as: UTF8.self))
        return lines.sorted()
    }

    @Test(
        "a world changed through the APIs, imported over both transports and loaded into a new state, gives the same checklist for every guest in every environment and the same reads",
        arguments: [
            "scenarios/04-access-and-roles/licence-and-role-before-access.yaml", "scenarios/06-guest-makers/guest-maker-happy-path.yaml",
            "scenarios/04-access-and-roles/who-may-assign-security-roles.yaml",
            "scenarios/03-profile-and-licences/home-tenant-licence-does-not-count.yaml",
        ])
    func roundTrip(_ path: String) async throws {
        let scenario = try ScenarioLoader.load(ScenarioLibraryTests.root.appendingPathComponent(path).path)
        try await BothModes.run(makeAPI: {
            let (_, engine) = try await ScenarioRunner(library: ScenarioLibraryTests.library).runKeepingState(scenario)
            return TenantAPI(engine: engine)
        }) { transport, api, mode in
            let result = try await Self.imported(Self.importer(transport))
            #expect(result.gaps.allSatisfy { !$0.hasPrefix("could not read") }, "\(mode): \(result.gaps)")
            let copy = try await TenantEngine.inMemory(
                environment: TenantEnvironment(seed: scenario.seed, clock: .manual(start: try await api.engine.now())))
            let others = try await api.engine.exportWorld().tenants.filter { $0.id != Self.contoso }
            try await copy.loadWorld(WorldSpec(tenants: others + [result.tenant]))
            let before = try await api.engine.exportWorld(tenants: [Self.contoso]).tenants[0]
            let after = try await copy.exportWorld(tenants: [Self.contoso]).tenants[0]
            let (was, now) = (Self.reads(before), Self.reads(after))
            for line in was where !now.contains(line) { Issue.record("\(mode): lost \(line)") }
            for line in now where !was.contains(line) { Issue.record("\(mode): gained \(line)") }
            #expect(!(before.guests ?? []).isEmpty)
            for guest in before.guests ?? [] {
                for environment in before.environments ?? [] {
                    let was = ExportRoundTripTests.maskingSystemUsers(try await api.engine.explain(guest.address, in: environment.name).render())
                    let now = ExportRoundTripTests.maskingSystemUsers(try await copy.explain(guest.address, in: environment.name).render())
                    let lost = was.split(separator: "\n").filter { !now.contains($0) }
                    let gained = now.split(separator: "\n").filter { !was.contains($0) }
                    if !lost.isEmpty || !gained.isEmpty {
                        Issue.record("\(mode): \(guest.address) in \(environment.name): was \(lost), now \(gained)")
                    }
                }
            }
        }
    }

    /// Contoso with an app that holds exactly `permissions` (and is a Power Platform management app
    /// and an application user of the environments with Dataverse).
    static func api(importerPermissions permissions: [String]) async throws -> TenantAPI {
        var importer = AppSpec(name: "Importer", appId: "a1b2c3d4-0000-4000-8000-00000000beef", secret: "importer-secret", permissions: permissions)
        importer.powerPlatformAdmin = true
        importer.dataverseRoles = ["System Administrator"]
        var contoso = TenantSpec(key: "contoso")
        contoso.apps = [importer]
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(try FixtureLibrary.standard.load(["contoso", "fabrikam"]).merged(with: WorldSpec(tenants: [contoso])))
        return TenantAPI(engine: engine)
    }

    @Test("the documented read permissions are enough: the import reads everything and writes nothing")
    func documentedPermissions() async throws {
        try await BothModes.run(makeAPI: { try await Self.api(importerPermissions: TenantImporter.graphPermissions) }) { transport, api, mode in
            let before = try await api.engine.journal().count
            let result = try await Self.imported(
                Self.importer(transport, clientId: "a1b2c3d4-0000-4000-8000-00000000beef", secret: "importer-secret"))
            #expect(result.gaps.allSatisfy { !$0.hasPrefix("could not read") }, "\(mode): \(result.gaps)")
            #expect(result.tenant.users?.contains { $0.roles?.contains("Global Administrator") == true } == true)
            #expect(result.tenant.environments?.contains { $0.securityGroup != nil } == true)
            let writes = try await api.engine.journal().dropFirst(before).filter { !$0.operation.hasPrefix("get") && !$0.operation.hasPrefix("list") }
            #expect(writes.isEmpty, "\(mode): the import changed something: \(writes.map(\.operation))")
        }
    }

    @Test("one permission fewer gives a partial import that names the gap and what it assumed", arguments: TenantImporter.graphPermissions)
    func onePermissionFewer(_ missing: String) async throws {
        let permissions = TenantImporter.graphPermissions.filter { $0 != missing }
        let api = try await Self.api(importerPermissions: permissions)
        let importer = Self.importer(api.inProcessTransport(), clientId: "a1b2c3d4-0000-4000-8000-00000000beef", secret: "importer-secret")
        let result = try await importer.importTenant()
        let named = result.gaps.filter { $0.hasPrefix("could not read") && $0.contains("needs \(missing)") }
        #expect(!named.isEmpty, "without \(missing): \(result.gaps)")
        #expect(named.allSatisfy { $0.contains("assumed:") })
    }

    @Test("every setting of the model is imported or says why not")
    func everySettingIsCovered() {
        let modelled = Set(Mirror(reflecting: TenantSpec(key: "x")).children.compactMap(\.label))
        #expect(
            modelled == Set(TenantImporter.coverage.keys),
            "import coverage differs from TenantSpec: \(modelled.symmetricDifference(TenantImporter.coverage.keys))")
        let environment = Set(Mirror(reflecting: EnvironmentSpec(name: "x")).children.compactMap(\.label))
        #expect(
            environment == Set(TenantImporter.environmentCoverage.keys), "\(environment.symmetricDifference(TenantImporter.environmentCoverage.keys))"
        )
    }
}
