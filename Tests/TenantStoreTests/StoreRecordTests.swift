import Foundation
import TenantModel
import TenantStore
import Testing

@Suite("Records and migrations")
struct StoreRecordTests {
    let instant = Date(timeIntervalSince1970: 1_735_689_600)

    func storeWithTenant() async throws -> (TenantStore, Tenant) {
        let store = try TenantStore.inMemory()
        let tenant = Tenant(
            id: "11111111-1111-4111-8111-111111111111", displayName: "Contoso", initialDomain: "contoso.onmicrosoft.com",
            verifiedDomains: ["contoso.com"], cloud: .commercial, createdDateTime: instant)
        try await store.write { tx in
            try tx.initializeWorld(seed: 1, now: instant)
            try tx.insert(tenant)
        }
        return (store, tenant)
    }

    @Test("a guest user round-trips with identities, other mails and dates")
    func userRoundTrip() async throws {
        let (store, tenant) = try await storeWithTenant()
        let user = User(
            id: "22222222-2222-4222-8222-222222222222", tenantId: tenant.id, userPrincipalName: "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com",
            mail: "pat@fabrikam.com", otherMails: ["pat@fabrikam.com"], userType: .guest, creationType: .invitation,
            externalUserState: .accepted, externalUserStateChangeDateTime: instant,
            identities: [ObjectIdentity(signInType: "federated", issuer: "ExternalAzureAD", issuerAssignedId: nil)], createdDateTime: instant)
        try await store.write { tx in try tx.insert(user) }
        let loaded = try await store.read { tx in try tx.user(user.id) }
        #expect(loaded == user)
        let byAddress = try await store.read { tx in try tx.users(withAddress: "PAT@FABRIKAM.COM", in: tenant.id) }
        #expect(byAddress.map(\.id) == [user.id])
    }

    @Test("a tenant is found by a verified domain")
    func tenantByDomain() async throws {
        let (store, tenant) = try await storeWithTenant()
        #expect(try await store.read { tx in try tx.tenant(owningDomain: "CONTOSO.com") }?.id == tenant.id)
        #expect(try await store.read { tx in try tx.tenant(owningDomain: "fabrikam.com") } == nil)
    }

    @Test("consumed units can never go negative")
    func consumedUnitsCheck() async throws {
        let (store, tenant) = try await storeWithTenant()
        try await store.write { tx in
            try tx.save(
                SubscribedSku(
                    tenantId: tenant.id, skuId: "b30411f5-fea1-4a59-9ad9-3db7c7ead579", skuPartNumber: "POWERAPPS_PER_USER",
                    prepaidUnits: LicenseUnitsDetail(enabled: 1)))
        }
        await #expect(throws: (any Error).self) {
            try await store.write { tx in try tx.addConsumedUnits(-1, sku: "b30411f5-fea1-4a59-9ad9-3db7c7ead579", in: tenant.id) }
        }
    }

    @Test("id counters start at zero and persist per kind")
    func counters() async throws {
        let (store, _) = try await storeWithTenant()
        let values = try await store.write { tx in [try tx.nextCounter("user"), try tx.nextCounter("user"), try tx.nextCounter("group")] }
        #expect(values == [0, 1, 0])
    }

    @Test("the journal is append-only")
    func appendOnly() async throws {
        let (store, tenant) = try await storeWithTenant()
        let entry = try await store.write { tx in
            try tx.append(JournalEntry(time: instant, actor: "tenantsim", tenantId: tenant.id, operation: "test", target: nil, outcome: .succeeded))
        }
        #expect(entry.sequence == 1)
        await #expect(throws: (any Error).self) { try await store.write { tx in try tx.deleteJournalForTesting() } }
        #expect(try await store.read { tx in try tx.journal() }.count == 1)
    }

    @Test("the dump is stable and leaves the journal out unless asked")
    func dump() async throws {
        let (store, tenant) = try await storeWithTenant()
        let first = try await store.dump()
        _ = try await store.write { tx in
            try tx.append(JournalEntry(time: instant, actor: "tenantsim", tenantId: tenant.id, operation: "test", target: nil, outcome: .denied))
        }
        #expect(try await store.dump() == first)
        #expect(try await store.dump(includeJournal: true).contains("\"operation\" : \"test\""))
    }
}
