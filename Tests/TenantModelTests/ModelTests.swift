import Foundation
import TenantModel
import Testing

@Suite("Model values")
struct ModelTests {
    @Test("guest UPNs replace @ with _ and append #EXT# under the initial domain")
    func guestUPN() {
        #expect(
            User.guestUserPrincipalName(email: "LStokes@Fabrikam.com", initialDomain: "contoso.onmicrosoft.com")
                == "lstokes_fabrikam.com#EXT#@contoso.onmicrosoft.com")
    }

    @Test(
        "email validation follows the invitation API's forbidden characters",
        arguments: [
            ("pat@fabrikam.com", true), ("pat_@fabrikam.com", true), ("_pat@fabrikam.com", true), ("p.a-t@fabrikam.com", true),
            (".pat@fabrikam.com", false), ("pat-@fabrikam.com", false), ("pat#1@fabrikam.com", false), ("pat@fabrikam", false),
            ("pat@@fabrikam.com", false), ("pat smith@fabrikam.com", false), ("", false), ("pat,@fabrikam.com", false),
        ])
    func emailValidation(address: String, valid: Bool) {
        #expect((EmailAddress.problem(with: address) == nil) == valid)
    }

    @Test("the redeem URL encodes the invitations link and yields its ticket back")
    func redeemURL() {
        let url = Invitation.redeemURL(authorityHost: "login.microsoftonline.com", tenantId: "t1", userId: "u1", ticket: "abc123")
        #expect(url.hasPrefix("https://login.microsoftonline.com/redeem?rd=https%3a%2f%2finvitations.microsoft.com%2fredeem%2f%3ftenant%3dt1"))
        #expect(Invitation.ticket(fromRedeemURL: url) == "abc123")
    }

    @Test(
        "clouds map to their Entra cloud and hosts",
        arguments: [
            (Cloud.commercial, EntraCloud.global, "graph.microsoft.com", "crm.dynamics.com"),
            (Cloud.gcc, EntraCloud.global, "graph.microsoft.com", "crm9.dynamics.com"),
            (Cloud.gccHigh, EntraCloud.usGovernment, "graph.microsoft.us", "crm.microsoftdynamics.us"),
            (Cloud.dod, EntraCloud.usGovernment, "dod-graph.microsoft.us", "crm.appsplatform.us"),
            (Cloud.china, EntraCloud.china, "microsoftgraph.chinacloudapi.cn", "crm.dynamics.cn"),
        ])
    func cloudHosts(cloud: Cloud, entra: EntraCloud, graph: String, dataverse: String) {
        #expect(cloud.entraCloud == entra)
        #expect(cloud.graphHost == graph)
        #expect(cloud.dataverseDomain == dataverse)
    }

    @Test("allowInvitesFrom defaults to none in the Azure Government cloud and everyone elsewhere, GCC included")
    func invitesDefault() {
        #expect(AllowInvitesFrom.default(for: .gcc) == .everyone)
        #expect(AllowInvitesFrom.default(for: .gccHigh) == .none)
        #expect(AllowInvitesFrom.default(for: .dod) == .none)
        #expect(AllowInvitesFrom.default(for: .commercial) == .everyone)
        #expect(AllowInvitesFrom.default(for: .china) == .everyone)
    }

    @Test("collaboration restrictions are an allow list or a deny list, never both")
    func collaborationNeverBoth() {
        let both = CollaborationRestrictions.from(tenantId: "t", allowedDomains: ["a.com"], blockedDomains: ["b.com"])
        #expect(throws: TenantError.self) { try both.get() }
        let deny = try? CollaborationRestrictions.from(tenantId: "t", allowedDomains: nil, blockedDomains: ["live.com"]).get()
        #expect(deny?.permits(domain: "live.com") == false)
        #expect(deny?.permits(domain: "fabrikam.com") == true)
        let allow = try? CollaborationRestrictions.from(tenantId: "t", allowedDomains: ["*.fabrikam.com"], blockedDomains: nil).get()
        #expect(allow?.permits(domain: "eu.fabrikam.com") == true)
        #expect(allow?.permits(domain: "contoso.com") == false)
    }

    @Test("Government and China Entra clouds can't collaborate; every other pair can")
    func entraPairs() {
        #expect(!EntraCloud.usGovernment.canCollaborate(with: .china))
        #expect(EntraCloud.global.canCollaborate(with: .china))
        #expect(EntraCloud.global.canCollaborate(with: .usGovernment))
    }

    @Test("JSON values deep-merge objects and replace everything else")
    func jsonMerge() throws {
        let base = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":{"b":1,"c":2},"d":[1]}"#.utf8))
        let overlay = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":{"c":3},"d":[2]}"#.utf8))
        let merged = base.merging(overlay)
        #expect(merged[path: "a.b"] == .number(1))
        #expect(merged[path: "a.c"] == .number(3))
        #expect(merged[path: "d"] == .array([.number(2)]))
    }
}
