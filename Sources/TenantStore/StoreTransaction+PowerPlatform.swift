import Foundation
import GRDB
import TenantModel

extension StoreTransaction {
    // MARK: Environments

    public func insert(_ environment: PowerPlatformEnvironment) throws { try environment.insert(db) }
    public func update(_ environment: PowerPlatformEnvironment) throws { try environment.update(db) }

    public func environment(_ id: EnvironmentID) throws -> PowerPlatformEnvironment? {
        try one("SELECT * FROM environment WHERE id = ?", [id.rawValue])
    }

    /// An environment by its Dataverse organisation name (the instance host's first label).
    public func environment(organizationName: String) throws -> PowerPlatformEnvironment? {
        try one("SELECT * FROM environment WHERE organizationName = ?", [organizationName])
    }

    public func environment(named displayName: String, in tenant: TenantID) throws -> PowerPlatformEnvironment? {
        try one("SELECT * FROM environment WHERE tenantId = ? AND displayName = ? ORDER BY id LIMIT 1", [tenant.rawValue, displayName])
    }

    public func environments(in tenant: TenantID) throws -> [PowerPlatformEnvironment] {
        try all("SELECT * FROM environment WHERE tenantId = ? ORDER BY createdDateTime, id", [tenant.rawValue])
    }

    public func environments() throws -> [PowerPlatformEnvironment] {
        try all("SELECT * FROM environment ORDER BY tenantId, createdDateTime, id", [])
    }

    // MARK: Security roles

    public func insert(_ role: SecurityRole) throws { try role.insert(db) }
    public func update(_ role: SecurityRole) throws { try role.update(db) }

    public func securityRoles(of environment: EnvironmentID) throws -> [SecurityRole] {
        try all("SELECT * FROM security_role WHERE environmentId = ? ORDER BY name", [environment.rawValue])
    }

    public func securityRole(_ id: SecurityRoleID) throws -> SecurityRole? {
        try one("SELECT * FROM security_role WHERE id = ?", [id.rawValue])
    }

    public func securityRole(named name: String, in environment: EnvironmentID) throws -> SecurityRole? {
        try one("SELECT * FROM security_role WHERE environmentId = ? AND name = ? COLLATE NOCASE", [environment.rawValue, name])
    }

    // MARK: Dataverse users

    public func save(_ user: DataverseUser) throws { try user.save(db) }

    public func dataverseUser(_ id: SystemUserID) throws -> DataverseUser? {
        try one("SELECT * FROM dataverse_user WHERE id = ?", [id.rawValue])
    }

    public func dataverseUser(for userId: UserID, in environment: EnvironmentID) throws -> DataverseUser? {
        try one("SELECT * FROM dataverse_user WHERE environmentId = ? AND userId = ?", [environment.rawValue, userId.rawValue])
    }

    public func dataverseUsers(in environment: EnvironmentID) throws -> [DataverseUser] {
        try all("SELECT * FROM dataverse_user WHERE environmentId = ? ORDER BY createdOn, id", [environment.rawValue])
    }

    // MARK: Environment role assignments

    public func insert(_ assignment: EnvironmentRoleAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(_ assignment: EnvironmentRoleAssignment) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM environment_role_assignment WHERE environmentId = ? AND userId = ? AND roleId = ?")
            .execute(arguments: [assignment.environmentId.rawValue, assignment.userId.rawValue, assignment.roleId.rawValue])
        return db.changesCount > 0
    }

    /// Security roles `userId` holds in `environment`, by name.
    public func roleNames(of userId: UserID, in environment: EnvironmentID) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT security_role.name FROM environment_role_assignment
                        JOIN security_role ON security_role.id = environment_role_assignment.roleId
                        WHERE environment_role_assignment.environmentId = ? AND environment_role_assignment.userId = ?
                        ORDER BY security_role.name
                        """), arguments: [environment.rawValue, userId.rawValue]))
    }

    public func roleAssignments(in environment: EnvironmentID) throws -> [EnvironmentRoleAssignment] {
        try all("SELECT * FROM environment_role_assignment WHERE environmentId = ? ORDER BY userId, roleId", [environment.rawValue])
    }

    // MARK: Tenant settings

    public func save(_ settings: TenantSettings) throws { try settings.save(db) }

    public func tenantSettings(_ tenant: TenantID) throws -> TenantSettings? {
        try one("SELECT * FROM tenant_settings WHERE tenantId = ?", [tenant.rawValue])
    }

    // MARK: Made apps

    public func save(_ app: MadeApp) throws { try app.save(db) }

    public func madeApp(_ id: MadeAppID) throws -> MadeApp? { try one("SELECT * FROM made_app WHERE id = ?", [id.rawValue]) }

    public func madeApp(named name: String, in environment: EnvironmentID) throws -> MadeApp? {
        try one("SELECT * FROM made_app WHERE environmentId = ? AND name = ? ORDER BY createdDateTime, id LIMIT 1", [environment.rawValue, name])
    }

    public func madeApps(in environment: EnvironmentID) throws -> [MadeApp] {
        try all("SELECT * FROM made_app WHERE environmentId = ? ORDER BY createdDateTime, id", [environment.rawValue])
    }
}

extension StoreTransaction {
    // MARK: Signing keys

    public func signingKey(of tenant: TenantID) throws -> SigningKey? {
        try one("SELECT * FROM signing_key WHERE tenantId = ?", [tenant.rawValue])
    }

    public func signingKey(keyId: String) throws -> SigningKey? {
        try one("SELECT * FROM signing_key WHERE keyId = ?", [keyId])
    }

    /// Stores `key` unless the tenant already has one; returns the key in force.
    public func insertSigningKeyIfMissing(_ key: SigningKey) throws -> SigningKey {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO signing_key (tenantId, keyId, privateKeyPEM) VALUES (?, ?, ?)")
            .execute(arguments: [key.tenantId.rawValue, key.keyId, key.privateKeyPEM])
        return try signingKey(of: key.tenantId) ?? key
    }
}

extension StoreTransaction {
    // MARK: User passwords

    /// The password a user signs in with in the password grant, if the world gave them one.
    public func password(of user: UserID) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT password FROM user_password WHERE userId = ?"), arguments: [user.rawValue])
    }

    public func setPassword(_ password: String, for user: UserID) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO user_password (userId, password) VALUES (?, ?)")
            .execute(arguments: [user.rawValue, password])
    }
}

extension StoreTransaction {
    // MARK: Dataverse teams

    public func save(_ team: DataverseTeam) throws { try team.save(db) }

    public func team(_ id: TeamID) throws -> DataverseTeam? { try one("SELECT * FROM dataverse_team WHERE id = ?", [id.rawValue]) }

    /// The stored teams of an environment (the business unit's default team is not stored).
    public func teams(in environment: EnvironmentID) throws -> [DataverseTeam] {
        try all("SELECT * FROM dataverse_team WHERE environmentId = ? ORDER BY createdOn, id", [environment.rawValue])
    }

    public func insert(_ assignment: TeamRoleAssignment) throws { try assignment.insert(db, onConflict: .ignore) }

    @discardableResult
    public func delete(_ assignment: TeamRoleAssignment) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM team_role_assignment WHERE environmentId = ? AND teamId = ? AND roleId = ?")
            .execute(arguments: [assignment.environmentId.rawValue, assignment.teamId.rawValue, assignment.roleId.rawValue])
        return db.changesCount > 0
    }

    /// Security roles held by the teams of an environment: team id → role names.
    public func teamRoleNames(in environment: EnvironmentID) throws -> [TeamID: Set<String>] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT team_role_assignment.teamId, security_role.name FROM team_role_assignment
                    JOIN security_role ON security_role.id = team_role_assignment.roleId
                    WHERE team_role_assignment.environmentId = ?
                    """), arguments: [environment.rawValue])
        var result: [TeamID: Set<String>] = [:]
        for row in rows { result[TeamID(row["teamId"] as String), default: []].insert(row["name"]) }
        return result
    }
}

extension StoreTransaction {
    // MARK: Power Platform role-based access control

    public func insert(_ assignment: PlatformRoleAssignment) throws { try assignment.insert(db) }

    @discardableResult
    public func delete(_ assignment: PlatformRoleAssignment) throws -> Bool { try assignment.delete(db) }

    public func platformRoleAssignment(_ id: PlatformRoleAssignmentID) throws -> PlatformRoleAssignment? {
        try one("SELECT * FROM platform_role_assignment WHERE id = ?", [id.rawValue])
    }

    public func platformRoleAssignments(in tenant: TenantID) throws -> [PlatformRoleAssignment] {
        try all("SELECT * FROM platform_role_assignment WHERE tenantId = ? ORDER BY createdOn, id", [tenant.rawValue])
    }
}

extension StoreTransaction {
    // MARK: Eventual consistency

    public func save(_ lag: ReplicaLag) throws { try lag.save(db) }

    public func replicaLag(of objectId: String) throws -> ReplicaLag? {
        try one("SELECT * FROM replica_lag WHERE objectId = ?", [objectId.lowercased()])
    }

    public func save(_ pending: PendingDataverseSync) throws { try pending.save(db) }

    public func pendingSync(of userId: UserID, in environment: EnvironmentID) throws -> PendingDataverseSync? {
        try one("SELECT * FROM pending_dataverse_sync WHERE environmentId = ? AND userId = ?", [environment.rawValue, userId.rawValue])
    }

    /// Pending syncs due by `instant`, oldest first.
    public func pendingSyncs(dueBy instant: Date) throws -> [PendingDataverseSync] {
        try all("SELECT * FROM pending_dataverse_sync WHERE dueAt <= ? ORDER BY dueAt, environmentId, userId LIMIT 500", [instant])
    }

    @discardableResult
    public func delete(_ pending: PendingDataverseSync) throws -> Bool { try pending.delete(db) }
}

extension StoreTransaction {
    // MARK: Setting changes that take time

    public func save(_ change: PendingSettingChange) throws { try change.save(db) }

    public func pendingSettingChange(_ setting: PendingSettingChange.Setting, of tenant: TenantID) throws -> PendingSettingChange? {
        try one("SELECT * FROM pending_setting_change WHERE tenantId = ? AND setting = ?", [tenant.rawValue, setting.rawValue])
    }
}
