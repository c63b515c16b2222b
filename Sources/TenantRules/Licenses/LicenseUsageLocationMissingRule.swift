import TenantModel

/// `license.assign.usage-location-missing` — the user has no `usageLocation`.
public struct LicenseUsageLocationMissingRule: Rule {
    public init() {}

    public static let microsoftMessage = "License assignment cannot be done for user with invalid usage location."

    public let metadata = RuleMetadata(
        id: "license.assign.usage-location-missing",
        title: "The user has no usage location",
        deniesWhen: "licences are added to a user whose usageLocation is not set (guests have none by default)",
        notApplicableWhen: "the request adds no licences",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Update user's name and usage location: \"To assign a license, the invited user's Usage location must be specified\"); Microsoft Learn, Microsoft Graph: \"user resource type\" (usageLocation: required for users who are assigned licences); KelvinTegelaar/CIPP#783 (the message \"License assignment cannot be done for user with invalid usage location.\"); microsoft/Partner-Center-DotNet-Samples#131 (the same message from a licence assignment); MicrosoftDocs/OfficeDocs-O365ITPro#975 (guest accounts have no usage location by default)",
        explanation:
            "A licence can only be assigned once the user's usage location is set, because services are licensed per country. Set usageLocation first (PATCH /users/{id}) in the resource tenant, then assign the licence.",
        wire: .graph(400, "Request_BadRequest", LicenseUsageLocationMissingRule.microsoftMessage, .microsoft))

    public func evaluate(_ context: LicenseContext) -> RuleOutcome {
        guard !context.adds.isEmpty else { return .notApplicable() }
        let location = context.target.usageLocation
        let facts = [Fact("user.usageLocation", optional: location), Fact("user.userType", context.target.userType.rawValue)]
        if let location, CountryCode.isValid(location) { return .permit(facts) }
        let guestNote = context.target.isGuest ? " Guests are created without a usage location." : ""
        return .forbid(
            facts,
            explanation:
                "\(context.target.label) has no usage location in \(context.tenant.displayName).\(guestNote) Set it first — the step 'Update user's name and usage location' (\(LearnPage.cite(.nameAndUsageLocation))): PATCH /users/\(context.target.id) {\"usageLocation\":\"US\"} — then assign the licence."
        )
    }
}
