/// A tenant's Power Platform settings document (`listTenantSettings`), stored whole and updated
/// by deep merge.
public struct TenantSettings: Codable, Hashable, Sendable {
    public var tenantId: TenantID
    public var document: JSONValue

    public init(tenantId: TenantID, document: JSONValue = TenantSettings.defaultDocument) {
        self.tenantId = tenantId
        self.document = document
    }

    /// `powerPlatform.powerApps.enableGuestsToMake` (default false).
    public var enableGuestsToMake: Bool { document[path: "powerPlatform.powerApps.enableGuestsToMake"]?.boolValue ?? false }

    /// The documented default document (domain-facts §8.1).
    public static let defaultDocument: JSONValue = .object([
        "walkMeOptOut": .bool(false),
        "disableNPSCommentsReachout": .bool(false),
        "disableNewsletterSendout": .bool(false),
        "disableEnvironmentCreationByNonAdminUsers": .bool(false),
        "disablePortalsCreationByNonAdminUsers": .bool(false),
        "disableSurveyFeedback": .bool(false),
        "disableTrialEnvironmentCreationByNonAdminUsers": .bool(false),
        "disableCapacityAllocationByEnvironmentAdmins": .bool(false),
        "disableSupportTicketsVisibleByAllUsers": .bool(false),
        "powerPlatform": .object([
            "search": .object([
                "disableDocsSearch": .bool(false), "disableCommunitySearch": .bool(false), "disableBingVideoSearch": .bool(false),
            ]),
            "teamsIntegration": .object(["shareWithColleaguesUserLimit": .number(10000)]),
            "powerApps": .object([
                "disableShareWithEveryone": .bool(false), "enableGuestsToMake": .bool(false),
                "disableMembersIndicator": .bool(false), "disableMakerMatch": .bool(false),
                "disableConnectionSharingWithEveryone": .bool(false), "disableCreateFromImage": .bool(false),
                "disableCreateFromFigma": .bool(false), "disableUnusedLicenseAssignment": .bool(false),
            ]),
            "powerAutomate": .object(["disableCopilot": .bool(false), "disableCopilotWithBing": .bool(false)]),
            "environments": .object(["disablePreferredDataLocationForTeamsEnvironment": .bool(false)]),
            "governance": .object([
                "disableAdminDigest": .bool(false), "disableDeveloperEnvironmentCreationByNonAdminUsers": .bool(false),
                "enableDefaultEnvironmentRouting": .bool(false),
                "policy": .object(["enableDesktopFlowDataPolicyManagement": .bool(false)]),
            ]),
            "licensing": .object([
                "disableBillingPolicyCreationByNonAdminUsers": .bool(false),
                "enableTenantCapacityReportForEnvironmentAdmins": .bool(false),
                "storageCapacityConsumptionWarningThreshold": .number(85),
                "enableTenantLicensingReportForEnvironmentAdmins": .bool(false),
                "disableUseOfUnassignedAIBuilderCredits": .bool(false),
            ]),
            "modelExperimentation": .object(["enableModelDataSharing": .bool(false), "disableDataLogging": .bool(false)]),
            "catalogSettings": .object(["powerCatalogAudienceSetting": .string("All")]),
            "intelligence": .object(["disableCopilot": .bool(false), "enableOpenAiBotPublishing": .bool(false)]),
        ]),
    ])
}
