import Foundation
import HTTPTypes
import OnboardingKit
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("OnboardingClient: retries, paging, error mapping, tokens")
struct OnboardingClientTests {
    @Test("two seeded 429s with Retry-After: 1 are waited out; the journal shows three createInvitation attempts")
    func retriesThrottledInvitation() async throws {
        let harness = try await Harness.inProcess()
        let recorder = SleepRecorder()
        let client = harness.client(retry: recorder.policy)
        try await client.injectFault(operation: "createInvitation", status: 429, count: 2, retryAfter: 1)
        let result = try await client.invite(GuestInvitation(email: "pat@fabrikam.com", redirectURL: "https://myapps.microsoft.com"))
        #expect(result.status == "PendingAcceptance")
        #expect(recorder.recorded == [.seconds(1), .seconds(1)], "Retry-After: 1 twice")
        let attempts = try await harness.engine.journal().filter { $0.operation == "createInvitation" }
        #expect(attempts.map(\.outcome) == [.faulted, .faulted, .succeeded])
    }

    @Test("over live HTTPS the Retry-After seconds are what the client waits, with Retry-Attempt headers on the retries")
    func retryAfterHonouredLive() async throws {
        try await BothModes.run { harness in
            let recorder = SleepRecorder()
            let recording = RecordingTransport(inner: harness.transport)
            let client = harness.client(retry: recorder.policy, transport: recording)
            try await client.injectFault(operation: "listUsers", status: 503, count: 2, retryAfter: 3)
            _ = try await client.users()
            #expect(recorder.recorded == [.seconds(3), .seconds(3)])
            let retries = recording.sent.filter { $0.path?.hasPrefix("/v1.0/users") == true }.map {
                $0.headerFields[HTTPField.Name("Retry-Attempt")!]
            }
            #expect(retries == [nil, "1", "2"])
            let journal = try await harness.engine.journal().filter { $0.operation == "listUsers" }
            #expect(journal.map(\.outcome) == [.faulted, .faulted])
        }
    }

    @Test("without Retry-After the back-off doubles and is capped; after the last retry the error surfaces")
    func exponentialBackOff() async throws {
        let busy = (HTTPResponse(status: .init(code: 504)), Data("{\"error\":{\"code\":\"GatewayTimeout\",\"message\":\"Gateway timeout.\"}}".utf8))
        let recorder = SleepRecorder()
        var policy = recorder.policy
        policy.maxRetries = 4
        policy.baseDelay = .seconds(1)
        policy.maxDelay = .seconds(5)
        let transport = RecordingTransport(inner: nil, scripted: Array(repeating: busy, count: 5))
        let client = OnboardingClient(transport: transport, tokens: FixedToken(), retry: policy)
        do {
            _ = try await client.subscribedSkus()
            Issue.record("expected the 504 to surface")
        } catch let error as GraphError {
            #expect(error.status == 504)
            #expect(error.code == "GatewayTimeout")
        }
        #expect(recorder.recorded == [.seconds(1), .seconds(2), .seconds(4), .seconds(5)])
        #expect(transport.sent.count == 5)
        #expect(RetryPolicy.standard.delay(beforeRetry: 1, status: 400, retryAfter: nil) == nil)
        #expect(RetryPolicy.standard.delay(beforeRetry: 1, status: 429, retryAfter: 7) == .seconds(7))
        #expect(RetryPolicy.retryAfterSeconds("12") == 12)
        #expect(RetryPolicy.retryAfterSeconds("2.128") == nil)
    }

    @Test("listing users follows @odata.nextLink across pages")
    func followsNextLink() async throws {
        try await BothModes.run { harness in
            let tenant = try await harness.engine.tenant("contoso")
            for index in 0..<120 {
                _ = try await harness.engine.createInvitation(
                    InvitationRequest(invitedUserEmailAddress: "guest\(index)@partner.example", inviteRedirectUrl: "https://myapps.microsoft.com"),
                    in: tenant.id, by: .system)
            }
            let recording = RecordingTransport(inner: harness.transport)
            let client = harness.client(transport: recording)
            let guests = try await client.users(filter: "userType eq 'Guest'", top: 50)
            #expect(guests.count == 120)
            #expect(Set(guests.map(\.id)).count == 120)
            let pages = recording.sent.filter { $0.path?.contains("users?") == true }
            #expect(pages.count == 3, "\(harness.mode): \(pages.map { $0.path ?? "" })")
            #expect(pages.dropFirst().allSatisfy { $0.path?.contains("skiptoken") == true })
        }
    }

    @Test("an error answer becomes a GraphError with status, code, message, request id, rule id and explanation")
    func errorMapping() async throws {
        try await BothModes.run { harness in
            let sleeps = SleepRecorder()
            let client = harness.client(retry: sleeps.policy)
            let invited = try await client.invite(GuestInvitation(email: "pat@fabrikam.com", redirectURL: "https://myapps.microsoft.com"))
            let sku = try #require(try await client.sku(partNumber: "POWERAPPS_PER_USER"))
            do {
                try await client.assignLicense(skuId: sku.skuId, to: invited.invitedUser.id)
                Issue.record("expected the usage-location error")
            } catch let error as GraphError {
                #expect(error.status == 400)
                #expect(error.code == "Request_BadRequest")
                #expect(error.message == "License assignment cannot be done for user with invalid usage location.")
                #expect(error.ruleId == "license.assign.usage-location-missing")
                #expect(error.explanation?.isEmpty == false)
                #expect(error.requestId?.isEmpty == false)
                #expect(error.description.contains("[license.assign.usage-location-missing]"))
            }
            // An existence check is answered at once: no replication back-off for a user nobody created.
            #expect(try await client.user("no-such-user@contoso.com") == nil)
            #expect(sleeps.recorded.isEmpty)
            #expect(
                try await client.addMember(invited.invitedUser.id, toGroup: try #require(try await client.group(named: "Sales Environment Users")).id)
            )
            #expect(
                try await client.addMember(invited.invitedUser.id, toGroup: try #require(try await client.group(named: "Sales Environment Users")).id)
                    == false)
        }
    }

    @Test("a wrong client secret is a GraphError from the token endpoint")
    func tokenErrors() async throws {
        let harness = try await Harness.inProcess()
        let tokens = ClientCredentialsTokenProvider(
            transport: harness.transport, tenant: OnboardingWorld.contoso, clientId: OnboardingWorld.onboardingApp, clientSecret: "wrong")
        let client = OnboardingClient(transport: harness.transport, tokens: tokens)
        do {
            _ = try await client.subscribedSkus()
            Issue.record("expected invalid_client")
        } catch let error as GraphError {
            #expect(error.status == 401)
            #expect(error.code == "invalid_client")
        }
    }

    @Test("tokens are cached per scope until they expire")
    func tokenCache() async throws {
        let harness = try await Harness.inProcess()
        let recording = RecordingTransport(inner: harness.transport)
        let now = Clock()
        let tokens = ClientCredentialsTokenProvider(
            transport: recording, tenant: OnboardingWorld.contoso, clientId: OnboardingWorld.onboardingApp, clientSecret: OnboardingWorld.secret,
            now: { now.value })
        let client = OnboardingClient(transport: recording, tokens: tokens)
        _ = try await client.subscribedSkus()
        _ = try await client.users()
        _ = try await client.environments()
        _ = try await client.environments()
        func tokenRequests() -> Int { recording.sent.filter { $0.path?.hasSuffix("/oauth2/v2.0/token") == true }.count }
        #expect(tokenRequests() == 2, "one Graph token, one admin API token")
        now.value = now.value.addingTimeInterval(3600)
        _ = try await client.subscribedSkus()
        #expect(tokenRequests() == 3, "renewed after expiry")
    }
}

/// A token provider with one fixed token.
struct FixedToken: TokenProvider {
    func token(for scope: String) async throws -> String { "token" }
}

/// A settable clock.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = Date(timeIntervalSince1970: 1_735_689_600)
    var value: Date {
        get { lock.withLock { now } }
        set { lock.withLock { now = newValue } }
    }
}
