import Foundation
import GRDB

/// Renders the database as sorted JSON, for byte-for-byte state comparisons.
enum StateDump {
    /// Tables and the columns that order their rows.
    static let tables: [(name: String, orderBy: String)] = [
        ("world_meta", "key"), ("id_counter", "kind"), ("tenant", "id"), ("personal_account", "id"),
        ("user", "id"), ("invitation", "id"), ("outbox_message", "id"), ("directory_group", "id"),
        ("group_membership", "groupId, memberId"), ("directory_role_assignment", "id"), ("app_registration", "appId"),
        ("client_secret", "keyId"), ("authorization_policy", "tenantId"), ("collaboration_restrictions", "tenantId"),
        ("cross_tenant_default", "tenantId"), ("cross_tenant_partner", "tenantId, partnerTenantId"),
        ("subscribed_sku", "tenantId, skuId"), ("license_assignment", "tenantId, userId, skuId"),
    ]

    static func render(_ db: Database, includeJournal: Bool) throws -> String {
        var all = tables + StoreExtensions.dumpedTables
        if includeJournal { all.append(("journal_entry", "sequence")) }
        var document: [String: Any] = [:]
        for (name, orderBy) in all where try db.tableExists(name) {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(name) ORDER BY \(orderBy)")
            document[name] = rows.map { row in
                var object: [String: Any] = [:]
                for (column, value) in row { object[column] = json(value) }
                return object
            }
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }

    static func json(_ value: DatabaseValue) -> Any {
        switch value.storage {
        case .null: NSNull()
        case .int64(let int): int
        case .double(let double): double
        case .string(let string): string
        case .blob(let data): data.base64EncodedString()
        }
    }
}

/// Tables added by later migrations register here so the dump includes them.
enum StoreExtensions {
    static let dumpedTables: [(name: String, orderBy: String)] = [
        ("environment", "id"), ("security_role", "id"), ("dataverse_user", "id"),
        ("environment_role_assignment", "environmentId, userId, roleId"), ("tenant_settings", "tenantId"), ("made_app", "id"),
        ("user_password", "userId"), ("group_owner", "groupId, ownerId"),
    ]
}
