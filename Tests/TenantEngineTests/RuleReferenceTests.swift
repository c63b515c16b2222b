import Foundation
import TenantRules
import Testing

@Suite("The generated rule reference")
struct RuleReferenceTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    @Test("docs/RULES.md matches `tenantsim rules --format markdown`")
    func rulesMarkdownIsFresh() throws {
        let committed = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/RULES.md"), encoding: .utf8)
        #expect(
            committed == RuleReference.markdown(),
            "docs/RULES.md is stale: run `swift run tenantsim rules --format markdown > docs/RULES.md`")
    }

    @Test("rule ids are unique, lowercase and dotted (area.subject.condition; rules.md's signin.* ids have two parts)")
    func idsAreWellFormed() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 3 || (parts.count == 2 && parts[0] == "signin"), "\(id) is not area.subject.condition")
            #expect(parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } }, "\(id)")
        }
    }

    @Test("every rule has a title, a source and an explanation")
    func metadataComplete() {
        for rule in RuleCatalog.all {
            #expect(!rule.title.isEmpty && !rule.source.isEmpty && rule.explanation.count > 40, "\(rule.id)")
        }
    }
}
