import Foundation
import TenantModel
import TenantRules
import Testing

@Suite("Every rule says where it comes from")
struct RuleSourceFormTests {
    /// One part of a source: a Microsoft page, an issue thread, or an emulator choice with its reason.
    static func isCitation(_ part: String) -> Bool {
        let text = part.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("Microsoft Learn, "), text.contains(": \"") { return true }
        if text.lowercased().hasPrefix("emulator choice:"), text.count > "emulator choice: ".count + 10 { return true }
        if text.hasPrefix("Microsoft identity blog, ") || text.hasPrefix("Microsoft ") && text.contains("\"") { return true }
        // owner/repo#number, optionally followed by what it shows.
        let head = text.split(separator: " ").first.map(String.init) ?? ""
        let pieces = head.split(separator: "#")
        return pieces.count == 2 && pieces[0].contains("/") && Int(pieces[1].filter(\.isNumber)) != nil
    }

    @Test("each source is Microsoft pages, issue threads or emulator choices with reasons — no internal section numbers")
    func sourcesAreCitations() {
        for rule in RuleCatalog.all {
            #expect(!rule.source.contains("§"), "\(rule.id): \(rule.source)")
            #expect(!rule.source.hasPrefix("seed:"), "\(rule.id): \(rule.source)")
            let parts = rule.source.components(separatedBy: "; ")
            for part in parts { #expect(Self.isCitation(part), "\(rule.id): '\(part)'") }
        }
    }

    @Test("the form check rejects what isn't a citation")
    func rejects() {
        #expect(!Self.isCitation("§8.4"))
        #expect(!Self.isCitation("emulator"))
        #expect(!Self.isCitation("seed:Known limitations 2"))
        #expect(Self.isCitation("MicrosoftDocs/entra-docs#802 (Troubleshooting B2B collaboration)"))
        #expect(Self.isCitation("Microsoft Learn, Power Apps: \"Share a canvas app with guest users\" (FAQ)"))
        #expect(Self.isCitation("emulator choice: the message is TenantSim's own wording"))
    }
}
