import Foundation

/// One line of the append-only audit journal: every operation attempt, allowed or denied.
public struct JournalEntry: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        case succeeded
        case denied
        /// Refused by fault injection (emulated throttling or outage).
        case faulted
    }

    /// Position in the journal, from 1.
    public var sequence: Int64
    public var time: Date
    public var actor: String
    public var tenantId: TenantID?
    public var operation: String
    public var target: String?
    public var outcome: Outcome
    public var ruleIds: [String]
    public var requestId: String?
    public var detail: String?

    public init(
        sequence: Int64 = 0, time: Date, actor: String, tenantId: TenantID?, operation: String, target: String?,
        outcome: Outcome, ruleIds: [String] = [], requestId: String? = nil, detail: String? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.tenantId = tenantId
        self.operation = operation
        self.target = target
        self.outcome = outcome
        self.ruleIds = ruleIds
        self.requestId = requestId
        self.detail = detail
    }
}
