/// One assertion on the final state.
public struct AssertionResult: Sendable, Codable, Hashable {
    public var line: Int?
    public var summary: String
    public var passed: Bool
    /// What was found when it failed.
    public var failure: String?
}
