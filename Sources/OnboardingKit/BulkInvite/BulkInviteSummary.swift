import Foundation

/// The totals of a bulk invite.
public struct BulkInviteSummary: Sendable, Hashable {
    public var format: GuestCSVFormat
    /// Data rows read (each has one results row).
    public var rows: Int
    public var invited: Int
    public var failed: Int
    public var skippedExampleRow: Bool
    public var skippedBlankRows: Int
    public var seconds: Double

    /// Rows per second.
    public var rate: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// One line: `1000 rows: 998 invited, 2 failed (Entra template; example row skipped) in 1.2 s, 833 rows/s`.
    public var line: String {
        var notes = [format == .entraTemplate ? "Entra template" : format == .powerShell ? "PowerShell CSV" : "CSV"]
        if skippedExampleRow { notes.append("example row skipped") }
        if skippedBlankRows > 0 { notes.append("\(skippedBlankRows) blank row\(skippedBlankRows == 1 ? "" : "s") skipped") }
        return "\(rows) rows: \(invited) invited, \(failed) failed (\(notes.joined(separator: "; "))) in "
            + String(format: "%.1f s, %.0f rows/s", seconds, rate)
    }
}
