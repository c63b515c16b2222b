import Foundation
import TenantAPI
import TenantModel

/// Least-privilege advice for a script, computed offline from the calls it made: for each Graph
/// endpoint the least privileged permission that would do, compared with what its token held.
struct PrivilegeAdvice {
    let calls: [RequestLog.Call]

    var lines: [String] {
        guard !calls.isEmpty else { return ["permissions: the command made no calls to TenantSim"] }
        var endpoints: [(label: String, accepted: [String])] = []
        var held: Set<String> = []
        var notes: Set<String> = []
        for call in calls {
            held.formUnion(call.held)
            guard !call.accepted.isEmpty else {
                if call.surface == "adminAPI" { notes.insert("admin API: a Power Platform administrator, or an app registered as a management app") }
                if call.surface == "dataverse" { notes.insert("Dataverse: an application user with System Administrator in the environment") }
                continue
            }
            let label = "\(call.method) \(call.path)"
            if !endpoints.contains(where: { $0.label == label }) { endpoints.append((label, call.accepted)) }
        }
        // Each endpoint's least privileged permission; a `X.Read.Y` is dropped when `X.ReadWrite.Y`
        // is needed anyway (it reads too).
        var needed: [String] = []
        for endpoint in endpoints where !needed.contains(endpoint.accepted[0]) { needed.append(endpoint.accepted[0]) }
        let chosen = Set(needed)
        needed.removeAll { permission in
            permission.contains(".Read.") && chosen.contains(permission.replacingOccurrences(of: ".Read.", with: ".ReadWrite."))
        }
        var lines = ["permissions: \(calls.count) call(s) to \(endpoints.count) Graph endpoint(s)"]
        lines.append("  least privilege needed: \(needed.isEmpty ? "(none)" : needed.joined(separator: ", "))")
        lines.append("  token held: \(held.isEmpty ? "(none)" : held.sorted().joined(separator: ", "))")
        let unneeded = held.subtracting(needed).sorted()
        if !unneeded.isEmpty { lines.append("  held beyond least privilege: \(unneeded.joined(separator: ", "))") }
        let missing = needed.filter { !held.contains($0) }
        if !missing.isEmpty { lines.append("  least-privileged permissions to grant instead: \(missing.joined(separator: ", "))") }
        let refused = Set(calls.filter { $0.status == 403 }.map { "\($0.method) \($0.path)" }).sorted()
        if !refused.isEmpty { lines.append("  refused (403): \(refused.joined(separator: ", "))") }
        for note in notes.sorted() { lines.append("  also needed — \(note)") }
        return lines
    }
}
