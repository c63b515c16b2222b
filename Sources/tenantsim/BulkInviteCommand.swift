import ArgumentParser
import Foundation
import OnboardingKit

/// `tenantsim bulk-invite FILE.csv`: the Entra admin center's bulk invite, from its CSV template
/// or the PowerShell sample's CSV, with a results CSV.
struct BulkInviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulk-invite",
        abstract: "Invite guests from the Entra bulk-invite CSV template (or Name,InvitedUserEmailAddress) and write a results CSV.",
        discussion: """
            Reads the template downloaded from Entra admin center › Users › Bulk operations › Bulk invite (version:v1.0 line, \
            headers recognised by their [inviteeEmail] [inviteRedirectURL] [sendEmail] [customizedMessageBody] [inviteeName] \
            tokens in any language) or the PowerShell sample's two columns. Every input row gets one results row: the input \
            columns plus status (invited, failed, or skipped for the template's example row), invitedUserId, inviteRedeemUrl, \
            errorCode, errorMessage. A bad row is reported (its row number and why) and the run goes on. Columns it doesn't \
            read get a warning; a file without an email column is refused, listing the headers it reads. A progress bar shows \
            only on a terminal. Exit codes: 0 every row invited, 1 some row failed, 2 the file can't be used.
            """)

    @Argument(help: "The CSV file to read.")
    var file: String

    @Option(help: "Where to write the results CSV (default: the input path with .csv replaced by .results.csv).")
    var results: String?

    @Option(help: "Redirect URL for rows without one (the PowerShell format has none).")
    var redirectUrl: String = "https://myapplications.microsoft.com"

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("Can't open \(file): no such readable file.") }
    }

    @Flag(help: "Also print how long the run took and the rows per second.")
    var timings = false

    func run() async throws {
        let output = results ?? Self.defaultResults(for: file)
        let connected = try await connection.connect()
        let total: Int
        do {
            let reader = try GuestCSVReader(path: file)
            for column in reader.unrecognisedColumns {
                FileHandle.standardError.write(
                    Data(
                        "Warning: bulk-invite doesn't read the column '\(column)'; its values are copied to the results unchanged. It reads: \(GuestCSVColumn.knownHeaders).\n"
                            .utf8))
            }
            // Only the progress bar needs the count, and only a terminal shows it.
            total = isatty(STDOUT_FILENO) == 1 ? reader.reduce(0) { $1.isExample ? $0 : $0 + 1 } : 0
        } catch let error as GuestCSVError {
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
        FileHandle.standardError.write(Data("Inviting from \(file) through \(connected.target)\n".utf8))
        let meter = ProgressMeter(total: total, terminal: isatty(STDOUT_FILENO) == 1)
        let inviter = BulkInviter(client: connected.client, defaultRedirectURL: redirectUrl)
        let summary: BulkInviteSummary
        do {
            summary = try await inviter.run(input: file, results: output) { meter.update($0) }
        } catch let error as GuestCSVError {
            meter.finish(succeeded: false)
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(TenantSimCommand.configurationError)
        }
        meter.finish(succeeded: summary.failed == 0)
        print(summary.line + (timings ? " " + summary.timing : ""))
        for failure in summary.failures { print("  failed: " + failure.line) }
        if summary.failed > summary.failures.count {
            print("  … and \(summary.failed - summary.failures.count) more failed rows: see the results file")
        }
        print("Results: \(output)")
        if summary.failed > 0 { throw ExitCode(1) }
    }

    static func defaultResults(for file: String) -> String {
        (file.hasSuffix(".csv") ? String(file.dropLast(4)) : file) + ".results.csv"
    }
}
