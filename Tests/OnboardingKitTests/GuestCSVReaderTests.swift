import Foundation
import OnboardingKit
import Testing

@Suite("Reading guests CSVs: the Entra bulk-invite template and the PowerShell sample")
struct GuestCSVReaderTests {
    static let officialHeader =
        "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,Send invitation message (true or false) [sendEmail],Customized invitation message [customizedMessageBody]"

    func rows(_ text: String) throws -> (GuestCSVReader, [GuestCSVRow]) {
        let reader = try GuestCSVReader(text: text)
        return (reader, Array(reader).filter { !$0.isExample })
    }

    @Test("the official template: version line, bracketed headers, rows by token")
    func officialTemplate() throws {
        let (reader, rows) = try rows(
            """
            version:v1.0
            \(Self.officialHeader)
            pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,Welcome to Contoso!
            kim@fabrikam.com,https://contoso.crm.dynamics.com,FALSE,

            """)
        #expect(reader.format == .entraTemplate)
        #expect(reader.header.count == 4)
        #expect(rows.count == 2)
        #expect(rows[0][.email] == "pat@fabrikam.com")
        #expect(rows[0][.redirectURL] == "https://myapplications.microsoft.com")
        #expect(rows[0][.sendEmail] == "TRUE")
        #expect(rows[0][.message] == "Welcome to Contoso!")
        #expect(rows[1][.message] == nil)
        #expect(rows[1].record == 4)
        #expect(!reader.skippedExampleRow)
    }

    @Test("a localised template is read by its bracketed tokens, in any column order, with the newer [inviteeName] column")
    func localisedHeaders() throws {
        let (reader, rows) = try rows(
            """
            version:v1.0
            Message d'invitation personnalisé [customizedMessageBody],Adresse e-mail à inviter [inviteeEmail] Obligatoire,URL de redirection [inviteRedirectURL] Obligatoire,Envoyer un message d'invitation (true ou false) [sendEmail],Nom de l'invité [inviteeName]
            Bienvenue,lea@fabrikam.com,https://myapplications.microsoft.com,false,Léa Dupont

            """)
        #expect(reader.format == .entraTemplate)
        #expect(rows.count == 1)
        #expect(rows[0][.email] == "lea@fabrikam.com")
        #expect(rows[0][.message] == "Bienvenue")
        #expect(rows[0][.name] == "Léa Dupont")
        #expect(rows[0][.sendEmail] == "false")
    }

    @Test("the template's example row is skipped, whether it starts with 'Example:', a translation of it, or is the bare someone@fabrikam.com row")
    func exampleRowSkipped() throws {
        let (labelled, labelledRows) = try rows(
            """
            version:v1.0
            \(Self.officialHeader)
            Example:    someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Welcome to the Contoso organization!
            pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,Hi
            """)
        #expect(labelled.skippedExampleRow)
        #expect(labelledRows.map { $0[.email] } == ["pat@fabrikam.com"])
        let marked = Array(
            try GuestCSVReader(
                text:
                    "version:v1.0\n\(Self.officialHeader)\nExample:    someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Hi\npat@fabrikam.com,https://x.example,TRUE,Hi\n"
            ))
        #expect(marked.map(\.isExample) == [true, false], "the example row comes back marked, so it gets a results row")
        #expect(marked.first?.record == 3)
        let (bare, bareRows) = try rows(
            """
            version:v1.0
            \(Self.officialHeader)
            someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Welcome to the Contoso organization!
            pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,Hi
            """)
        #expect(bare.skippedExampleRow)
        #expect(bareRows.map { $0[.email] } == ["pat@fabrikam.com"])
        for label in ["Exemple:", "Beispiel :", "Ejemplo:"] {
            let (translated, translatedRows) = try rows(
                """
                version:v1.0
                \(Self.officialHeader)
                \(label)    someone@fabrikam.com,https://myapplications.microsoft.com,TRUE,Bienvenue !
                pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,Hi
                """)
            #expect(translated.skippedExampleRow, "\(label)")
            #expect(translatedRows.map { $0[.email] } == ["pat@fabrikam.com"])
        }
    }

    @Test("Excel's trailing commas on the version line, the header and the rows are tolerated; blank ,,, rows are skipped")
    func trailingCommas() throws {
        let (reader, rows) = try rows(
            "version:v1.0,,,\r\n\(Self.officialHeader),,\r\npat@fabrikam.com,https://myapplications.microsoft.com,TRUE,Hi,,,\r\n,,,,\r\nkim@fabrikam.com,https://myapplications.microsoft.com\r\n,,,\r\n"
        )
        #expect(reader.format == .entraTemplate)
        #expect(reader.header.count == 4)
        #expect(rows.count == 2)
        #expect(rows[0].fields == ["pat@fabrikam.com", "https://myapplications.microsoft.com", "TRUE", "Hi"])
        #expect(rows[1].fields == ["kim@fabrikam.com", "https://myapplications.microsoft.com", "", ""])
        #expect(reader.skippedBlankRows == 2)
    }

    @Test("quoted messages keep their commas, quotes and line breaks")
    func quotedFields() throws {
        let (_, rows) = try rows(
            """
            version:v1.0
            \(Self.officialHeader)
            pat@fabrikam.com,https://myapplications.microsoft.com,TRUE,"Hello, Pat.
            Welcome to ""Contoso"", see you soon."
            kim@fabrikam.com,https://myapplications.microsoft.com,FALSE,plain
            """)
        #expect(rows.count == 2)
        #expect(rows[0][.message] == "Hello, Pat.\nWelcome to \"Contoso\", see you soon.")
        #expect(rows[1][.email] == "kim@fabrikam.com")
        #expect(rows[1].record == 4)
    }

    @Test("the PowerShell sample's Name,InvitedUserEmailAddress CSV, with a UTF-8 byte order mark")
    func powerShellFormat() throws {
        let (reader, rows) = try rows(
            "\u{FEFF}Name,InvitedUserEmailAddress\nMegan Sullivan,msullivan@fabrikam.com\n\"Lee, Jo\",jo@fabrikam.com\n")
        #expect(reader.format == .powerShell)
        #expect(rows.count == 2)
        #expect(rows[0][.name] == "Megan Sullivan")
        #expect(rows[0][.email] == "msullivan@fabrikam.com")
        #expect(rows[0][.redirectURL] == nil)
        #expect(rows[1][.name] == "Lee, Jo")
        let guest = GuestToOnboard(row: rows[0])
        #expect(guest.givenName == "Megan")
        #expect(guest.surname == "Sullivan")
    }

    @Test("a CSV without an email column is refused naming the header")
    func noEmailColumn() throws {
        #expect(throws: GuestCSVError.noEmailColumn(header: ["Name", "Company"])) {
            _ = try GuestCSVReader(text: "Name,Company\nPat,Fabrikam\n")
        }
        #expect(throws: GuestCSVError.self) { _ = try GuestCSVReader(text: "") }
    }

    @Test("results fields are quoted only when they need it")
    func resultsQuoting() {
        #expect(ResultsCSVWriter.quote("plain") == "plain")
        #expect(ResultsCSVWriter.quote("a,b") == "\"a,b\"")
        #expect(ResultsCSVWriter.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ResultsCSVWriter.quote("two\nlines") == "\"two\nlines\"")
    }
}
