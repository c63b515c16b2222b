import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Every token the token endpoint issues is accepted by the surface it names")
struct TokenAudienceTests {
    /// A resource form, the surface (host and path) its token is used on.
    struct Form: Sendable, CustomStringConvertible {
        let resource: String
        let host: String
        let path: String
        var description: String { resource }
    }

    static let bap = "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments?api-version=2020-10-01"
    static let forms: [Form] = [
        Form(resource: "https://graph.microsoft.com", host: "graph.microsoft.com", path: "/v1.0/users"),
        Form(resource: "00000003-0000-0000-c000-000000000000", host: "graph.microsoft.com", path: "/v1.0/users"),
        Form(resource: "https://127.0.0.1:44589", host: "127.0.0.1", path: "/v1.0/users"),
        Form(resource: "https://localhost:8443/", host: "localhost", path: "/v1.0/users"),
        Form(resource: "https://127.0.0.1:44589/graph.microsoft.com", host: "graph.microsoft.com", path: "/v1.0/users"),
        Form(resource: "https://127.0.0.1:44589/graph.microsoft.com/", host: "graph.microsoft.com", path: "/v1.0/users"),
        Form(resource: "https://localhost/graph.microsoft.com", host: "graph.microsoft.com", path: "/v1.0/users"),
        Form(resource: "https://service.powerapps.com/", host: "api.bap.microsoft.com", path: bap),
        Form(resource: "https://127.0.0.1:44589/service.powerapps.com/", host: "api.bap.microsoft.com", path: bap),
        Form(resource: "https://127.0.0.1:44589/api.bap.microsoft.com", host: "api.bap.microsoft.com", path: bap),
        Form(resource: "https://api.powerplatform.com", host: "api.powerplatform.com", path: "/environmentmanagement/environments"),
        Form(resource: "https://127.0.0.1:44589/api.powerplatform.com", host: "api.powerplatform.com", path: "/environmentmanagement/environments"),
        Form(resource: "https://contoso.crm.dynamics.com", host: "contoso.crm.dynamics.com", path: "/api/data/v9.2/WhoAmI()"),
        Form(resource: "https://127.0.0.1:44589/contoso.crm.dynamics.com", host: "contoso.crm.dynamics.com", path: "/api/data/v9.2/WhoAmI()"),
        Form(resource: "https://127.0.0.1:44589/contoso.api.crm.dynamics.com/", host: "contoso.crm.dynamics.com", path: "/api/data/v9.2/WhoAmI()"),
    ]

    @Test("a token issued for each resource form is not refused with 401 by its surface", arguments: forms)
    func issuedTokensAreAccepted(form: Form) async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: form.resource + (form.resource.hasSuffix("/") ? "/.default" : "/.default"))
            #expect(!token.isEmpty)
            let reply = try await client.send(.get, form.host, form.path, token: token)
            #expect(reply.status != 401, "\(form.resource) on \(form.host): \(reply.text.prefix(300))")
        }
    }

    @Test("a resource TenantSim can't map is refused at the token endpoint (AADSTS500011), so no token is issued that would be rejected")
    func unmappableResourcesAreRefused() async throws {
        try await BothModes.run { client, _ in
            for resource in [
                "https://127.0.0.1:44589/nothing.example.com", "https://management.example.com", "https://127.0.0.1:44589/fabrikam.crm.dynamics.com",
            ] {
                let form =
                    "grant_type=client_credentials&client_id=\(APIWorld.onboardingApp)&client_secret=\(APIWorld.secret)&scope="
                    + (resource + "/.default").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let reply = try await client.send(
                    .post, "login.microsoftonline.com", "/\(APIWorld.contoso)/oauth2/v2.0/token", body: Data(form.utf8),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"])
                #expect(reply.status == 400, "\(resource)")
                #expect(reply.json["error"] as? String == "invalid_resource", "\(resource)")
                #expect((reply.json["error_codes"] as? [Int]) == [500011], "\(resource)")
            }
        }
    }
}
