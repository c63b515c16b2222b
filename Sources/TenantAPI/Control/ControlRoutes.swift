import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// TenantSim's own control API under `/_tenantsim/`, never mixed into Microsoft's paths: world
/// reset and loading, clock, snapshots, the guest's actions (redeem, sign in, open, make apps,
/// use features), explain, journal, outbox, fault injection and test tokens. Every request must
/// carry the server's control key (see ``ControlKey``); the responder checks it before routing.
enum ControlRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        let routes = table.collection(TokenAuthenticator(api: api, audience: .graph, isNotAToken: { api.controlKey.matches($0) }))
        func control(
            _ method: HTTPRequest.Method, _ path: String, _ operation: TenantOperation,
            _ handler: @escaping @Sendable (ControlRequest) async throws -> Response
        ) {
            routes.add(method, "/_tenantsim" + path, surface: .control, operation: operation) { request, context in
                let body =
                    method == .get
                    ? JSONBody(object: [:], resource: "control") : try await JSONBody.read(request, context: context, resource: "control")
                return try await handler(ControlRequest(api: api, request: request, context: context, body: body))
            }
        }
        control(.get, "/world", .getWorld) { try await $0.getWorld() }
        control(.post, "/world", .loadWorld) { try await $0.loadWorld() }
        control(.post, "/reset", .reset) { try await $0.reset() }
        control(.get, "/seed", .getSeed) { $0.getSeed() }
        control(.get, "/clock", .getClock) { try await $0.getClock() }
        control(.post, "/clock/advance", .advanceClock) { try await $0.advanceClock() }
        control(.post, "/snapshot", .snapshot) { try await $0.snapshot() }
        control(.post, "/restore", .restore) { try await $0.restore() }
        control(.get, "/snapshots", .listSnapshots) { try await $0.listSnapshots() }
        control(.get, "/state", .dumpState) { try await $0.dumpState() }
        control(.post, "/redeem", .redeemInvitation) { try await $0.redeem() }
        control(.post, "/signin", .signIn) { try await $0.signIn() }
        control(.post, "/open", .openEnvironment) { try await $0.openEnvironment() }
        control(.post, "/apps", .makeApp) { try await $0.makeApp() }
        control(.post, "/apps/share", .shareCanvasApp) { try await $0.shareApp() }
        control(.post, "/apps/run", .runCanvasApp) { try await $0.runApp() }
        control(.post, "/solutions/import", .importSolution) { try await $0.solution(import: true) }
        control(.post, "/solutions/export", .exportSolution) { try await $0.solution(import: false) }
        control(.post, "/features", .useFeature) { try await $0.useFeature() }
        control(.post, "/notify", .notifyUser) { try await $0.notify() }
        control(.post, "/collaboration", .setCollaborationRestrictions) { try await $0.setCollaboration() }
        control(.get, "/explain", .explain) { try await $0.explain() }
        control(.get, "/journal", .readJournal) { try await $0.journal() }
        control(.get, "/outbox", .readOutbox) { try await $0.outbox() }
        control(.get, "/faults", .listFaults) { $0.listFaults() }
        control(.post, "/faults", .addFault) { try $0.addFault() }
        control(.delete, "/faults", .clearFaults) { $0.clearFaults() }
        control(.post, "/tokens", .mintToken) { try await $0.mintToken() }
    }
}
