import Foundation

/// Invites every row of a guests CSV (Entra template or PowerShell format) and writes a results
/// CSV: the input columns plus status, invitedUserId, inviteRedeemUrl, errorCode and errorMessage,
/// exactly one results row per input row — the template's example row too, as `skipped`. A row that fails (bad address, bad URL, blocked domain,
/// a bad `sendEmail` value) is reported and the run goes on. Rows stream through one at a time.
public struct BulkInviter: Sendable {
    public let client: OnboardingClient
    /// The redirect URL for rows without one (the PowerShell format has no column for it).
    public var defaultRedirectURL: String
    /// `sendInvitationMessage` for rows without a `sendEmail` value.
    public var defaultSendEmail: Bool
    /// The customised message for rows without one.
    public var defaultMessage: String?

    public init(
        client: OnboardingClient, defaultRedirectURL: String = "https://myapplications.microsoft.com", defaultSendEmail: Bool = false,
        defaultMessage: String? = nil
    ) {
        self.client = client
        self.defaultRedirectURL = defaultRedirectURL
        self.defaultSendEmail = defaultSendEmail
        self.defaultMessage = defaultMessage
    }

    /// Reads `input`, invites each row, writes `results`. Throws only when the input can't be
    /// read at all or the results can't be written.
    public func run(input: String, results: String, progress: (BulkInviteProgress) -> Void = { _ in }) async throws -> BulkInviteSummary {
        let reader = try GuestCSVReader(path: input)
        let writer = try ResultsCSVWriter(path: results)
        let summary = try await run(reader: reader, writer: writer, progress: progress)
        try writer.close()
        return summary
    }

    /// Invites the rows of `reader`, writing results to `writer` (not closed).
    public func run(
        reader: GuestCSVReader, writer: ResultsCSVWriter, progress: (BulkInviteProgress) -> Void = { _ in }
    ) async throws -> BulkInviteSummary {
        let clock = ContinuousClock()
        let start = clock.now
        try writer.write(reader.header + BulkInviteRowResult.columns)
        var state = BulkInviteProgress()
        var failures: [BulkInviteFailure] = []
        while let row = reader.next() {
            if row.isExample {
                try writer.write(row.fields + BulkInviteRowResult.exampleRow.fields)
                continue
            }
            let result = await invite(row)
            try writer.write(row.fields + result.fields)
            state.processed += 1
            state.record = row.record
            if result.status == "invited" {
                state.invited += 1
            } else {
                state.failed += 1
                if failures.count < BulkInviteSummary.failureListLimit {
                    failures.append(
                        BulkInviteFailure(
                            record: row.record, email: row[.email] ?? "", errorCode: result.errorCode, errorMessage: result.errorMessage))
                }
            }
            progress(state)
        }
        if let error = reader.error { throw GuestCSVError.unreadable(String(describing: error)) }
        let elapsed = clock.now - start
        return BulkInviteSummary(
            format: reader.format, rows: state.processed, invited: state.invited, failed: state.failed, skippedExampleRow: reader.skippedExampleRow,
            skippedBlankRows: reader.skippedBlankRows,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, failures: failures)
    }

    /// Invites one row.
    public func invite(_ row: GuestCSVRow) async -> BulkInviteRowResult {
        var send = defaultSendEmail
        if let raw = row[.sendEmail] {
            switch raw.lowercased() {
            case "true", "yes", "1", "y": send = true
            case "false", "no", "0", "n": send = false
            default:
                return BulkInviteRowResult(status: "failed", errorCode: "InvalidRow", errorMessage: "sendEmail must be TRUE or FALSE, not '\(raw)'.")
            }
        }
        let redirect = row.columns[.redirectURL] == nil ? defaultRedirectURL : row[.redirectURL]
        let invitation = GuestInvitation(
            email: row[.email] ?? "", redirectURL: redirect, displayName: row[.name], sendInvitationMessage: send,
            customizedMessageBody: row[.message] ?? defaultMessage)
        do {
            let result = try await client.invite(invitation)
            return BulkInviteRowResult(status: "invited", invitedUserId: result.invitedUser.id, inviteRedeemUrl: result.inviteRedeemUrl ?? "")
        } catch let error as GraphError {
            return .failure(error)
        } catch {
            return BulkInviteRowResult(status: "failed", errorCode: "TransportError", errorMessage: String(describing: error))
        }
    }
}
