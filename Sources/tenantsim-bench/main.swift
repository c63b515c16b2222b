import Foundation
import TenantEngine
import TenantModel

/// Release-mode benchmark of the seed's core flow per guest, in process:
/// invite → redeem → set usage location → assign licence. Run with
/// `swift run -c release tenantsim-bench [guests…]` (default 10000 100000).
@main
struct Bench {
    static func main() async throws {
        let sizes = CommandLine.arguments.dropFirst().compactMap(Int.init)
        print("TenantSim benchmark — in-process core flow per guest (4 transactions each), in-memory SQLite")
        print("guests      seconds   guests/s   ops/s      peak RSS (MiB)")
        for size in sizes.isEmpty ? [10_000, 100_000] : sizes {
            resetPeakMemory()
            let seconds = try await run(guests: size)
            let peak = Double(peakMemoryKiB()) / 1024
            print(
                String(size).padding(toLength: 12, withPad: " ", startingAt: 0)
                    + String(format: "%-10.2f%-11.0f%-11.0f%.1f", seconds, Double(size) / seconds, Double(size * 4) / seconds, peak))
        }
    }

    static func run(guests: Int) async throws -> Double {
        let engine = try await TenantEngine.inMemory(environment: .standard)
        var contoso = TenantSpec(key: "contoso", displayName: "Contoso")
        contoso.users = [UserSpec(upn: "admin", roles: ["User Administrator"])]
        contoso.skus = [SkuSpec(partNumber: "POWERAPPS_PER_USER", units: guests)]
        let world = try await engine.loadWorld(WorldSpec(tenants: [contoso]))
        let tenant = world.tenants["contoso"]!
        let admin = Caller.portal(world.users["admin@contoso.onmicrosoft.com"]!, in: tenant)
        let sku = try await engine.sku("POWERAPPS_PER_USER", in: tenant)!.skuId
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<guests {
            let request = InvitationRequest(invitedUserEmailAddress: "guest\(index)@partner.example", inviteRedirectUrl: "https://myapps.microsoft.com")
            let invited = try await engine.createInvitation(request, in: tenant, by: admin)
            _ = try await engine.redeemInvitation(invited.invitation.ticket)
            let id = invited.user.id.rawValue
            try await engine.updateUser(id, in: tenant, patch: UserPatch(usageLocation: "US"), by: admin)
            try await engine.assignLicense(to: id, in: tenant, add: [LicenseToAdd(skuId: sku)], remove: [], by: admin)
        }
        let elapsed = clock.now - start
        let consumed = try await engine.sku(sku, in: tenant)!.consumedUnits
        precondition(consumed == guests, "expected \(guests) licences, found \(consumed)")
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Linux: resets the peak resident set size (VmHWM) so each size reports its own peak.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func peakMemoryKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}
