import Foundation
import TenantEngine

/// Replaces the people of a world with stable fakes so a fixture can go into a bug report: every
/// address keeps its domain (the rules read domains) but its local part becomes `person-<hash>`;
/// names become `Person <hash>`; app secrets and passwords are dropped. The same input always gives
/// the same output, and a person keeps one fake everywhere they are named (groups, role grants,
/// environments).
public struct WorldAnonymizer: Sendable {
    public init() {}

    public func anonymize(_ world: WorldSpec) -> WorldSpec {
        var world = world
        world.tenants = world.tenants.map(anonymize)
        world.personalAccounts = world.personalAccounts.map { account in
            PersonalAccountSpec(email: address(account.email), displayName: account.displayName.map { name(of: account.email, $0) })
        }
        return world
    }

    func anonymize(_ tenant: TenantSpec) -> TenantSpec {
        var tenant = tenant
        // Members may be named by the bare name before `@` (the tenant's domain is appended).
        let bareNames = Set((tenant.users ?? []).map(\.upn).filter { !$0.contains("@") }.map { $0.lowercased() })
        func person(_ reference: String) -> String {
            reference.contains("@") || bareNames.contains(reference.lowercased()) ? address(reference) : reference
        }
        tenant.users = tenant.users?.map { user in
            var user = user
            let key = user.upn
            user.upn = address(user.upn)
            user.mail = user.mail.map(address)
            user.displayName = user.displayName.map { name(of: key, $0) }
            user.givenName = user.givenName.map { _ in "Given" }
            user.surname = user.surname.map { _ in fingerprint(key) }
            user.password = nil
            return user
        }
        tenant.guests = tenant.guests?.map(anonymize)
        tenant.groups = tenant.groups?.map { group in
            var group = group
            group.members = group.members?.map(person)
            group.owners = group.owners?.map(person)
            return group
        }
        tenant.apps = tenant.apps?.map { app in
            var app = app
            app.secret = nil
            return app
        }
        tenant.environments = tenant.environments?.map { environment in
            var environment = environment
            environment.roles = environment.roles?.map { RoleGrantSpec(user: person($0.user), role: $0.role) }
            environment.createdBy = environment.createdBy.map(person)
            return environment
        }
        return tenant
    }

    /// One guest (the streamed guests of an import): the same fake as in the whole world.
    public func anonymize(_ guest: GuestSpec) -> GuestSpec {
        var guest = guest
        let key = guest.address
        guest.address = address(guest.address)
        guest.displayName = guest.displayName.map { name(of: key, $0) }
        guest.givenName = guest.givenName.map { _ in "Given" }
        guest.surname = guest.surname.map { _ in fingerprint(key) }
        return guest
    }

    /// `pat@fabrikam.com` → `person-1a2b3c4d5e@fabrikam.com`.
    func address(_ value: String) -> String {
        guard let at = value.lastIndex(of: "@") else { return "person-" + fingerprint(value) }
        return "person-\(fingerprint(value))" + value[at...].lowercased()
    }

    func name(of key: String, _: String) -> String { "Person \(fingerprint(key))" }

    /// Ten hex digits of a 64-bit FNV-1a hash of the lowercased value: stable across runs and machines.
    func fingerprint(_ value: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(String(hash, radix: 16).suffix(10)).leftPadded(to: 10)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { count >= length ? self : String(repeating: "0", count: length - count) + self }
}
