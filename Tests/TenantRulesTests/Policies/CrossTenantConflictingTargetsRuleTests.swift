import TenantModel
import TenantRules
import Testing

@Suite("policy.cross-tenant.conflicting-targets")
struct CrossTenantConflictingTargetsRuleTests {
    let rule = CrossTenantConflictingTargetsRule()

    func proposing(_ settings: CrossTenantAccessSettings?) -> DirectoryChangeContext {
        Fixtures.directoryChange(
            caller: Fixtures.user([.securityAdministrator], scopes: ["Policy.ReadWrite.CrossTenantAccess"]),
            permission: GraphPermissions.updateCrossTenantAccess, summary: "update the default cross-tenant access settings",
            proposed: settings)
    }

    static let usersBlockedAppsAllowed = CrossTenantB2BSetting(
        usersAndGroups: CrossTenantTargetConfiguration(accessType: .blocked, targets: [.allUsers]),
        applications: CrossTenantTargetConfiguration(accessType: .allowed, targets: [.allApplications]))
    static let appsBlockedUsersAllowed = CrossTenantB2BSetting(
        usersAndGroups: CrossTenantTargetConfiguration(accessType: .allowed, targets: [.allUsers]),
        applications: CrossTenantTargetConfiguration(accessType: .blocked, targets: [.allApplications]))

    @Test("consistent settings are accepted: the service default, block-all and a users-only change")
    func consistentPermitted() {
        let usersOnly = CrossTenantB2BSetting(
            usersAndGroups: CrossTenantTargetConfiguration(accessType: .blocked, targets: [.allUsers]), applications: nil)
        for settings in [
            CrossTenantAccessSettings.serviceDefault, Fixtures.collaboration(inbound: .blockAll), Fixtures.collaboration(outbound: usersOnly),
        ] {
            let context = proposing(settings)
            #expect(rule.evaluate(context).effect == .permit)
            expectPermitted(
                OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context),
                including: "policy.cross-tenant.conflicting-targets")
        }
    }

    @Test("blocking all inbound users while allowing applications is denied with 400 Request_BadRequest")
    func usersBlockedAppsAllowedDenied() {
        let context = proposing(Fixtures.collaboration(inbound: Self.usersBlockedAppsAllowed))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context)
        expectDenied(
            decision, by: "policy.cross-tenant.conflicting-targets", status: 400, code: "Request_BadRequest",
            message: "Invalid b2bCollaborationInbound setting: all users and groups are blocked but applications are not.",
            surface: .graph)
        #expect(decision.explanation.contains("In Contoso, b2bCollaborationInbound"))
    }

    @Test("blocking all applications while allowing users is denied too")
    func appsBlockedUsersAllowedDenied() {
        let context = proposing(CrossTenantAccessSettings(b2bDirectConnectOutbound: Self.appsBlockedUsersAllowed))
        #expect(rule.evaluate(context).effect == .forbid)
        let decision = OperationRules.changeCrossTenantAccess(.updateCrossTenantAccessPolicy).decide(context)
        expectDenied(
            decision, by: "policy.cross-tenant.conflicting-targets", status: 400, code: "Request_BadRequest",
            message: "Invalid b2bDirectConnectOutbound setting: all applications are blocked but users and groups are not.")
    }

    @Test("the rule does not apply to a change without B2B settings")
    func noB2BSettingsIsNotApplicable() {
        #expect(rule.evaluate(proposing(nil)).effect == .notApplicable)
        #expect(rule.evaluate(proposing(CrossTenantAccessSettings(inboundTrust: InboundTrust(isMfaAccepted: true)))).effect == .notApplicable)
    }
}
