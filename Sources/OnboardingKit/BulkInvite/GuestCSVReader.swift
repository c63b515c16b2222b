import CSV
import Foundation

/// Streams the rows of a guests CSV with CSV.swift: the Entra admin center bulk-invite template
/// (`version:v1.0` line — possibly with trailing commas —, headers recognised by their bracketed
/// tokens in any language, the example row skipped) or a CSV with a plain header row such as
/// the PowerShell sample's `Name,InvitedUserEmailAddress`. Quoted fields may hold commas and
/// newlines; trailing commas are tolerated; blank rows are skipped and counted. Memory stays flat:
/// one row at a time.
public final class GuestCSVReader: IteratorProtocol, Sequence {
    public let format: GuestCSVFormat
    /// The header cells as read (trailing empty cells dropped).
    public let header: [String]
    /// Which header cell holds which recognised column.
    public let columns: [GuestCSVColumn: Int]
    /// Header cells the tool doesn't read (their values are copied to the results unchanged).
    public var unrecognisedColumns: [String] {
        header.enumerated().filter { index, cell in
            !cell.trimmingCharacters(in: .whitespaces).isEmpty && !columns.values.contains(index)
        }.map(\.element)
    }
    /// Whether the template's example row was found and skipped.
    public private(set) var skippedExampleRow = false
    /// Blank rows skipped (e.g. Excel's `,,,` lines).
    public private(set) var skippedBlankRows = 0
    /// A read error, if reading stopped early.
    public private(set) var error: (any Error)?

    let reader: CSVReader
    var record = 0
    var sawDataRow = false

    /// Opens a file.
    public convenience init(path: String) throws {
        guard let stream = InputStream(fileAtPath: path) else { throw GuestCSVError.cannotOpen(path) }
        try self.init(stream: stream, name: path)
    }

    /// Reads CSV text (tests).
    public convenience init(text: String) throws {
        try self.init(stream: InputStream(data: Data(text.utf8)), name: "the CSV text")
    }

    /// Reads a stream; `name` names it in errors.
    public init(stream: InputStream, name: String) throws {
        do {
            reader = try CSVReader(stream: stream)
        } catch {
            throw GuestCSVError.cannotOpen(name)
        }
        var first: [String]?
        var count = 0
        repeat {
            first = reader.next()
            count += 1
        } while first.map(Self.isBlank) == true
        guard var headerRow = first else { throw GuestCSVError.empty(name) }
        var isTemplate = false
        if headerRow.first?.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("version:") == true {
            isTemplate = true
            repeat {
                headerRow = reader.next() ?? []
                count += 1
            } while !headerRow.isEmpty && Self.isBlank(headerRow)
        }
        while headerRow.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { headerRow.removeLast() }
        var columns: [GuestCSVColumn: Int] = [:]
        for (index, cell) in headerRow.enumerated() {
            if let column = GuestCSVColumn.recognise(cell), columns[column] == nil { columns[column] = index }
        }
        guard columns[.email] != nil else { throw GuestCSVError.noEmailColumn(header: headerRow) }
        if isTemplate || headerRow.contains(where: { GuestCSVColumn.bracketedToken(in: $0) != nil }) {
            format = .entraTemplate
        } else if headerRow.contains(where: { GuestCSVColumn.normalise($0) == "inviteduseremailaddress" }) {
            format = .powerShell
        } else {
            format = .headerRow
        }
        header = headerRow
        self.columns = columns
        record = count
        if let error = Self.readError(reader) { throw GuestCSVError.unreadable(String(describing: error)) }
    }

    /// The next row, or `nil` at the end (check ``error`` then). The template's example row comes
    /// back marked ``GuestCSVRow/isExample``.
    public func next() -> GuestCSVRow? {
        while let fields = reader.next() {
            record += 1
            if Self.isBlank(fields) {
                skippedBlankRows += 1
                continue
            }
            var cells = Array(fields.prefix(Swift.max(header.count, 1)))
            while cells.count < header.count { cells.append("") }
            let row = GuestCSVRow(record: record, fields: cells, columns: columns)
            if !sawDataRow {
                sawDataRow = true
                if format == .entraTemplate && isExample(row) {
                    skippedExampleRow = true
                    return GuestCSVRow(record: record, fields: cells, columns: columns, isExample: true)
                }
            }
            return row
        }
        error = Self.readError(reader)
        return nil
    }

    /// The reader's error, except the end of a file: on Linux a file stream reports bytes
    /// available until a read returns 0, which CSV.swift records as `cannotReadFile`.
    static func readError(_ reader: CSVReader) -> (any Error)? {
        guard let error = reader.error else { return nil }
        if case CSVError.cannotReadFile = error { return nil }
        return error
    }

    /// The template's example row: it starts with `Example:`, or is the template's own
    /// `someone@fabrikam.com` row.
    func isExample(_ row: GuestCSVRow) -> Bool {
        let first = row.fields.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        // "Example:", or its translation ("Exemple:", "Beispiel:", "例:"): one word and a colon
        // where an address should start. No address starts that way.
        if let colon = first.firstIndex(of: ":") {
            let word = first[..<colon].trimmingCharacters(in: .whitespaces)
            if !word.isEmpty, word.count <= 20, word.allSatisfy(\.isLetter) { return true }
        }
        return (row[.email]?.lowercased().hasSuffix("someone@fabrikam.com") ?? false)
            && (row[.redirectURL]?.lowercased().hasPrefix("https://myapplications.microsoft.com") ?? true)
    }

    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
