import TenantEngine
import TenantModel

/// After a `run:` step: the onboarding checklist of every guest the command touched, in every
/// environment of its tenant where the command set the guest up — a security role or the
/// environment's security group for using it, a maker role for making apps. A capability set up
/// that way but blocked by a rule is a finding: the script "succeeded" at something that can't
/// work (a personal Microsoft account made a maker, a guest given a role in a sovereign cloud
/// their home can't reach).
struct SetupCheck {
    /// One capability the command set up that a rule blocks.
    struct Finding: Hashable {
        var guest: String
        var environment: String
        var capability: String
        var rule: String
        var explanation: String?

        var line: String {
            "the script set up \(guest) to \(capability) in '\(environment)', but `\(rule)` blocks it"
        }
    }

    /// Roles that mean "this guest is meant to make apps".
    static let makerRoles: Set<String> = ["Environment Maker", "System Customizer", "System Administrator"]
    static let useCapabilities = ["open the environment", "run apps"]
    static let makerCapabilities = ["make canvas apps", "make Dataverse apps"]

    let engine: TenantEngine

    /// The findings for the guests of `tenant` named by journal entries after `sequence`.
    func findings(after sequence: Int64, in tenant: Tenant) async throws -> [Finding] {
        let targets = try await engine.journal(after: sequence).compactMap(\.target)
        guard !targets.isEmpty else { return [] }
        let guests = try await engine.users(in: tenant.id).filter { guest in
            guest.isGuest && !guest.isDeleted
                && targets.contains { $0.contains(guest.id.rawValue) || $0.lowercased() == guest.contactAddress.lowercased() }
        }
        var found: [Finding] = []
        for environment in try await engine.environments(in: tenant.id) {
            for guest in guests {
                let roles = try await engine.roleNames(of: guest.id, in: environment.id)
                let inGroup =
                    try await environment.securityGroupId.asyncFlatMap { group in
                        try await engine.groupIds(ofMember: guest.id.rawValue, transitive: true).contains(group) ? true : nil
                    } ?? false
                var wanted: [String] = []
                // A maker role alone (in an environment without Dataverse) sets up making, not using others' apps.
                if !roles.subtracting(Self.makerRoles).isEmpty || inGroup || roles.contains("System Administrator") {
                    wanted += Self.useCapabilities
                }
                if !roles.isDisjoint(with: Self.makerRoles) { wanted += Self.makerCapabilities }
                guard !wanted.isEmpty else { continue }
                let checklist = try await engine.explain(guest.contactAddress, in: environment.id.rawValue)
                var rules: Set<String> = []
                for capability in checklist.capabilities where wanted.contains(capability.name) && capability.verdict == .blocked {
                    guard let rule = capability.blockingRule, rules.insert(rule).inserted else { continue }
                    found.append(
                        Finding(
                            guest: guest.contactAddress, environment: environment.displayName, capability: capability.name, rule: rule,
                            explanation: capability.explanation))
                }
            }
        }
        return found
    }
}
