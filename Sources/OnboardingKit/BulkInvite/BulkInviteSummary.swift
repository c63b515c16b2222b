import Foundation

/// The totals of a bulk invite.
public struct BulkInviteSummary: Sendable, Hashable {
    public var format: GuestCSVFormat
    /// Data rows read, the template's example row not counted (each has one results row).
    public var rows: Int
    public var invited: Int
    public var failed: Int
    public var skippedExampleRow: Bool
    public var skippedBlankRows: Int
    public var seconds: Double
    /// The first ``failureListLimit`` failed rows, in file order (all of them are in the results CSV).
    public var failures: [BulkInviteFailure]

    /// How many failed rows the summary keeps for printing.
    public static let failureListLimit = 50

    public init(
        format: GuestCSVFormat, rows: Int, invited: Int, failed: Int, skippedExampleRow: Bool, skippedBlankRows: Int, seconds: Double,
        failures: [BulkInviteFailure] = []
    ) {
        self.format = format
        self.rows = rows
        self.invited = invited
        self.failed = failed
        self.skippedExampleRow = skippedExampleRow
        self.skippedBlankRows = skippedBlankRows
        self.seconds = seconds
        self.failures = failures
    }

    /// Rows per second.
    public var rate: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// One line, the same on every run: `1000 rows: 998 invited, 2 failed (Entra template; example row skipped)`.
    public var line: String {
        var notes = [format == .entraTemplate ? "Entra template" : format == .powerShell ? "PowerShell CSV" : "CSV"]
        if skippedExampleRow { notes.append("example row skipped") }
        if skippedBlankRows > 0 { notes.append("\(skippedBlankRows) blank row\(skippedBlankRows == 1 ? "" : "s") skipped") }
        return "\(rows) row\(rows == 1 ? "" : "s"): \(invited) invited, \(failed) failed (\(notes.joined(separator: "; ")))"
    }

    /// How long it took: `in 1.2 s, 833 rows/s` (printed only when asked for, so output stays deterministic).
    public var timing: String { String(format: "in %.1f s, %.0f rows/s", seconds, rate) }
}
