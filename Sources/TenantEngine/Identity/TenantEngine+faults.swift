import Foundation
import TenantModel
import TenantStore

extension TenantEngine {
    /// Journals a request refused by fault injection (an emulated 429 or 503), so the journal shows
    /// every attempt a client made.
    public func recordFault(operation: TenantOperation, status: Int, requestId: String?) async throws(TenantError) {
        try await Self.guarded {
            _ = try await store.write { tx in
                try tx.append(
                    JournalEntry(
                        time: try tx.now(), actor: "client", tenantId: nil, operation: operation.rawValue, target: nil, outcome: .faulted,
                        requestId: requestId, detail: "emulated \(status)"))
            }
        }
    }
}
