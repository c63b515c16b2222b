import ArgumentParser
import Foundation

/// The TenantSim command line.
@main
struct TenantSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenantsim",
        abstract: "An offline emulator of Microsoft Entra B2B guest onboarding and the Power Platform rules around it.",
        discussion: """
            Exit codes: 0 everything as expected; 1 a scenario, guest or row failed (the report says which and why); \
            2 a usage or configuration error (a bad option, a scenario file or fixture that can't be loaded, an unknown \
            tenant, role or SKU, a port in use).

            Shell completion: tenantsim --generate-completion-script bash (or zsh, fish) prints a script to source, e.g. \
            tenantsim --generate-completion-script bash > /etc/bash_completion.d/tenantsim.
            """,
        version: "tenantsim 0.9.0 (development build)",
        subcommands: [
            RunCommand.self,
            ExplainCommand.self,
            ServeCommand.self,
            RulesCommand.self,
            CoverageCommand.self,
            BulkInviteCommand.self,
            OnboardCommand.self,
            RedeemCommand.self,
            LearnCommand.self,
            ExportCommand.self,
            ImportCommand.self,
        ],
        defaultSubcommand: RunCommand.self)

    /// Usage and configuration errors exit 2 (argument-parser's default is 64), so 1 always means
    /// "something failed as a test".
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            Foundation.exit(Self.configurationError)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode || error is CleanExit { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(Self.configurationError)
        }
    }

    /// The exit code of usage and configuration errors.
    static let configurationError: Int32 = 2
}
