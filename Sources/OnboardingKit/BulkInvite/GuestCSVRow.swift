import Foundation

/// One data row of a guests CSV.
public struct GuestCSVRow: Sendable, Hashable {
    /// The 1-based record number in the file (the version and header lines count; a quoted
    /// newline doesn't start a record).
    public var record: Int
    /// The row's fields as read, one per header column (missing trailing fields are empty,
    /// trailing extra empty fields are dropped).
    public var fields: [String]
    /// Which field holds which recognised column.
    public var columns: [GuestCSVColumn: Int]
    /// The Entra template's example row (`Example:` …): not invited, reported as skipped.
    public var isExample: Bool

    public init(record: Int, fields: [String], columns: [GuestCSVColumn: Int], isExample: Bool = false) {
        self.record = record
        self.fields = fields
        self.columns = columns
        self.isExample = isExample
    }

    /// The trimmed value of a recognised column, or `nil` when absent or empty.
    public subscript(column: GuestCSVColumn) -> String? {
        guard let index = columns[column], index < fields.count else { return nil }
        let value = fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
