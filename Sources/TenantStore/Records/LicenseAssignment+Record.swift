import GRDB
import TenantModel

/// `LicenseAssignment` rows live in the `license_assignment` table.
extension LicenseAssignment: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "license_assignment" }
}
