import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// Looking in and stressing the world: explain, journal, outbox, fault injection, test tokens.
extension ControlRequest {
    func explain() async throws -> Response {
        guard let account = query["account"] ?? query["guest"], let environment = query["environment"] else {
            throw TenantError.badRequest("explain needs ?account=<address>&environment=<name or url>.")
        }
        let checklist = try await engine.explain(account, in: environment)
        if query["format"] == "text" { return APIResponse.text(checklist.render()) }
        let data = try JSONEncoder().encode(checklist)
        return APIResponse.json(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    func journal() async throws -> Response {
        let after = Int64(query["after"] ?? "0") ?? 0
        let entries = try await engine.journal(after: after, limit: Int(query["limit"] ?? ""))
        return APIResponse.json(
            .object([
                "value": .array(
                    entries.map { entry in
                        .object([
                            "sequence": .int(Int(entry.sequence)), "time": APIResponse.dateTime(entry.time), "actor": .string(entry.actor),
                            "tenantId": .optional(entry.tenantId?.rawValue), "operation": .string(entry.operation), "target": .optional(entry.target),
                            "outcome": .string(entry.outcome.rawValue), "ruleIds": .strings(entry.ruleIds), "requestId": .optional(entry.requestId),
                            "detail": .optional(entry.detail),
                        ])
                    })
            ]))
    }

    func outbox() async throws -> Response {
        let messages = try await engine.outbox(to: query["to"])
        return APIResponse.json(
            .object([
                "value": .array(
                    messages.map { message in
                        .object([
                            "id": .string(message.id.rawValue), "kind": .string(message.kind.rawValue), "from": .string(message.from),
                            "to": .string(message.to), "cc": .strings(message.cc), "subject": .string(message.subject), "body": .string(message.body),
                            "url": .optional(message.url), "createdDateTime": APIResponse.dateTime(message.createdDateTime),
                        ])
                    })
            ]))
    }

    func listFaults() -> Response {
        APIResponse.json(
            .object([
                "value": .array(
                    api.faults.list().map { fault in
                        .object([
                            "operation": .string(fault.operation), "status": .int(fault.status), "remaining": .int(fault.remaining),
                            "retryAfter": .int(fault.retryAfter),
                        ])
                    })
            ]))
    }

    func addFault() throws -> Response {
        let operation = try required("operation")
        guard case .number(let status)? = body.object["status"] else { throw TenantError.badRequest("'status' (429, 503 or 504) is required.") }
        let count = body.object["count"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? 1
        let retryAfter = body.object["retryAfter"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? 1
        try api.faults.add(FaultInjector.Fault(operation: operation, status: Int(status), remaining: count, retryAfter: retryAfter))
        return Self.ok()
    }

    func clearFaults() -> Response {
        api.faults.clear()
        return Self.ok()
    }

    /// Mints a token without the token endpoint (tests): `{"tenant", "app" | "user", "permissions" |
    /// "scopes", "audience", "expiresIn"}`.
    func mintToken() async throws -> Response {
        let tenant = try await engine.tenant(try required("tenant"))
        let now = Int(try await engine.now().timeIntervalSince1970)
        let lifetime = body.object["expiresIn"].flatMap { if case .number(let value) = $0 { Int(value) } else { nil } } ?? TokenService.lifetime
        let audience = try body.string("audience") ?? tenant.cloud.graphAudience
        let claims: AccessTokenClaims
        if let user = try body.string("user") {
            let found = try await engine.user(user, in: tenant.id)
            claims = AccessTokenClaims(
                aud: audience, iss: TokenEndpoint.issuer(tenant), iat: now, nbf: now, exp: now + lifetime, tid: tenant.id.rawValue,
                oid: found.id.rawValue, sub: found.id.rawValue, azp: "tenantsim-test-client", idtyp: "user",
                scp: (try body.strings("scopes") ?? []).joined(separator: " "), upn: found.userPrincipalName, name: found.displayName)
        } else {
            let appId = try body.string("app") ?? "tenantsim-test-app"
            claims = AccessTokenClaims(
                aud: audience, iss: TokenEndpoint.issuer(tenant), iat: now, nbf: now, exp: now + lifetime, tid: tenant.id.rawValue,
                oid: appId, sub: appId, azp: appId, idtyp: "app", roles: try body.strings("permissions") ?? [])
        }
        return APIResponse.json(.object(["access_token": .string(try await api.tokens.sign(claims)), "expires_in": .int(lifetime)]))
    }
}
