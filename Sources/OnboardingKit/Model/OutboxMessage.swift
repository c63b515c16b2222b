/// A message TenantSim recorded instead of sending (`GET /_tenantsim/outbox`).
public struct OutboxMessage: Decodable, Sendable, Hashable {
    public var id: String
    public var kind: String
    public var to: String
    public var url: String?
}
