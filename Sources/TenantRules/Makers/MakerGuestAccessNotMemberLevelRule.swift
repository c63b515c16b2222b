import TenantModel

/// `pp.maker.guest-access-not-member-level` — guest access in the resource tenant is below "same as members".
public struct MakerGuestAccessNotMemberLevelRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.guest-access-not-member-level",
        title: "Guest user access in the resource tenant is not the most inclusive level",
        deniesWhen: "the resource tenant's guestUserRoleId is not a0b1b346-4d3e-4e8b-98f8-753987be4970 (guests have the same access as members)",
        notApplicableWhen: "the user is a member",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Power Apps support for B2B guest maker, step 1); Microsoft Learn, Entra External ID: \"Configure external collaboration settings for B2B in Microsoft Entra External ID\" (To configure guest user access: \"Guest users have the same access as members (most inclusive)\"); Microsoft Learn, Microsoft Graph: \"authorizationPolicy resource type\" (guestUserRoleId a0b1b346-4d3e-4e8b-98f8-753987be4970); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Guest makers need the RESOURCE tenant's external collaboration setting 'Guest user access' at \"Guest users have the same access as members (most inclusive)\" (authorizationPolicy.guestUserRoleId = a0b1b346-4d3e-4e8b-98f8-753987be4970).",
        wire: .adminAPI(403, "GuestAccessRestricted", "Guest user access in this tenant is too restricted for guests to make apps."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        let resourceRole = context.resourcePolicy.guestUserRoleId
        var facts = [Fact("resourceTenant.guestUserRoleId", resourceRole)]
        if let home = context.homePolicy { facts.append(Fact("homeTenant.guestUserRoleId", home.guestUserRoleId)) }
        if resourceRole == GuestUserRole.sameAsMembers.rawValue { return .permit(facts) }
        var explanation =
            "In the RESOURCE tenant \(context.resourceTenant.label), guest user access is \"\(GuestUserRole.wording(of: resourceRole))\"."
        if let home = context.homePolicy, home.guestUserRoleId == GuestUserRole.sameAsMembers.rawValue, let homeTenant = context.homeTenant {
            explanation +=
                " The guest's HOME tenant \(homeTenant.displayName) is already at \"same as members\", but that setting only governs guests in the home tenant; it must be set in the resource tenant."
        }
        explanation +=
            " A Privileged Role or Global administrator of \(context.resourceTenant.displayName) must set External collaboration settings › Guest user access to \"Guest users have the same access as members (most inclusive)\" (PATCH /policies/authorizationPolicy {\"guestUserRoleId\":\"\(GuestUserRole.sameAsMembers.rawValue)\"})."
        return .forbid(facts, explanation: explanation)
    }
}
