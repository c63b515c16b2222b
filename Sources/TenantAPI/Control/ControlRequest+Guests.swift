import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// What people do that Microsoft has no API for: redeem, sign in, open, make and run apps, use
/// features; and the admin portal actions (notify, collaboration restrictions).
extension ControlRequest {
    func consentDeclined() throws -> Bool {
        switch try body.string("consent") ?? "accept" {
        case "accept": return false
        case "decline": return true
        case let other: throw TenantError.badRequest("consent is accept or decline, not '\(other)'.")
        }
    }

    func redeem() async throws -> Response {
        let result: RedemptionResult
        let decline = try consentDeclined()
        if let link = try body.string("url") ?? body.string("ticket") {
            result = try await engine.redeemInvitation(link, declineConsent: decline, requestId: context.requestId)
        } else {
            let tenant = try await engine.tenant(try required("tenant"))
            result = try await engine.redeemInvitation(
                address: try required("address"), in: tenant.id, declineConsent: decline, requestId: context.requestId)
        }
        return Self.ok([
            "userId": .string(result.user.id.rawValue), "identityProvider": .string(result.identityProvider),
            "alreadyRedeemed": .bool(result.alreadyRedeemed),
        ])
    }

    func signIn() async throws -> Response {
        let tenant = try await (try body.string("tenant")).asyncMap { try await engine.tenant($0) }
        let client =
            try body.string("client").map { raw -> SignInClient in
                guard let client = SignInClient(rawValue: raw) else {
                    throw TenantError.badRequest("client must be one of \(SignInClient.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                return client
            } ?? .app
        let cloud = try body.string("cloud").map { raw -> EntraCloud in
            guard let cloud = EntraCloud(rawValue: raw) ?? EntraCloud(authorityHost: raw) else {
                throw TenantError.badRequest("Unknown cloud '\(raw)'.")
            }
            return cloud
        }
        let session = try await engine.signIn(
            account: try required("account"), to: tenant?.id, authorityCloud: cloud, client: client, declineConsent: try consentDeclined(),
            requestId: context.requestId)
        return Self.ok([
            "tenantId": .string(session.tenantId.rawValue), "userId": .string(session.user.id.rawValue), "notes": .strings(session.notes),
        ])
    }

    func openEnvironment() async throws -> Response {
        let access = try await engine.openEnvironment(try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok(["url": .string(access.url), "roles": .strings(access.roleNames)])
    }

    func makeApp() async throws -> Response {
        guard let kind = AppKind(rawValue: try body.string("kind") ?? "canvas") else {
            throw TenantError.badRequest("kind must be one of \(AppKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let app = try await engine.makeApp(
            try body.string("name") ?? "App", kind: kind, in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok(["appId": .string(app.id.rawValue), "kind": .string(app.kind.rawValue)])
    }

    func shareApp() async throws -> Response {
        let app = try await engine.shareCanvasApp(
            try required("app"), in: try required("environment"), with: try required("with"), as: try required("account"),
            requestId: context.requestId)
        return Self.ok(["appId": .string(app.id.rawValue)])
    }

    func runApp() async throws -> Response {
        try await engine.runCanvasApp(try required("app"), in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok()
    }

    func solution(import importing: Bool) async throws -> Response {
        let name = try body.string("name") ?? "Solution"
        if importing {
            try await engine.importSolution(name, into: try required("environment"), as: try required("account"), requestId: context.requestId)
        } else {
            try await engine.exportSolution(name, from: try required("environment"), as: try required("account"), requestId: context.requestId)
        }
        return Self.ok()
    }

    func useFeature() async throws -> Response {
        guard let feature = CustomerEngagementFeature(rawValue: try required("feature")) else {
            throw TenantError.badRequest("feature must be one of \(CustomerEngagementFeature.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        try await engine.useFeature(feature, in: try required("environment"), as: try required("account"), requestId: context.requestId)
        return Self.ok()
    }

    func notify() async throws -> Response {
        let caller = try await actingCaller()
        let message = try await engine.notifyUser(
            try required("user"), about: try required("environment"), by: caller, message: try body.string("message"), requestId: context.requestId)
        return Self.ok(["messageId": .string(message.id.rawValue), "url": .optional(message.url)])
    }

    func setCollaboration() async throws -> Response {
        let caller = try await actingCaller()
        guard let tenant = caller.tenantId else { throw TenantError.badRequest("No tenant to change.") }
        let restrictions = try await engine.setCollaborationRestrictions(
            allowedDomains: try body.strings("allowedDomains"), blockedDomains: try body.strings("blockedDomains"), in: tenant, by: caller,
            requestId: context.requestId)
        return Self.ok(["summary": .string(restrictions.summary)])
    }
}
