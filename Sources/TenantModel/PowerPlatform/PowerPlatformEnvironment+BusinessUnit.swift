extension PowerPlatformEnvironment {
    /// The id of the environment's root business unit (TenantSim emulates one business unit per
    /// environment; its id is derived from the environment's, so it never changes).
    public var businessUnitId: String { DeterministicIDGenerator(seed: 0).guid(kind: "businessunit:\(id)", counter: 0) }

    /// The root business unit's name: the environment's organisation name, as Dataverse names it.
    public var businessUnitName: String { organizationName ?? displayName }

    /// The root business unit's default team, which every user of the environment belongs to. It is
    /// not stored: Dataverse creates it with the business unit, and it can't be deleted.
    public var defaultTeam: DataverseTeam {
        DataverseTeam(
            id: TeamID(DeterministicIDGenerator(seed: 0).guid(kind: "defaultteam:\(id)", counter: 0)), environmentId: id, name: businessUnitName,
            teamType: .owner, isDefault: true, createdOn: createdDateTime, modifiedOn: createdDateTime)
    }
}
