/// A row that failed, for the end-of-run report: its record number, address and why.
public struct BulkInviteFailure: Sendable, Hashable {
    /// The 1-based record number in the file (the version and header lines count).
    public var record: Int
    public var email: String
    public var errorCode: String
    /// The error message, with TenantSim's rule id in brackets when there is one.
    public var errorMessage: String

    public init(record: Int, email: String, errorCode: String, errorMessage: String) {
        self.record = record
        self.email = email
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// `row 5 (not-an-email): Request_BadRequest — … [b2b.invite.email-invalid]`.
    public var line: String {
        "row \(record) (\(email.isEmpty ? "no address" : email)): \(errorCode) — \(errorMessage)"
    }
}
