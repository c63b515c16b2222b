import Foundation

/// When and how long ``OnboardingClient`` waits before retrying: 429, 503 and 504 are retried,
/// honouring an integer `Retry-After` (seconds) when the server sends one, with a capped
/// exponential back-off otherwise (domain-facts §11). A 404 that Graph gives while a new object
/// replicates (`Request_ResourceNotFound`, `Directory_ObjectNotFound`) is retried too, with its own
/// bounded back-off: Microsoft Entra ID is eventually consistent, and Microsoft advises retrying.
public struct RetryPolicy: Sendable {
    /// Statuses that are retried.
    public var retriedStatuses: Set<Int>
    /// Retries after the first attempt.
    public var maxRetries: Int
    /// Back-off of the first retry without `Retry-After`; doubles each retry.
    public var baseDelay: Duration
    /// The longest back-off without `Retry-After`.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a longer one is not waited for and the error surfaces.
    public var maxRetryAfter: Duration
    /// Retries of a "not found" answer while an object may still be replicating.
    public var replicationRetries: Int
    /// Back-off of the first replication retry; doubles each retry, capped at `maxDelay`.
    public var replicationBaseDelay: Duration
    /// How waiting happens; tests inject a recorder instead of sleeping.
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        retriedStatuses: Set<Int> = [429, 503, 504], maxRetries: Int = 5, baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30), maxRetryAfter: Duration = .seconds(180), replicationRetries: Int = 6,
        replicationBaseDelay: Duration = .seconds(2), sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.retriedStatuses = retriedStatuses
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.replicationRetries = replicationRetries
        self.replicationBaseDelay = replicationBaseDelay
        self.sleep = sleep
    }

    /// Five retries, 0.5 s doubling up to 30 s, `Retry-After` up to 3 minutes.
    public static let standard = RetryPolicy()

    /// Never retries.
    public static let none = RetryPolicy(maxRetries: 0, replicationRetries: 0)

    /// Graph's codes for an object its replicas don't show yet.
    public static let notYetReplicatedCodes: Set<String> = ["Request_ResourceNotFound", "Directory_ObjectNotFound"]

    /// How long to wait before replication retry number `attempt` (1-based) of an answer with
    /// `status` and error `code`, or `nil` not to retry: 2, 4, 8, 16, 30, 30 s by default — about
    /// 90 s in all, beyond the delays clients report.
    public func delay(beforeReplicationRetry attempt: Int, status: Int, code: String?) -> Duration? {
        guard status == 404, let code, Self.notYetReplicatedCodes.contains(code), attempt <= replicationRetries else { return nil }
        let factor = 1 << min(attempt - 1, 20)
        return min(replicationBaseDelay * factor, maxDelay)
    }

    /// How long to wait before retry number `attempt` (1-based), or `nil` not to retry.
    public func delay(beforeRetry attempt: Int, status: Int, retryAfter: Int?) -> Duration? {
        guard retriedStatuses.contains(status), attempt <= maxRetries else { return nil }
        if let retryAfter, retryAfter > 0 {
            let wait = Duration.seconds(retryAfter)
            return wait <= maxRetryAfter ? wait : nil
        }
        let factor = 1 << min(attempt - 1, 20)
        return min(baseDelay * factor, maxDelay)
    }

    /// Parses a `Retry-After` header: whole seconds, or an HTTP date.
    public static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Int? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Int(header) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }
}
