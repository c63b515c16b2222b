/// The outcome of one bulk-invite row: its results-CSV columns.
public struct BulkInviteRowResult: Sendable, Hashable {
    /// `invited`, `failed` or `skipped` (the template's example row).
    public var status: String
    public var invitedUserId: String
    public var inviteRedeemUrl: String
    public var errorCode: String
    /// The error message, with TenantSim's rule id in brackets when there is one.
    public var errorMessage: String

    public init(status: String, invitedUserId: String = "", inviteRedeemUrl: String = "", errorCode: String = "", errorMessage: String = "") {
        self.status = status
        self.invitedUserId = invitedUserId
        self.inviteRedeemUrl = inviteRedeemUrl
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// The columns appended to the input columns in the results CSV.
    public static let columns = ["status", "invitedUserId", "inviteRedeemUrl", "errorCode", "errorMessage"]

    public var fields: [String] { [status, invitedUserId, inviteRedeemUrl, errorCode, errorMessage] }

    /// The results row of the template's example row: not invited.
    static let exampleRow = BulkInviteRowResult(
        status: "skipped", errorMessage: "The template's example row: not invited. Delete it, or leave it — it is always skipped.")

    static func failure(_ error: GraphError) -> BulkInviteRowResult {
        BulkInviteRowResult(status: "failed", errorCode: error.code, errorMessage: error.message + (error.ruleId.map { " [\($0)]" } ?? ""))
    }
}
