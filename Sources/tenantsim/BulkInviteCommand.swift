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
            tokens in any language, example row skipped) or the PowerShell sample's two columns. Every data row gets one \
            results row: the input columns plus status, invitedUserId, inviteRedeemUrl, errorCode, errorMessage. A bad row is \
            reported and the run goes on; the command exits 1 when any row failed.
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

    func run() async throws {
        let output = results ?? Self.defaultResults(for: file)
        let connected = try await connection.connect()
        let terminal = isatty(STDERR_FILENO) == 1
        let meter = ProgressMeter(total: Self.estimateRows(file), terminal: terminal)
        FileHandle.standardError.write(Data("Inviting from \(file) through \(connected.target)\n".utf8))
        let inviter = BulkInviter(client: connected.client, defaultRedirectURL: redirectUrl)
        let summary: BulkInviteSummary
        do {
            summary = try await inviter.run(input: file, results: output) { meter.update($0) }
        } catch let error as GuestCSVError {
            meter.finish()
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        meter.finish()
        print(summary.line)
        print("Results: \(output)")
        if summary.failed > 0 { throw ExitCode(1) }
    }

    static func defaultResults(for file: String) -> String {
        (file.hasSuffix(".csv") ? String(file.dropLast(4)) : file) + ".results.csv"
    }

    /// Lines in the file minus the header lines: the progress bar's denominator (quoted line
    /// breaks make it an over-estimate; the bar is clamped).
    static func estimateRows(_ file: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        var first = Data()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            if first.isEmpty { first = chunk.prefix(16) }
            lines += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        let headerLines = String(decoding: first, as: UTF8.self).lowercased().contains("version:") ? 2 : 1
        return max(0, lines - headerLines)
    }
}

/// A progress bar on a terminal (redrawn at most ten times a second), plain progress lines
/// otherwise (every 10% or 1,000 rows).
final class ProgressMeter {
    let total: Int?
    let terminal: Bool
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var lastDraw: ContinuousClock.Instant
    var lastLine = 0
    var last = BulkInviteProgress()

    init(total: Int?, terminal: Bool) {
        self.total = total.flatMap { $0 > 0 ? $0 : nil }
        self.terminal = terminal
        start = clock.now
        lastDraw = clock.now - .seconds(1)
    }

    var rate: Double {
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Double(last.processed) / seconds : 0
    }

    func update(_ progress: BulkInviteProgress) {
        last = progress
        if terminal {
            guard clock.now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = clock.now
            draw()
        } else {
            let step = total.map { max(1, min(1000, $0 / 10)) } ?? 1000
            guard progress.processed - lastLine >= step else { return }
            lastLine = progress.processed
            FileHandle.standardError.write(Data((status() + "\n").utf8))
        }
    }

    func status() -> String {
        let counts = "\(last.processed)\(total.map { "/\(max($0, last.processed))" } ?? "") rows, \(last.invited) invited, \(last.failed) failed"
        return counts + String(format: ", %.0f rows/s", rate)
    }

    func draw() {
        let width = 30
        let fraction = total.map { min(1, Double(last.processed) / Double(max($0, 1))) } ?? 0
        let filled = Int(fraction * Double(width))
        let bar =
            total == nil
            ? ""
            : "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
                + String(format: "%3.0f%% ", fraction * 100)
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + bar + status()).utf8))
    }

    func finish() {
        if terminal {
            draw()
            FileHandle.standardError.write(Data("\n".utf8))
        }
    }
}
