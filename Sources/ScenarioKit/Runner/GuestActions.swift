import Foundation
import TenantEngine
import TenantModel

/// What guests (and members acting as users) do, through the control API: redeem, sign in, open an
/// environment, make apps, import and export solutions, share and run apps, use features.
struct GuestActions {
    let session: ScenarioSession
    let step: Step

    func perform() async throws -> (StepOutcome, String) {
        let account = step.actor ?? ""
        let environment = step.string("environment") ?? ""
        switch step.action.name {
        case "redeem":
            if let url = step.string("url") {
                let reply = try await session.control("/redeem", ["url": url, "consent": step.string("consent") ?? "accept"])
                return (reply.outcome(detail: reply.json["identityProvider"] as? String), "\(account) opens the invitation link")
            }
            let tenant = try await session.engine.tenant(step.string("tenant") ?? "")
            let reply = try await session.control(
                "/redeem", ["tenant": tenant.id.rawValue, "address": account, "consent": step.string("consent") ?? "accept"])
            let identity = reply.json["identityProvider"] as? String
            return (reply.outcome(detail: identity.map { "redeemed with \($0)" }), "\(account) redeems the invitation to \(tenant.displayName)")
        case "signIn":
            var body: [String: Any] = ["account": account]
            var target = "without choosing a tenant"
            if let key = step.string("tenant") {
                let tenant = try await session.engine.tenant(key)
                body["tenant"] = tenant.id.rawValue
                target = "to \(tenant.displayName)"
            }
            if let client = step.string("client") { body["client"] = client }
            if let cloud = step.string("cloud") { body["cloud"] = cloud }
            if let consent = step.string("consent") { body["consent"] = consent }
            let reply = try await session.control("/signin", body)
            let notes = (reply.json["notes"] as? [String])?.joined(separator: "; ")
            return (
                reply.outcome(detail: notes?.isEmpty == false ? notes : nil),
                "\(account) signs in \(target)\(step.string("client").map { " with \($0)" } ?? "")"
            )
        case "openEnvironment":
            let reply = try await session.control("/open", ["account": account, "environment": environment])
            return (reply.outcome(detail: reply.json["url"] as? String), "\(account) opens '\(environment)'")
        case "makeApp":
            let kind = step.string("kind") ?? "canvas"
            let reply = try await session.control(
                "/apps", ["account": account, "environment": environment, "kind": kind, "name": step.string("name") ?? "App"])
            return (reply.outcome(), "\(account) makes a \(kind) app in '\(environment)'")
        case "importSolution", "exportSolution":
            let importing = step.action.name == "importSolution"
            let reply = try await session.control(
                importing ? "/solutions/import" : "/solutions/export",
                ["account": account, "environment": environment, "name": step.string("name") ?? "Solution"])
            return (reply.outcome(), "\(account) \(importing ? "imports" : "exports") a solution \(importing ? "into" : "from") '\(environment)'")
        case "shareApp":
            let reply = try await session.control(
                "/apps/share", ["account": account, "environment": environment, "app": step.string("app") ?? "", "with": step.string("with") ?? ""])
            return (reply.outcome(), "\(account) shares '\(step.string("app") ?? "")' with \(step.string("with") ?? "")")
        case "runApp":
            let reply = try await session.control("/apps/run", ["account": account, "environment": environment, "app": step.string("app") ?? ""])
            return (reply.outcome(), "\(account) runs '\(step.string("app") ?? "")'")
        case "useFeature":
            let feature = step.string("feature") ?? ""
            let reply = try await session.control("/features", ["account": account, "environment": environment, "feature": feature])
            return (reply.outcome(), "\(account) uses \(CustomerEngagementFeature(rawValue: feature)?.displayName ?? feature) in '\(environment)'")
        default:
            throw ScenarioFailure("'\(step.action.name)' is not a guest action")
        }
    }
}
