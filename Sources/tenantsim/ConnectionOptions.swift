import ArgumentParser
import Foundation
import HTTPTransport
import HTTPTypes
import Logging
import OnboardingKit
import ScenarioKit
import TenantAPI
import TenantEngine
import TenantModel

/// Where `bulk-invite` and `onboard` send their requests: the embedded fake tenant (a state
/// file, in process — the default), a running TenantSim server, or the real Microsoft cloud.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "State file of the embedded fake tenant (created with the standard fixtures when missing).")
    var state: String = StateFile.defaultPath

    @Option(
        help:
            "Graph base URL: a running TenantSim server (https://127.0.0.1:8443) or Microsoft Graph (https://graph.microsoft.com). Default: the embedded fake tenant."
    )
    var graph: String?

    @Option(help: "The resource tenant: id, domain or (TenantSim) key such as contoso.")
    var tenant: String = "contoso"

    @Option(help: "Client id of the app registration. Default against TenantSim: the 'Onboarding Automation' app.")
    var clientId: String?

    @Option(help: "Client secret of the app registration (or TENANTSIM_CLIENT_SECRET).")
    var clientSecret: String?

    @Option(help: "Entra authority URL (default: the cloud's, e.g. https://login.microsoftonline.com).")
    var authority: String?

    @Option(help: "Extra CA certificate (PEM) to trust, e.g. TenantSim's ca.pem. Default for a TenantSim server: <state>.tls/ca.pem when present.")
    var ca: String?

    @Option(help: "A TenantSim server's control key (or TENANTSIM_CONTROL_KEY). Default: the key file <state>.control-key when present.")
    var controlKey: String?

    static let defaultApp = "Onboarding Automation"

    /// A ready client and a one-line description of where it points.
    struct Connection {
        let client: OnboardingClient
        let target: String
        /// The cloud of the tenant the client signs in to.
        var cloud: Cloud = .commercial
    }

    func connect(retry: RetryPolicy = .standard) async throws -> Connection {
        guard let graph else { return try await embedded(retry: retry) }
        guard let url = URLComponents(string: graph), let host = url.host?.lowercased() else {
            throw ConfigurationError("--graph must be a URL such as https://127.0.0.1:8443 or https://graph.microsoft.com.")
        }
        if let cloud = Cloud.allCases.first(where: { $0.graphHost == host }) { return try microsoft(cloud: cloud, retry: retry) }
        return try await tenantSimServer(host: host, port: url.port ?? 443, retry: retry)
    }

    /// In process against the state file, as the tenant's Onboarding Automation app.
    func embedded(retry: RetryPolicy) async throws -> Connection {
        let (engine, _) = try await StateFile.open(state)
        var logger = Logger(label: "tenantsim")
        logger.logLevel = .error
        let api = TenantAPI(engine: engine, logger: logger)
        let transport = api.inProcessTransport()
        let resolved: Tenant
        do {
            resolved = try await engine.tenant(tenant)
        } catch {
            let tenants = try await engine.tenants()
            let names = tenants.flatMap { [$0.displayName, $0.initialDomain] + $0.verifiedDomains }
            throw ConfigurationError(
                "The state has no tenant '\(tenant)'\(DidYouMean.phrase(for: tenant, among: names)) (it has \(tenants.map { "\($0.displayName) (\($0.initialDomain))" }.joined(separator: ", ")))."
            )
        }
        let apps = try await engine.apps(in: resolved.id)
        let app =
            try clientId.map { id in
                guard let app = apps.first(where: { $0.appId.rawValue == id }) else {
                    throw ConfigurationError("No app \(id) in \(resolved.displayName).")
                }
                return app
            } ?? apps.first(where: { $0.displayName == Self.defaultApp })
        guard let app else {
            throw ConfigurationError("\(resolved.displayName) has no '\(Self.defaultApp)' app; pass --client-id and --client-secret.")
        }
        let stored = try await engine.secrets(of: app.appId).first?.secretText
        guard let secret = clientSecretValue() ?? stored else {
            throw ConfigurationError("No client secret for \(app.displayName); pass --client-secret.")
        }
        let cloud = resolved.cloud
        let tokens = ClientCredentialsTokenProvider(
            transport: transport, loginHost: cloud.entraAuthorityHost, tenant: resolved.id.rawValue, clientId: app.appId.rawValue,
            clientSecret: secret)
        return Connection(
            client: OnboardingClient(
                transport: transport, tokens: tokens, endpoints: Self.endpoints(cloud, controlKey: api.controlKey.value), retry: retry),
            target: "the embedded fake tenant (\(state)), \(resolved.displayName) as '\(app.displayName)'", cloud: cloud)
    }

    /// A running TenantSim server: its control API tells the tenant and app credentials.
    func tenantSimServer(host: String, port: Int, retry: RetryPolicy) async throws -> Connection {
        let authorityFile = ca ?? (FileManager.default.fileExists(atPath: state + ".tls/ca.pem") ? state + ".tls/ca.pem" : nil)
        let transport = try LiveHTTPTransport(caFile: authorityFile, redirectTo: "\(host):\(port)")
        let key = controlKeyValue()
        var request = HTTPRequest(method: .get, scheme: "https", authority: "localhost", path: "/_tenantsim/world")
        request.headerFields[.accept] = "application/json"
        if let key { request.headerFields[HTTPField.Name(ControlKey.header)!] = key }
        let (response, data) = try await transport.send(request, body: nil)
        if response.status.code == 401 {
            throw ConfigurationError(
                "\(graph ?? "") is a TenantSim server that needs its control key: pass --control-key or set \(ControlKey.environmentVariable) (`tenantsim serve` prints it; it is kept in <state>.control-key)."
            )
        }
        guard response.status.code == 200, let world = try? JSONDecoder().decode(ServerWorld.self, from: data) else {
            throw ConfigurationError("\(graph ?? "") is not a TenantSim server (GET /_tenantsim/world answered \(response.status.code)).")
        }
        let wanted = tenant.lowercased()
        guard
            let found = world.tenants.first(where: {
                $0.id.lowercased() == wanted || $0.domain.lowercased() == wanted || $0.domain.lowercased().hasPrefix(wanted + ".")
                    || $0.displayName.lowercased() == wanted
            })
        else {
            let names = world.tenants.flatMap { [$0.displayName, $0.domain] }
            throw ConfigurationError(
                "The server has no tenant '\(tenant)'\(DidYouMean.phrase(for: tenant, among: names)) (it has \(world.tenants.map(\.displayName).joined(separator: ", ")))."
            )
        }
        let app = clientId.map { id in found.apps.first { $0.clientId == id } } ?? found.apps.first { $0.name == Self.defaultApp }
        guard let clientIdValue = clientId ?? app?.clientId else {
            throw ConfigurationError("Pass --client-id: \(found.displayName) has no '\(Self.defaultApp)' app.")
        }
        guard let secret = clientSecretValue() ?? app?.clientSecret else { throw ConfigurationError("Pass --client-secret.") }
        let cloud = Cloud(rawValue: found.cloud) ?? .commercial
        let tokens = ClientCredentialsTokenProvider(
            transport: transport, loginHost: cloud.entraAuthorityHost, tenant: found.id, clientId: clientIdValue, clientSecret: secret)
        return Connection(
            client: OnboardingClient(transport: transport, tokens: tokens, endpoints: Self.endpoints(cloud, controlKey: key), retry: retry),
            target: "the TenantSim server at https://\(host):\(port), \(found.displayName)", cloud: cloud)
    }

    /// The real Microsoft cloud.
    func microsoft(cloud: Cloud, retry: RetryPolicy) throws -> Connection {
        guard let clientId, let secret = clientSecretValue() else {
            throw ConfigurationError("Against \(graph ?? "Microsoft Graph") pass --tenant, --client-id and --client-secret.")
        }
        let transport = try LiveHTTPTransport(caFile: ca)
        let loginHost = authority.flatMap { URLComponents(string: $0)?.host } ?? cloud.entraAuthorityHost
        let tokens = ClientCredentialsTokenProvider(
            transport: transport, loginHost: loginHost, tenant: tenant, clientId: clientId, clientSecret: secret)
        return Connection(
            client: OnboardingClient(
                transport: transport, tokens: tokens, endpoints: Self.endpoints(cloud, tenantSim: false, controlKey: nil), retry: retry),
            target: "Microsoft Graph (\(cloud.graphHost)), tenant \(tenant)", cloud: cloud)
    }

    func clientSecretValue() -> String? {
        clientSecret ?? ProcessInfo.processInfo.environment["TENANTSIM_CLIENT_SECRET"]
    }

    /// The control key for a TenantSim server: `--control-key`, `TENANTSIM_CONTROL_KEY`, or the state's key file.
    func controlKeyValue() -> String? {
        if let controlKey { return controlKey }
        if let variable = ProcessInfo.processInfo.environment[ControlKey.environmentVariable], !variable.isEmpty { return variable }
        let file = ControlKey.file(forState: state)
        return (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func endpoints(_ cloud: Cloud, tenantSim: Bool = true, controlKey: String?) -> ServiceEndpoints {
        ServiceEndpoints(cloud: cloud, tenantSim: tenantSim, controlKey: controlKey)
    }

    /// `GET /_tenantsim/world`.
    struct ServerWorld: Decodable {
        struct Tenant: Decodable {
            var id: String
            var displayName: String
            var domain: String
            var cloud: String
            var apps: [App]
        }

        struct App: Decodable {
            var name: String
            var clientId: String
            var clientSecret: String?
        }

        var tenants: [Tenant]
    }
}
