/// One step of TenantSim's explain view (`/_tenantsim/explain`): its number, title, status
/// (`done`, `missing`, `notApplicable`, `notEnoughInformation`) and the rule that blocks it.
public struct ExplainStep: Decodable, Sendable, Hashable {
    public var number: Int
    public var title: String
    public var status: String
    public var detail: String
    public var blockingRule: String?
    public var explanation: String?
}
