import CSV
import Foundation
import OnboardingKit
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Bulk invite from a CSV against the fake tenant")
struct BulkInviteTests {
    /// Every record of a results file.
    static func records(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(stream: InputStream(fileAtPath: path)!)
        return Array(AnyIterator { reader.next() })
    }

    @Test("bad addresses, bad redirect URLs, blocked domains and bad sendEmail values become per-row errors while the good rows are invited")
    func perRowErrors() async throws {
        try await BothModes.run(OnboardingWorld.spec(blockedDomains: ["blocked.example"])) { harness in
            let input = try temporaryFile(
                """
                version:v1.0,,,
                Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,Send invitation message (true or false) [sendEmail],Customized invitation message [customizedMessageBody]
                Example:    someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Welcome to the Contoso organization!
                pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,"Hello, Pat.
                Welcome!"
                not-an-email,https://myapplications.microsoft.com,FALSE,
                kim@fabrikam.com,myapplications,FALSE,
                eve@blocked.example,https://myapplications.microsoft.com,FALSE,
                sam@partner.example,https://myapplications.microsoft.com,perhaps,
                ,https://myapplications.microsoft.com,FALSE,
                lou@partner.example,https://myapplications.microsoft.com,,

                """)
            let output = temporaryPath()
            var seen: [BulkInviteProgress] = []
            let summary = try await BulkInviter(client: harness.client()).run(input: input, results: output) { seen.append($0) }
            #expect(summary.rows == 7)
            #expect(summary.invited == 2)
            #expect(summary.failed == 5)
            #expect(summary.skippedExampleRow)
            #expect(seen.count == 7, "progress counts data rows, not the example row")
            #expect(summary.failures.map(\.record) == [5, 6, 7, 8, 9])
            #expect(summary.failures.first?.line.hasPrefix("row 5 (not-an-email): ") == true)
            #expect(summary.failures.first?.line.hasSuffix("[b2b.invite.email-invalid]") == true)
            #expect(summary.line == "7 rows: 2 invited, 5 failed (Entra template; example row skipped)")

            let records = try Self.records(output)
            #expect(records.count == 1 + 8, "one header and one results row per input row, the example row included (\(harness.mode))")
            #expect(records[1][0].hasPrefix("Example:"))
            #expect(records[1][4] == "skipped")
            #expect(records[1][8].contains("example row"))
            #expect(
                records[0] == [
                    "Email address to invite [inviteeEmail] Required", "Redirection url [inviteRedirectURL] Required",
                    "Send invitation message (true or false) [sendEmail]", "Customized invitation message [customizedMessageBody]",
                    "status", "invitedUserId", "inviteRedeemUrl", "errorCode", "errorMessage",
                ])
            let byEmail = Dictionary(records.dropFirst().map { ($0[0], $0) }, uniquingKeysWith: { first, _ in first })
            #expect(byEmail["pat@fabrikam.com"]?[3] == "Hello, Pat.\nWelcome!")
            #expect(byEmail["pat@fabrikam.com"]?[4] == "invited")
            #expect(byEmail["pat@fabrikam.com"]?[5].isEmpty == false)
            #expect(byEmail["pat@fabrikam.com"]?[6].hasPrefix("https://login.microsoftonline.com/redeem") == true)
            #expect(byEmail["lou@partner.example"]?[4] == "invited")
            #expect(byEmail["not-an-email"]?[4] == "failed")
            #expect(byEmail["not-an-email"]?[8].contains("[b2b.invite.email-invalid]") == true)
            #expect(byEmail["kim@fabrikam.com"]?[4] == "failed")
            #expect(byEmail["kim@fabrikam.com"]?[8].contains("[b2b.invite.redirect-missing]") == true)
            #expect(byEmail["eve@blocked.example"]?[7] == "BadRequest")
            #expect(byEmail["eve@blocked.example"]?[8].contains("[b2b.invite.domain-blocked]") == true)
            #expect(byEmail["sam@partner.example"]?[7] == "InvalidRow")
            #expect(byEmail[""]?[4] == "failed")

            let tenant = try await harness.engine.tenant("contoso")
            let guests = try await harness.engine.users(in: tenant.id).filter(\.isGuest).compactMap(\.mail).sorted()
            #expect(guests == ["lou@partner.example", "pat@fabrikam.com"])
            let invitations = try await harness.engine.outbox().filter { $0.kind == .invitation }.map(\.to)
            #expect(invitations == ["pat@fabrikam.com"], "sendEmail TRUE sends the invitation email")
        }
    }

    @Test("the PowerShell CSV invites with the default redirect URL and the Name as display name; re-inviting reuses the guests")
    func powerShellCSV() async throws {
        let harness = try await Harness.inProcess()
        let input = try temporaryFile("Name,InvitedUserEmailAddress\nPat Partner,pat@fabrikam.com\nKim Maker,kim@fabrikam.com\n")
        let output = temporaryPath()
        let inviter = BulkInviter(client: harness.client())
        let first = try await inviter.run(input: input, results: output)
        #expect(first.format == .powerShell)
        #expect(first.invited == 2)
        let firstIds = try Self.records(output).dropFirst().map { $0[3] }
        let second = try await inviter.run(input: input, results: output)
        #expect(second.invited == 2)
        #expect(try Self.records(output).dropFirst().map { $0[3] } == firstIds)
        let tenant = try await harness.engine.tenant("contoso")
        let guests = try await harness.engine.users(in: tenant.id).filter(\.isGuest)
        #expect(guests.count == 2)
        #expect(Set(guests.compactMap(\.displayName)) == ["Pat Partner", "Kim Maker"])
    }
}
