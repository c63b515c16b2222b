import Foundation
import TenantModel

/// Every action a scenario step can take. ``actions`` is the one list: a new action is one file in
/// `Actions/` and one line here; the definitions (arguments, docs, suggestions on a typo) are read
/// from the action types. A scalar value stands for the action's `shorthand` argument
/// (`invite: pat@fabrikam.com`).
public enum ActionCatalog {
    static let actions: [any ScenarioAction.Type] = [
        InviteAction.self,
        SetProfileAction.self,
        AssignLicenseAction.self,
        RemoveLicenseAction.self,
        AddToGroupAction.self,
        RemoveFromGroupAction.self,
        AssignDirectoryRoleAction.self,
        SetAuthorizationPolicyAction.self,
        SetCollaborationAction.self,
        SetCrossTenantDefaultAction.self,
        AddCrossTenantPartnerAction.self,
        UpdateCrossTenantPartnerAction.self,
        SetCloudSettingsAction.self,
        UpdateTenantSettingsAction.self,
        EnableGuestMakersAction.self,
        AddUserToEnvironmentAction.self,
        AssignSecurityRoleAction.self,
        RemoveSecurityRoleAction.self,
        CreateTeamAction.self,
        AssignTeamRoleAction.self,
        AssignPlatformRoleAction.self,
        ApplyAdminRoleAction.self,
        NotifyAction.self,
        CreateUserAction.self,
        DeleteUserAction.self,
        RedeemAction.self,
        SignInAction.self,
        OpenEnvironmentAction.self,
        MakeAppAction.self,
        ImportSolutionAction.self,
        ExportSolutionAction.self,
        ShareAppAction.self,
        RunAppAction.self,
        UseFeatureAction.self,
        AdvanceAction.self,
        RunAction.self,
        AssertAction.self,
        ExplainAction.self,
        ThrottleAction.self,
    ]

    /// One action as the loader, the runner and the docs see it.
    public struct Definition: Sendable {
        public var name: String
        /// Who performs it.
        public enum Performer: String, Sendable { case admin, guest, system }
        public var performer: Performer
        public var shorthand: String?
        public var required: [String]
        public var optional: [String]
        /// Accepts any further keys (passed through to the wire as Graph properties).
        public var passthrough: Bool
        public var summary: String
        /// Decodes the step's arguments (a type error names the argument) without running anything.
        let check: @Sendable ([String: JSONValue]) throws -> Void
        /// Decodes the arguments and carries the step out.
        let perform: @Sendable (ActionContext) async throws -> ActionReport

        init<Action: ScenarioAction>(_ action: Action.Type) {
            let names = ArgumentDecoder.names(of: Action.Arguments.self)
            name = Action.name
            performer = Action.performer
            shorthand = Action.shorthand
            required = names.required
            optional = names.optional
            passthrough = Action.passthrough
            summary = Action.summary
            check = { _ = try ArgumentDecoder.decode(Action.Arguments.self, from: $0) }
            perform = { context in
                try await Action.perform(try ArgumentDecoder.decode(Action.Arguments.self, from: context.step.arguments), in: context)
            }
        }
    }

    public static let all: [Definition] = actions.map { Definition($0) }

    public static func find(_ name: String) -> Definition? { all.first { $0.name == name } }

    /// The tables of docs/SCENARIOS.md: every action by who performs it, its arguments (the
    /// shorthand first, then the required, then the optional ones) and what it does.
    public static func markdown() -> String {
        let sections: [(Definition.Performer, String)] = [
            (.admin, "Admin actions (Graph, admin API, Power Platform API, Dataverse)"), (.guest, "What people do (control API)"),
            (.system, "Story steps (no actor)"),
        ]
        return sections.map { performer, title in
            let rows = all.filter { $0.performer == performer }.map { action in
                "| `\(action.name)` | \(arguments(of: action)) | \(action.summary.replacingOccurrences(of: "|", with: "\\|")) |"
            }
            return (["### \(title)", "", "| action | arguments | what it does |", "|---|---|---|"] + rows).joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    static func arguments(of action: Definition) -> String {
        var parts = action.required.map { name in "`\(name)`" + (name == action.shorthand ? " (shorthand)" : "") }
        parts += action.optional.map { name in "`\(name)`" + (name == action.shorthand ? " (shorthand)" : "") + " (optional)" }
        if action.passthrough { parts.append("any Graph or settings properties") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}
