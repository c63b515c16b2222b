import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TenantConsole
import TenantEngine
import TenantModel

/// The web console at `/` and `/console/…`: server-rendered pages after the admin centers. Every
/// page needs a session: `POST /console/login` with the control key sets an HttpOnly, SameSite=Strict
/// cookie; without it a page redirects to the sign-in form. The one action (redeem) is a POST that
/// also refuses another origin. Not Microsoft's API, so not in docs/COVERAGE.md.
enum ConsoleRoutes {
    static let cookieName = "tenantsim-console"

    static func register(on table: RouteTable) {
        let api = table.api
        guard let pages = try? ConsolePages(engine: api.engine) else {
            api.logger.error("the console's templates don't parse; the console is off")
            return
        }
        let router = table.collection().collection
        router.get("/") { _, _ in redirect("/console") }
        router.get("/console/login") { _, _ in html(pages.login()) }
        router.post("/console/login") { request, context in
            let form = try await Self.form(request, context: context)
            guard let key = form["key"], api.controlKey.matches(key) else {
                return html(pages.login(error: "That is not this server's control key."), status: .unauthorized)
            }
            var response = redirect("/console")
            response.headers[.setCookie] = "\(cookieName)=\(api.consoleSession); Path=/; HttpOnly; Secure; SameSite=Strict"
            return response
        }
        func page(_ path: String, _ body: @escaping @Sendable (Request, TenantRequestContext) async throws -> Response) {
            router.get(RouterPath(path)) { request, context in
                guard signedIn(request, api: api) else { return redirect("/console/login") }
                return try await body(request, context)
            }
        }
        page("/console") { request, _ in
            html(
                try await pages.tenants(
                    notice: request.uri.queryParameters["notice"].map(String.init), lessons: api.lessonWorlds().map { ($0.number, $0.title) }))
        }
        /// A console action: signed in, same origin, the form read; answers with a redirect to the
        /// location it names, carrying its notice (if any).
        func action(
            _ path: String, _ body: @escaping @Sendable ([String: String], TenantRequestContext) async throws -> (String, String?)
        ) {
            router.post(RouterPath(path)) { request, context in
                guard signedIn(request, api: api) else { return redirect("/console/login") }
                guard sameOrigin(request) else { return html(pages.login(error: "Refused: the form came from another site."), status: .forbidden) }
                let (location, notice) = try await body(try await Self.form(request, context: context), context)
                guard let notice else { return redirect(location) }
                return redirect(location + "?notice=" + (notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
        }
        action("/console/clock/advance") { form, _ in
            guard let minutes = form["minutes"].flatMap(Int.init), (1...10080).contains(minutes) else {
                return ("/console", "Give the minutes as a whole number from 1 to 10080.")
            }
            let now = try await api.engine.advanceClock(by: TimeInterval(minutes * 60))
            return ("/console", "\(minutes) minute\(minutes == 1 ? "" : "s") passed; the world clock is now \(ISO8601.string(now)).")
        }
        // The engine checks snapshot names (letters, digits, '-', '_') and says what is wrong.
        action("/console/snapshots/save") { form, _ in
            let name = form["name"] ?? ""
            do {
                try await api.engine.snapshot(named: name)
            } catch {
                return ("/console", Self.message(of: error))
            }
            return ("/console", "Saved the world as “\(name)”.")
        }
        action("/console/snapshots/restore") { form, _ in
            let name = form["name"] ?? ""
            do {
                try await api.engine.restore(named: name)
            } catch {
                return ("/console", Self.message(of: error))
            }
            return ("/console", "The world is back to “\(name)”.")
        }
        action("/console/lessons/:number/load") { _, context in
            let number = Int(try context.parameters.require("number")) ?? 0
            guard let lesson = api.lessonWorlds().first(where: { $0.number == number }) else { return ("/console", "There is no lesson \(number).") }
            try await api.resetWorld()
            _ = try await api.engine.loadWorld(lesson.spec)
            return ("/console", "Loaded the world of lesson \(number): \(lesson.title).")
        }
        page("/console/users") { request, _ in
            let query = request.uri.queryParameters
            return html(try await pages.users(tenant: query["tenant"].map(String.init), guestsOnly: query["type"] == "guest"))
        }
        page("/console/users/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let text = try await pages.user(id, notice: request.uri.queryParameters["notice"].map(String.init)) else {
                return html(pages.login(error: "No user \(id)."), status: .notFound)
            }
            return html(text)
        }
        page("/console/journal") { _, _ in html(try await pages.journal()) }
        page("/console/groups") { request, _ in html(try await pages.groups(tenant: request.uri.queryParameters["tenant"].map(String.init))) }
        page("/console/cross-tenant-access") { request, _ in
            html(try await pages.crossTenantAccess(tenant: request.uri.queryParameters["tenant"].map(String.init)))
        }
        page("/console/licences") { request, _ in html(try await pages.licences(tenant: request.uri.queryParameters["tenant"].map(String.init))) }
        page("/console/environments") { request, _ in
            html(try await pages.environments(tenant: request.uri.queryParameters["tenant"].map(String.init)))
        }
        page("/console/invitations") { request, _ in
            html(try await pages.invitations(tenant: request.uri.queryParameters["tenant"].map(String.init)))
        }
        page("/console/rules") { _, _ in html(pages.rules()) }
        page("/console/rules/:id") { _, context in
            let id = try context.parameters.require("id")
            guard let text = pages.rule(id) else { return html(pages.login(error: "No rule \(id)."), status: .notFound) }
            return html(text)
        }
        action("/console/users/:id/redeem") { _, context in
            let id = try context.parameters.require("id")
            guard let user = try await api.engine.user(id: UserID(id.lowercased())) else { return ("/console/users", nil) }
            do {
                let result = try await api.engine.redeemInvitation(address: user.contactAddress, in: user.tenantId, requestId: context.requestId)
                return ("/console/users/\(user.id)", "\(user.contactAddress) redeemed the invitation with \(result.identityProvider).")
            } catch {
                return ("/console/users/\(user.id)", "The redemption was refused: \(Self.message(of: error))")
            }
        }
    }

    /// What went wrong, for a notice: a TenantSim error's own message.
    static func message(of error: any Error) -> String { (error as? TenantError)?.message ?? "\(error)" }

    static func signedIn(_ request: Request, api: TenantAPI) -> Bool {
        guard let header = request.headers[.cookie] else { return false }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0] == cookieName, ControlKey(api.consoleSession).matches(pair[1]) { return true }
        }
        return false
    }

    /// A form POST whose `Origin` (when the browser sends one) is this server's own.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let origin = request.headers[HTTPField.Name("Origin")!] else { return true }
        guard let host = URL(string: origin)?.host, let authority = request.head.authority else { return false }
        return TenantResponder.hostName(authority) == host
    }

    /// An `application/x-www-form-urlencoded` body (at most 4 KiB), read as a query string is.
    static func form(_ request: Request, context: TenantRequestContext) async throws -> [String: String] {
        QueryString.parse(String(buffer: try await request.body.collect(upTo: 4096)))
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Content-Security-Policy")!] =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
