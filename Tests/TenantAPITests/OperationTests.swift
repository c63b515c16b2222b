import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantRules
import TenantSimTesting
import TenantStore
import Testing

@Suite("One typed name per operation")
struct OperationTests {
    @Test("every route names a known operation, and every Microsoft route is guarded by rules or permissions and has a coverage row")
    func routesAreGuarded() async throws {
        let api = TenantAPI(engine: try await TenantEngine.inMemory())
        let coverage = CoverageReport.markdown(endpoints: api.endpoints)
        let guarded = Set(OperationRules.guardedOperations)
        for endpoint in api.endpoints {
            #expect(TenantOperation.named(endpoint.operation.rawValue) == endpoint.operation, "\(endpoint.path)")
            #expect(coverage.contains("`\(endpoint.operation.rawValue)`"), "\(endpoint.operation) has no coverage row")
            guard [.graph, .adminAPI, .dataverse].contains(endpoint.surface) else { continue }
            let ruleSets = OperationRules.ruleSetsOfRoutes[endpoint.operation] ?? []
            #expect(ruleSets.allSatisfy(guarded.contains))
            #expect(
                !endpoint.permissions.isEmpty || guarded.contains(endpoint.operation) || !ruleSets.isEmpty
                    || OperationRules.tokenOnlyRoutes.contains(endpoint.operation),
                "\(endpoint.method) \(endpoint.path) (\(endpoint.operation)) is guarded by no rule")
        }
    }

    @Test("operation names are unique and sorted")
    func namesAreUnique() {
        let names = TenantOperation.all.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted())
    }

    @Test("a fault for an unknown operation is refused with the list of valid ones; a known one is taken")
    func faultNamesAreChecked() async throws {
        try await BothModes.run { client, api in
            let typo = try await client.send(.post, "localhost", "/_tenantsim/faults", json: ["operation": "createInvitaton", "status": 429])
            #expect(typo.status == 400)
            #expect(typo.errorMessage?.contains("There is no operation 'createInvitaton'") == true)
            #expect(typo.errorMessage?.contains("createInvitation") == true)
            #expect(api.faults.list().isEmpty)
            let known = try await client.send(.post, "localhost", "/_tenantsim/faults", json: ["operation": "createInvitation", "status": 429])
            #expect(known.status == 200)
            #expect(api.faults.take(.createInvitation)?.status == 429)
            #expect(try await client.send(.post, "localhost", "/_tenantsim/faults", json: ["operation": "*", "status": 503]).status == 200)
        }
    }

    @Test("the journal, the rules and the route use one name: a denied role assignment is journaled as createRoleAssignment")
    func oneNameEverywhere() async throws {
        try await BothModes.run { client, api in
            let reader = try await client.token(clientId: APIWorld.readerApp)
            let users = try await client.graph(.get, "/users", token: reader)
            let someone = try #require((users.json["value"] as? [[String: Any]])?.first?["id"] as? String)
            let reply = try await client.graph(
                .post, "/roleManagement/directory/roleAssignments", token: reader,
                json: [
                    "principalId": someone, "roleDefinitionId": "95e79109-95c0-4d8e-aee3-d01accf2d47b",
                    "directoryScopeId": "/",
                ])
            #expect(reply.status == 403)
            let endpoint = try #require(api.endpoints.first { $0.method == "POST" && $0.path.hasSuffix("/roleAssignments") })
            #expect(endpoint.operation == .createRoleAssignment)
            #expect(OperationRules.createRoleAssignment.operation == .createRoleAssignment)
            let denied = try await api.engine.journal().filter { $0.outcome == .denied }
            #expect(denied.last?.operation == TenantOperation.createRoleAssignment.rawValue)
        }
    }
}

@Suite("Requests do a bounded number of store transactions")
struct StoreWorkTests {
    /// Store transactions one `GET /users?$select=…,assignedLicenses` takes in a tenant with `extra` more licensed users.
    static func transactions(extraUsers extra: Int) async throws -> (Int, Int) {
        var world = APIWorld.spec
        world.tenants[0].users? += (0..<extra).map { UserSpec(upn: "user\($0)", licenses: ["POWERAPPS_PER_USER"], usageLocation: "US") }
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(world)
        let api = TenantAPI(engine: engine)
        let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
        let token = try await client.token()
        let before = engine.store.transactionCount
        let reply = try await client.graph(.get, "/users?$select=id,assignedLicenses", token: token)
        #expect(reply.status == 200)
        let listed = (reply.json["value"] as? [[String: Any]])?.count ?? 0
        return (engine.store.transactionCount - before, listed)
    }

    @Test("listing users with their licences reads the licences in one query, however many users there are")
    func listingUsersIsNotNPlusOne() async throws {
        let (few, fewListed) = try await Self.transactions(extraUsers: 0)
        let (many, manyListed) = try await Self.transactions(extraUsers: 40)
        #expect(manyListed == fewListed + 40)
        #expect(many == few, "\(few) transactions for \(fewListed) users, \(many) for \(manyListed)")
    }
}
