import GRDB

/// The schema, as an ordered list of migrations named with sentences. A landed migration is never
/// edited; changes are new migrations appended to the list.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("Create the world clock and id counters", migrate: createWorldTables)
        migrator.registerMigration("Create tenants, users and personal accounts", migrate: createDirectoryTables)
        migrator.registerMigration("Create invitations and the outbox", migrate: createInvitationTables)
        migrator.registerMigration("Create groups, memberships and directory role assignments", migrate: createGroupTables)
        migrator.registerMigration("Create app registrations and client secrets", migrate: createAppTables)
        migrator.registerMigration("Create the external collaboration policies", migrate: createPolicyTables)
        migrator.registerMigration("Create subscribed SKUs and licence assignments", migrate: createLicenseTables)
        migrator.registerMigration("Create the append-only journal", migrate: createJournal)
        migrator.registerMigration("Index users by principal name across tenants", migrate: indexUsersByPrincipalName)
        migrator.registerMigration("Create Power Platform environments, roles and Dataverse users", migrate: createPowerPlatformTables)
        migrator.registerMigration("Create tenant settings and made apps", migrate: createSettingsAndApps)
        migrator.registerMigration("Create token signing keys", migrate: createSigningKeys)
        migrator.registerMigration("Users keep profile properties that no rule reads", migrate: addUserProfile)
        migrator.registerMigration("Users may carry a password for the password grant", migrate: createUserPasswords)
        migrator.registerMigration("A system clock may run ahead of the wall clock by an offset", migrate: addClockOffset)
        migrator.registerMigration("Groups have owners", migrate: createGroupOwners)
        migrator.registerMigration("Dataverse environments have teams that hold security roles", migrate: createDataverseTeams)
        migrator.registerMigration("Power Platform role-based access control has role assignments", migrate: createPlatformRoleAssignments)
        migrator.registerMigration(
            "A world has a consistency profile: new objects replicate and Dataverse syncs after a delay", migrate: addConsistencyProfile)
        migrator.registerMigration("Setting changes take effect after a delay", migrate: createPendingSettingChanges)
        return migrator
    }

    static func createWorldTables(_ db: Database) throws {
        try db.create(table: "world_meta") { t in
            t.primaryKey("key", .integer)
            t.column("seed", .integer).notNull()
            t.column("now", .datetime)
            t.column("systemClock", .boolean).notNull()
        }
        try db.create(table: "id_counter") { t in
            t.primaryKey("kind", .text)
            t.column("next", .integer).notNull()
        }
    }

    static func createDirectoryTables(_ db: Database) throws {
        try db.create(table: "tenant") { t in
            t.primaryKey("id", .text)
            t.column("displayName", .text).notNull()
            t.column("initialDomain", .text).notNull().unique().collate(.nocase)
            t.column("verifiedDomains", .jsonText).notNull()
            t.column("cloud", .text).notNull()
            t.column("emailOneTimePasscodeEnabled", .boolean).notNull()
            t.column("federations", .jsonText).notNull()
            t.column("googleFederationEnabled", .boolean).notNull()
            t.column("createdDateTime", .datetime).notNull()
        }
        try db.create(table: "personal_account") { t in
            t.primaryKey("id", .text)
            t.column("email", .text).notNull().unique().collate(.nocase)
            t.column("displayName", .text)
        }
        try db.create(table: "user") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("userPrincipalName", .text).notNull().collate(.nocase)
            t.column("displayName", .text)
            t.column("givenName", .text)
            t.column("surname", .text)
            t.column("mail", .text).collate(.nocase)
            t.column("mailNickname", .text)
            t.column("otherMails", .jsonText).notNull()
            t.column("userType", .text).notNull()
            t.column("creationType", .text)
            t.column("externalUserState", .text)
            t.column("externalUserStateChangeDateTime", .datetime)
            t.column("identities", .jsonText).notNull()
            t.column("usageLocation", .text)
            t.column("accountEnabled", .boolean).notNull()
            t.column("companyName", .text)
            t.column("jobTitle", .text)
            t.column("createdDateTime", .datetime).notNull()
            t.column("deletedDateTime", .datetime)
            t.column("homeTenantId", .text)
            t.column("homeUserId", .text)
            t.column("personalAccountId", .text)
            t.column("invitedBy", .text)
        }
        try db.create(index: "user_on_tenant_upn", on: "user", columns: ["tenantId", "userPrincipalName"], unique: true)
        try db.create(index: "user_on_tenant_mail", on: "user", columns: ["tenantId", "mail"])
        try db.create(index: "user_on_mail", on: "user", columns: ["mail"])
        try db.create(index: "user_on_home", on: "user", columns: ["homeUserId"])
    }

    static func createInvitationTables(_ db: Database) throws {
        try db.create(table: "invitation") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("invitedUserId", .text).notNull().references("user")
            t.column("invitedUserEmailAddress", .text).notNull()
            t.column("invitedUserDisplayName", .text)
            t.column("invitedUserType", .text).notNull()
            t.column("inviteRedirectUrl", .text).notNull()
            t.column("inviteRedeemUrl", .text).notNull()
            t.column("sendInvitationMessage", .boolean).notNull()
            t.column("invitedUserMessageInfo", .jsonText)
            t.column("resetRedemption", .boolean).notNull()
            t.column("status", .text).notNull()
            t.column("ticket", .text).notNull().unique()
            t.column("invitedBy", .text).notNull()
            t.column("createdDateTime", .datetime).notNull()
            t.column("redeemedDateTime", .datetime)
        }
        try db.create(index: "invitation_on_user", on: "invitation", columns: ["invitedUserId"])
        try db.create(table: "outbox_message") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("from", .text).notNull()
            t.column("to", .text).notNull().collate(.nocase)
            t.column("cc", .jsonText).notNull()
            t.column("subject", .text).notNull()
            t.column("body", .text).notNull()
            t.column("url", .text)
            t.column("relatedUserId", .text)
            t.column("createdDateTime", .datetime).notNull()
        }
    }

    static func createGroupTables(_ db: Database) throws {
        try db.create(table: "directory_group") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("displayName", .text).notNull()
            t.column("description", .text)
            t.column("mailNickname", .text).notNull()
            t.column("mailEnabled", .boolean).notNull()
            t.column("securityEnabled", .boolean).notNull()
            t.column("groupTypes", .jsonText).notNull()
            t.column("createdDateTime", .datetime).notNull()
        }
        try db.create(table: "group_membership") { t in
            t.column("tenantId", .text).notNull()
            t.column("groupId", .text).notNull().references("directory_group")
            t.column("memberId", .text).notNull()
            t.column("memberKind", .text).notNull()
            t.primaryKey(["groupId", "memberId"])
        }
        try db.create(index: "group_membership_on_member", on: "group_membership", columns: ["memberId"])
        try db.create(table: "directory_role_assignment") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("principalId", .text).notNull()
            t.column("roleDefinitionId", .text).notNull()
            t.column("directoryScopeId", .text).notNull()
            t.uniqueKey(["tenantId", "principalId", "roleDefinitionId", "directoryScopeId"])
        }
    }

    static func createAppTables(_ db: Database) throws {
        try db.create(table: "app_registration") { t in
            t.primaryKey("appId", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("displayName", .text).notNull()
            t.column("applicationPermissions", .jsonText).notNull()
            t.column("delegatedPermissions", .jsonText).notNull()
            t.column("powerPlatformManagementApp", .boolean).notNull()
            t.column("dataverseRoles", .jsonText).notNull()
        }
        try db.create(table: "client_secret") { t in
            t.primaryKey("keyId", .text)
            t.column("appId", .text).notNull().references("app_registration")
            t.column("displayName", .text)
            t.column("secretText", .text).notNull()
            t.column("endDateTime", .datetime)
        }
    }

    static func createPolicyTables(_ db: Database) throws {
        try db.create(table: "authorization_policy") { t in
            t.primaryKey("tenantId", .text).references("tenant")
            t.column("allowInvitesFrom", .text).notNull()
            t.column("guestUserRoleId", .text).notNull()
            t.column("allowEmailVerifiedUsersToJoinOrganization", .boolean).notNull()
            t.column("allowedToSignUpEmailBasedSubscriptions", .boolean).notNull()
            t.column("allowedToUseSSPR", .boolean).notNull()
            t.column("allowUserConsentForRiskyApps", .boolean).notNull()
            t.column("blockMsolPowerShell", .boolean)
            t.column("defaultUserRolePermissions", .jsonText).notNull()
        }
        try db.create(table: "collaboration_restrictions") { t in
            t.primaryKey("tenantId", .text).references("tenant")
            t.column("mode", .text).notNull()
            t.column("domains", .jsonText).notNull()
        }
        try db.create(table: "cross_tenant_default") { t in
            t.primaryKey("tenantId", .text).references("tenant")
            t.column("allowedCloudEndpoints", .jsonText).notNull()
            t.column("displayName", .text).notNull()
            t.column("settings", .jsonText).notNull()
            t.column("isServiceDefault", .boolean).notNull()
        }
        try db.create(table: "cross_tenant_partner") { t in
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("partnerTenantId", .text).notNull()
            t.column("settings", .jsonText).notNull()
            t.column("isServiceProvider", .boolean)
            t.column("isInMultiTenantOrganization", .boolean)
            t.primaryKey(["tenantId", "partnerTenantId"])
        }
    }

    static func createLicenseTables(_ db: Database) throws {
        try db.create(table: "subscribed_sku") { t in
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("skuId", .text).notNull()
            t.column("skuPartNumber", .text).notNull()
            t.column("appliesTo", .text).notNull()
            t.column("capabilityStatus", .text).notNull()
            t.column("prepaidUnits", .jsonText).notNull()
            t.column("consumedUnits", .integer).notNull().check { $0 >= 0 }
            t.column("servicePlans", .jsonText).notNull()
            t.column("subscriptionIds", .jsonText).notNull()
            t.column("grantsDataverse", .boolean).notNull()
            t.column("grantsPowerApps", .boolean).notNull()
            t.primaryKey(["tenantId", "skuId"])
        }
        try db.create(table: "license_assignment") { t in
            t.column("tenantId", .text).notNull()
            t.column("userId", .text).notNull().references("user")
            t.column("skuId", .text).notNull()
            t.column("disabledPlans", .jsonText).notNull()
            t.column("assignedDateTime", .datetime).notNull()
            t.primaryKey(["tenantId", "userId", "skuId"])
        }
        try db.create(index: "license_assignment_on_user", on: "license_assignment", columns: ["userId"])
    }

    static func createJournal(_ db: Database) throws {
        try db.create(table: "journal_entry") { t in
            t.autoIncrementedPrimaryKey("sequence")
            t.column("time", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("tenantId", .text)
            t.column("operation", .text).notNull()
            t.column("target", .text)
            t.column("outcome", .text).notNull()
            t.column("ruleIds", .jsonText).notNull()
            t.column("requestId", .text)
            t.column("detail", .text)
        }
        try db.execute(
            sql: """
                CREATE TRIGGER journal_entry_is_append_only_on_update BEFORE UPDATE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                CREATE TRIGGER journal_entry_is_append_only_on_delete BEFORE DELETE ON journal_entry
                BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                """)
    }

    static func indexUsersByPrincipalName(_ db: Database) throws {
        try db.create(index: "user_on_upn", on: "user", columns: ["userPrincipalName"])
    }

    static func createPowerPlatformTables(_ db: Database) throws {
        try db.create(table: "environment") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("displayName", .text).notNull()
            t.column("sku", .text).notNull()
            t.column("region", .text).notNull()
            t.column("cloud", .text).notNull()
            t.column("hasDataverse", .boolean).notNull()
            t.column("organizationName", .text).unique().collate(.nocase)
            t.column("securityGroupId", .text)
            t.column("createdBy", .text)
            t.column("createdDateTime", .datetime).notNull()
        }
        try db.create(index: "environment_on_tenant", on: "environment", columns: ["tenantId"])
        try db.create(table: "security_role") { t in
            t.primaryKey("id", .text)
            t.column("environmentId", .text).notNull().references("environment")
            t.column("name", .text).notNull()
            t.uniqueKey(["environmentId", "name"])
        }
        try db.create(table: "dataverse_user") { t in
            t.primaryKey("id", .text)
            t.column("environmentId", .text).notNull().references("environment")
            t.column("userId", .text).notNull()
            t.column("domainName", .text).notNull()
            t.column("fullName", .text).notNull()
            t.column("isDisabled", .boolean).notNull()
            t.column("disabledReason", .text)
            t.column("accessMode", .integer).notNull()
            t.column("createdOn", .datetime).notNull()
            t.column("modifiedOn", .datetime).notNull()
            t.uniqueKey(["environmentId", "userId"])
        }
        try db.create(index: "dataverse_user_on_user", on: "dataverse_user", columns: ["userId"])
        try db.create(table: "environment_role_assignment") { t in
            t.column("environmentId", .text).notNull().references("environment")
            t.column("userId", .text).notNull()
            t.column("roleId", .text).notNull().references("security_role")
            t.primaryKey(["environmentId", "userId", "roleId"])
        }
    }

    static func createSettingsAndApps(_ db: Database) throws {
        try db.create(table: "tenant_settings") { t in
            t.primaryKey("tenantId", .text).references("tenant")
            t.column("document", .jsonText).notNull()
        }
        try db.create(table: "made_app") { t in
            t.primaryKey("id", .text)
            t.column("environmentId", .text).notNull().references("environment")
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("ownerId", .text).notNull()
            t.column("sharedWith", .jsonText).notNull()
            t.column("createdDateTime", .datetime).notNull()
        }
    }

    static func createSigningKeys(_ db: Database) throws {
        try db.create(table: "signing_key") { t in
            t.primaryKey("tenantId", .text).references("tenant")
            t.column("keyId", .text).notNull().unique()
            t.column("privateKeyPEM", .text).notNull()
        }
    }

    static func addUserProfile(_ db: Database) throws {
        try db.alter(table: "user") { t in
            t.add(column: "profile", .jsonText).notNull().defaults(to: "{}")
        }
    }

    /// One row per user that has a password (fixtures only; users without one accept any
    /// non-empty password in the password grant).
    static func createUserPasswords(_ db: Database) throws {
        try db.create(table: "user_password") { t in
            t.primaryKey("userId", .text).references("user", onDelete: .cascade)
            t.column("password", .text).notNull()
        }
    }

    /// Advancing a system-clock world (a server on wall-clock time) adds to this offset.
    static func addClockOffset(_ db: Database) throws {
        try db.alter(table: "world_meta") { t in
            t.add(column: "clockOffset", .double).notNull().defaults(to: 0)
        }
    }

    static func createGroupOwners(_ db: Database) throws {
        try db.create(table: "group_owner") { t in
            t.column("tenantId", .text).notNull()
            t.column("groupId", .text).notNull().references("directory_group", onDelete: .cascade)
            t.column("ownerId", .text).notNull().references("user")
            t.primaryKey(["groupId", "ownerId"])
        }
        try db.create(index: "group_owner_on_owner", on: "group_owner", columns: ["ownerId"])
    }

    static func createDataverseTeams(_ db: Database) throws {
        try db.create(table: "dataverse_team") { t in
            t.primaryKey("id", .text)
            t.column("environmentId", .text).notNull().references("environment")
            t.column("name", .text).notNull()
            t.column("teamType", .integer).notNull()
            t.column("groupId", .text)
            t.column("membershipType", .integer).notNull()
            t.column("teamDescription", .text)
            t.column("isDefault", .boolean).notNull()
            t.column("createdOn", .datetime).notNull()
            t.column("modifiedOn", .datetime).notNull()
        }
        try db.create(index: "dataverse_team_on_environment", on: "dataverse_team", columns: ["environmentId"])
        try db.create(index: "dataverse_team_on_group", on: "dataverse_team", columns: ["groupId"])
        // No foreign key on teamId: the business unit's default team is not stored (every environment has one).
        try db.create(table: "team_role_assignment") { t in
            t.column("environmentId", .text).notNull().references("environment")
            t.column("teamId", .text).notNull()
            t.column("roleId", .text).notNull().references("security_role")
            t.primaryKey(["environmentId", "teamId", "roleId"])
        }
    }

    static func createPlatformRoleAssignments(_ db: Database) throws {
        try db.create(table: "platform_role_assignment") { t in
            t.primaryKey("id", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("principalObjectId", .text).notNull()
            t.column("principalType", .text).notNull()
            t.column("roleDefinitionId", .text).notNull()
            t.column("scope", .text).notNull().collate(.nocase)
            t.column("createdOn", .datetime).notNull()
            t.column("createdByPrincipalObjectId", .text).notNull()
            t.column("createdByPrincipalType", .text).notNull()
            t.uniqueKey(["principalObjectId", "roleDefinitionId", "scope"])
        }
        try db.create(index: "platform_role_assignment_on_tenant", on: "platform_role_assignment", columns: ["tenantId"])
    }

    static func addConsistencyProfile(_ db: Database) throws {
        try db.alter(table: "world_meta") { t in
            t.add(column: "consistency", .text).notNull().defaults(to: "immediate")
        }
        try db.create(table: "replica_lag") { t in
            t.primaryKey("objectId", .text)
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("objectKind", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("visibleAt", .datetime).notNull()
        }
        try db.create(table: "pending_dataverse_sync") { t in
            t.column("environmentId", .text).notNull().references("environment")
            t.column("userId", .text).notNull()
            t.column("queuedAt", .datetime).notNull()
            t.column("dueAt", .datetime).notNull()
            t.primaryKey(["environmentId", "userId"])
        }
        try db.create(index: "pending_dataverse_sync_on_due", on: "pending_dataverse_sync", columns: ["dueAt"])
    }

    static func createPendingSettingChanges(_ db: Database) throws {
        try db.create(table: "pending_setting_change") { t in
            t.column("tenantId", .text).notNull().references("tenant")
            t.column("setting", .text).notNull()
            t.column("previousValue", .text).notNull()
            t.column("changedAt", .datetime).notNull()
            t.column("effectiveAt", .datetime).notNull()
            t.primaryKey(["tenantId", "setting"])
        }
    }
}
