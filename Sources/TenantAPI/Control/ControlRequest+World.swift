import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The world, its clock and its snapshots.
extension ControlRequest {
    func getWorld() async throws -> Response {
        let tenants = try await engine.tenants()
        var list: [JSONValue] = []
        for tenant in tenants {
            let apps = try await engine.apps(in: tenant.id)
            var appJSON: [JSONValue] = []
            for app in apps {
                let secret = try await engine.secrets(of: app.appId).first?.secretText
                appJSON.append(
                    .object(["name": .string(app.displayName), "clientId": .string(app.appId.rawValue), "clientSecret": .optional(secret)]))
            }
            let environments = try await engine.environments(in: tenant.id).map { environment -> JSONValue in
                .object([
                    "name": .string(environment.id.rawValue), "displayName": .string(environment.displayName),
                    "url": .optional(environment.instanceURL), "sku": .string(environment.sku.rawValue),
                ])
            }
            list.append(
                .object([
                    "id": .string(tenant.id.rawValue), "displayName": .string(tenant.displayName), "domain": .string(tenant.initialDomain),
                    "cloud": .string(tenant.cloud.rawValue), "authority": .string("https://\(tenant.cloud.entraAuthorityHost)/\(tenant.id)"),
                    "graph": .string("https://\(tenant.cloud.graphHost)/v1.0"), "adminAPI": .string("https://\(tenant.cloud.adminAPIHost)"),
                    "apps": .array(appJSON), "environments": .array(environments),
                ]))
        }
        return APIResponse.json(.object(["seed": .int(Int(engine.environment.seed)), "tenants": .array(list)]))
    }

    func loadWorld() async throws -> Response {
        var spec: WorldSpec
        if let fixture = try body.string("fixture") {
            // A fixture is named, never a path: nothing a request says reaches the file system.
            let isName =
                !fixture.isEmpty && fixture.count <= 64 && fixture.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            guard isName else {
                throw TenantError.badRequest(
                    "'fixture' is a fixture's name (letters, digits, '-' and '_'), not a path: '\(fixture.prefix(80))'.", code: "BadRequest")
            }
            guard let loader = api.fixtureLoader else {
                throw TenantError.badRequest("This server was started without fixtures; send a world as JSON.")
            }
            do {
                spec = try await loader(fixture)
            } catch let error as TenantError {
                throw error
            } catch {
                throw TenantError(
                    status: 404, code: "FixtureNotFound", message: "The fixture '\(fixture)' can't be loaded: \(error)", surface: .control)
            }
            if let inline = try body.decode(WorldSpec.self, "world") { spec = spec.merged(with: inline) }
        } else {
            spec = try body.decodeWhole(WorldSpec.self)
        }
        let index = try await engine.loadWorld(spec)
        let data = try JSONEncoder().encode(index)
        return APIResponse.json(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    func reset() async throws -> Response {
        try await api.resetWorld()
        return Self.ok()
    }

    func getSeed() -> Response { APIResponse.json(.object(["seed": .int(Int(engine.environment.seed))])) }

    func getClock() async throws -> Response {
        APIResponse.json(.object(["now": APIResponse.dateTime(try await engine.now())]))
    }

    func advanceClock() async throws -> Response {
        guard case .number(let seconds)? = body.object["seconds"] else { throw TenantError.badRequest("'seconds' (a number) is required.") }
        return APIResponse.json(.object(["now": APIResponse.dateTime(try await engine.advanceClock(by: seconds))]))
    }

    /// `{"name": "before-class"}`: a name, never a path (letters, digits, `-`, `_`).
    func snapshot() async throws -> Response {
        let name = try snapshotName()
        try await engine.snapshot(named: name)
        return Self.ok(["name": .string(name)])
    }

    func restore() async throws -> Response {
        let name = try snapshotName()
        try await engine.restore(named: name)
        return Self.ok(["name": .string(name)])
    }

    func listSnapshots() async throws -> Response {
        APIResponse.json(.object(["value": .strings(try await engine.snapshotNames())]))
    }

    func snapshotName() throws -> String {
        if body.has("path") {
            throw TenantError.badRequest(
                "Snapshots have names, not paths: send {\"name\": \"before-class\"} (letters, digits, '-' and '_').", code: "BadRequest")
        }
        return try required("name")
    }

    func dumpState() async throws -> Response {
        let text = try await engine.dump(includeJournal: query["journal"] == "true")
        return APIResponse.text(text, contentType: "application/json; charset=utf-8")
    }

    /// `consent`: `accept` (default) or `decline` — the guest's answer to the consent prompt.
}
