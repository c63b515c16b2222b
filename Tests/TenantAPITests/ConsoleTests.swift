import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("The web console")
struct ConsoleTests {
    /// Signs in with the control key and returns the session cookie.
    static func signIn(_ client: APIClient, api: TenantAPI) async throws -> String {
        let reply = try await client.send(
            .post, "localhost", "/console/login", body: Data("key=\(api.controlKey.value)".utf8),
            headers: ["Content-Type": "application/x-www-form-urlencoded"])
        #expect(reply.status == 303)
        let cookie = try #require(reply.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Secure"))
        return String(cookie.split(separator: ";")[0])
    }

    @Test("every page needs a session: without one it redirects to sign-in; a wrong key is 401; the right key signs in")
    func pagesNeedASession() async throws {
        try await BothModes.run { client, api in
            for path in ["/console", "/console/users", "/console/journal", "/console/rules", "/console/rules/b2b.invite.domain-blocked"] {
                let reply = try await client.send(.get, "localhost", path)
                #expect(reply.status == 303, "\(path)")
                #expect(reply.headers[.location] == "/console/login", "\(path)")
            }
            #expect(try await client.send(.get, "localhost", "/").headers[.location] == "/console")
            let wrong = try await client.send(
                .post, "localhost", "/console/login", body: Data("key=not-the-key".utf8),
                headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(wrong.status == 401)
            let forged = try await client.send(.get, "localhost", "/console", headers: ["Cookie": "tenantsim-console=guessed"])
            #expect(forged.status == 303)
            let cookie = try await Self.signIn(client, api: api)
            let home = try await client.send(.get, "localhost", "/console", headers: ["Cookie": cookie])
            #expect(home.status == 200)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
            #expect(home.text.contains("Contoso") && home.text.contains("<h1>Tenants</h1>"))
        }
    }

    @Test(
        "a guest's page shows the checklist with its blocking rule; redeeming through the page changes the state; the journal links denials to their rule"
    )
    func userPageRedeemAndJournal() async throws {
        try await BothModes.run { client, api in
            let cookie = try await Self.signIn(client, api: api)
            let token = try await client.token()
            let invited = try await client.graph(
                .post, "/invitations", token: token,
                json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://contoso.crm.dynamics.com"])
            let id = try #require((invited.json["invitedUser"] as? [String: Any])?["id"] as? String)
            // A licence before the usage location: a denial for the journal.
            let denied = try await client.graph(
                .post, "/users/\(id)/assignLicense", token: token,
                json: ["addLicenses": [["skuId": APIWorld.powerApps, "disabledPlans": []]], "removeLicenses": []])
            #expect(denied.status == 400)

            let guests = try await client.send(.get, "localhost", "/console/users?type=guest", headers: ["Cookie": cookie])
            #expect(guests.text.contains("/console/users/\(id)"))
            #expect(!guests.text.contains("admin@contoso.com"), "the guest filter hides members")
            let page = try await client.send(.get, "localhost", "/console/users/\(id)", headers: ["Cookie": cookie])
            #expect(page.text.contains("PendingAcceptance"))
            #expect(page.text.contains("href=\"/console/rules/license.assign.usage-location-missing\""))
            #expect(page.text.contains("id=\"redeem\""))

            let foreign = try await client.send(
                .post, "localhost", "/console/users/\(id)/redeem", headers: ["Cookie": cookie, "Origin": "https://evil.example"])
            #expect(foreign.status == 403)
            #expect(try await api.engine.user(id: UserID(id))?.externalUserState == .pendingAcceptance)
            let noSession = try await client.send(.post, "localhost", "/console/users/\(id)/redeem")
            #expect(noSession.status == 303 && noSession.headers[.location] == "/console/login")
            let redeemed = try await client.send(.post, "localhost", "/console/users/\(id)/redeem", headers: ["Cookie": cookie])
            #expect(redeemed.status == 303)
            #expect(try await api.engine.user(id: UserID(id))?.externalUserState == .accepted)
            let after = try await client.send(.get, "localhost", redeemed.headers[.location] ?? "", headers: ["Cookie": cookie])
            #expect(after.text.contains("Accepted") && after.text.contains("redeemed the invitation with"))

            let journal = try await client.send(.get, "localhost", "/console/journal", headers: ["Cookie": cookie])
            #expect(journal.text.contains("<a class=\"rule-link\" href=\"/console/rules/license.assign.usage-location-missing\">"))
            #expect(journal.text.contains("app: Onboarding Automation"), "actors are shown by name")
            let rule = try await client.send(.get, "localhost", "/console/rules/license.assign.usage-location-missing", headers: ["Cookie": cookie])
            #expect(rule.status == 200 && rule.text.contains("License assignment cannot be done for user with invalid usage location."))
            #expect(try await client.send(.get, "localhost", "/console/rules/no.such.rule", headers: ["Cookie": cookie]).status == 404)
        }
    }

    @Test("what a tenant holds is escaped: a display name with markup renders as text")
    func escapesMarkup() async throws {
        try await BothModes.run { client, api in
            let cookie = try await Self.signIn(client, api: api)
            let token = try await client.token()
            let users = try await client.graph(.get, "/users", token: token).values
            let member = try #require(users.first { ($0["userPrincipalName"] as? String)?.hasPrefix("member@") == true }?["id"] as? String)
            #expect(
                try await client.graph(.patch, "/users/\(member)", token: token, json: ["displayName": "<script>alert(1)</script>"]).status == 204)
            let page = try await client.send(.get, "localhost", "/console/users", headers: ["Cookie": cookie])
            #expect(!page.text.contains("<script>alert(1)</script>"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test(
        "the licences, environments and invitations pages show the tenant's subscriptions, Dataverse users and the outbox; the clock can be advanced")
    func moreAdminCenterPages() async throws {
        try await BothModes.run { client, api in
            let cookie = try await Self.signIn(client, api: api)
            let token = try await client.token()
            _ = try await client.graph(
                .post, "/invitations", token: token,
                json: [
                    "invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://contoso.crm.dynamics.com",
                    "sendInvitationMessage": true,
                ])
            let licences = try await client.send(.get, "localhost", "/console/licences?tenant=contoso", headers: ["Cookie": cookie])
            #expect(licences.status == 200 && licences.text.contains("POWERAPPS_PER_USER") && licences.text.contains("<td>300</td>"))
            let environments = try await client.send(.get, "localhost", "/console/environments?tenant=contoso", headers: ["Cookie": cookie])
            #expect(environments.text.contains("Contoso Sales") && environments.text.contains("Sales Environment Users"))
            let groups = try await client.send(.get, "localhost", "/console/groups?tenant=contoso", headers: ["Cookie": cookie])
            #expect(groups.text.contains("<td>Sales Environment Users</td><td>Security</td>") && groups.text.contains("<td>Contoso Sales</td>"))
            let crossTenant = try await client.send(.get, "localhost", "/console/cross-tenant-access?tenant=contoso", headers: ["Cookie": cookie])
            #expect(crossTenant.status == 200 && crossTenant.text.contains("Default settings"))
            let invitations = try await client.send(.get, "localhost", "/console/invitations?tenant=contoso", headers: ["Cookie": cookie])
            #expect(invitations.text.contains("pat@fabrikam.com") && invitations.text.contains("PendingAcceptance"))
            #expect(invitations.text.contains("<td>invitation</td>"), "the invitation email is in the outbox")
            let before = try await api.engine.now()
            let advanced = try await client.send(
                .post, "localhost", "/console/clock/advance", body: Data("minutes=90".utf8),
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"])
            #expect(advanced.status == 303)
            #expect(try await api.engine.now().timeIntervalSince(before) >= 90 * 60)
            let refused = try await client.send(
                .post, "localhost", "/console/clock/advance", body: Data("minutes=lots".utf8),
                headers: ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"])
            #expect(refused.headers[.location]?.contains("whole%20number") == true)
        }
    }

    @Test("a class can save a snapshot, reset to it, and load a lesson's world; each action says what it did")
    func snapshotsAndLessons() async throws {
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(APIWorld.spec)
        var lessonSpec = APIWorld.spec
        lessonSpec.tenants = lessonSpec.tenants.filter { $0.key == "fabrikam" }
        let lesson = LessonWorld(number: 7, title: "The security role", spec: lessonSpec)
        let api = TenantAPI(engine: engine, lessonWorlds: { [lesson] })
        let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
        let cookie = try await Self.signIn(client, api: api)
        let form = ["Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"]
        let home = try await client.send(.get, "localhost", "/console", headers: ["Cookie": cookie])
        #expect(home.text.contains("Load lesson 7: The security role"))

        let saved = try await client.send(.post, "localhost", "/console/snapshots/save", body: Data("name=before-class".utf8), headers: form)
        #expect(saved.headers[.location]?.contains("Saved") == true)
        #expect(
            try await client.send(.post, "localhost", "/console/snapshots/save", body: Data("name=../etc".utf8), headers: form)
                .headers[.location]?.contains("letters") == true)
        let token = try await client.token()
        _ = try await client.graph(
            .post, "/invitations", token: token,
            json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://contoso.crm.dynamics.com"])
        let contoso = try await engine.tenant("contoso")
        #expect(try await engine.users(in: contoso.id).contains { $0.isGuest })
        let restored = try await client.send(.post, "localhost", "/console/snapshots/restore", body: Data("name=before-class".utf8), headers: form)
        #expect(restored.headers[.location]?.contains("back") == true)
        #expect(try await !engine.users(in: contoso.id).contains { $0.isGuest })

        let loaded = try await client.send(.post, "localhost", "/console/lessons/7/load", headers: form)
        #expect(loaded.headers[.location]?.contains("Loaded") == true)
        #expect(try await engine.tenants().map(\.displayName) == ["Fabrikam"])
        #expect(
            try await client.send(.post, "localhost", "/console/lessons/99/load", headers: form).headers[.location]?.contains("no%20lesson") == true)
    }
}
