/// Where a bulk invite is: rows done so far and how they went.
public struct BulkInviteProgress: Sendable, Hashable {
    public var processed: Int
    public var invited: Int
    public var failed: Int
    /// The record number of the row just done.
    public var record: Int

    public init(processed: Int = 0, invited: Int = 0, failed: Int = 0, record: Int = 0) {
        self.processed = processed
        self.invited = invited
        self.failed = failed
        self.record = record
    }
}
