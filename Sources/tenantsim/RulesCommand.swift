import ArgumentParser
import TenantRules

/// `tenantsim rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule (id, title, source), or print docs/RULES.md with --format markdown.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown }

    @Option(help: "Output format: text or markdown.")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text: print(RuleReference.text(), terminator: "")
        case .markdown: print(RuleReference.markdown(), terminator: "")
        }
    }
}
