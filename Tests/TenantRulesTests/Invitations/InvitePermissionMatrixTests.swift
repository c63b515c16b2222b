import TenantModel
import TenantRules
import Testing

/// Who may invite under each `allowInvitesFrom` level (rules.md §1), through the whole
/// `createInvitation` rule set.
@Suite("Invite permission matrix")
struct InvitePermissionMatrixTests {
    typealias Kind = Fixtures.CallerKind

    enum Expected: Sendable, Equatable {
        case permitted
        case deniedBy(String)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var level: AllowInvitesFrom
        var caller: Kind
        var expected: Expected

        var testDescription: String {
            switch expected {
            case .permitted: "\(level.rawValue) × \(caller.testDescription) → permitted"
            case .deniedBy(let rule): "\(level.rawValue) × \(caller.testDescription) → denied by \(rule)"
            }
        }
    }

    static let disabled = Expected.deniedBy("b2b.invite.disabled")
    static let notAllowed = Expected.deniedBy("b2b.invite.inviter-not-allowed")

    /// The expected outcome per rules.md, written out cell by cell.
    static let table: [Row] = [
        // none: nobody, admins and apps included.
        Row(level: .none, caller: .globalAdmin, expected: disabled),
        Row(level: .none, caller: .userAdmin, expected: disabled),
        Row(level: .none, caller: .guestInviter, expected: disabled),
        Row(level: .none, caller: .plainMember, expected: disabled),
        Row(level: .none, caller: .guest, expected: disabled),
        Row(level: .none, caller: .appOnly, expected: disabled),
        // adminsAndGuestInviters: the three admin roles, and apps.
        Row(level: .adminsAndGuestInviters, caller: .globalAdmin, expected: .permitted),
        Row(level: .adminsAndGuestInviters, caller: .userAdmin, expected: .permitted),
        Row(level: .adminsAndGuestInviters, caller: .guestInviter, expected: .permitted),
        Row(level: .adminsAndGuestInviters, caller: .plainMember, expected: notAllowed),
        Row(level: .adminsAndGuestInviters, caller: .guest, expected: notAllowed),
        Row(level: .adminsAndGuestInviters, caller: .appOnly, expected: .permitted),
        // adminsGuestInvitersAndAllMembers: also members; guests still denied.
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .globalAdmin, expected: .permitted),
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .userAdmin, expected: .permitted),
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .guestInviter, expected: .permitted),
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .plainMember, expected: .permitted),
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .guest, expected: notAllowed),
        Row(level: .adminsGuestInvitersAndAllMembers, caller: .appOnly, expected: .permitted),
        // everyone: all pass.
        Row(level: .everyone, caller: .globalAdmin, expected: .permitted),
        Row(level: .everyone, caller: .userAdmin, expected: .permitted),
        Row(level: .everyone, caller: .guestInviter, expected: .permitted),
        Row(level: .everyone, caller: .plainMember, expected: .permitted),
        Row(level: .everyone, caller: .guest, expected: .permitted),
        Row(level: .everyone, caller: .appOnly, expected: .permitted),
    ]

    @Test("the table covers every invite level × every caller kind exactly once")
    func tableIsComplete() {
        let levels: [AllowInvitesFrom] = [.none, .adminsAndGuestInviters, .adminsGuestInvitersAndAllMembers, .everyone]
        for level in levels {
            for kind in Kind.allCases {
                #expect(Self.table.filter { $0.level == level && $0.caller == kind }.count == 1, "\(level) × \(kind)")
            }
        }
        #expect(Self.table.count == levels.count * Kind.allCases.count)
    }

    @Test("inviting a guest under each allowInvitesFrom level, per caller kind", arguments: table)
    func inviteOutcome(row: Row) {
        let context = Fixtures.invitation(caller: row.caller.facts, allowInvitesFrom: row.level)
        let decision = OperationRules.createInvitation.decide(context)
        switch row.expected {
        case .permitted:
            expectPermitted(decision)
        case .deniedBy("b2b.invite.disabled"):
            expectDenied(
                decision, by: "b2b.invite.disabled", status: 403, code: "Authorization_RequestDenied",
                message: "Guest invitations not allowed for your company. Contact your company administrator for more details.")
        case .deniedBy(let rule):
            expectDenied(
                decision, by: rule, status: 403, code: "Authorization_RequestDenied",
                message: "Insufficient privileges to complete the operation.")
        }
    }
}
