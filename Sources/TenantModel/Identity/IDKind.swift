/// The kind tag of a ``TypedID``. `name` is also the counter key the deterministic ID generator uses.
public protocol IDKind: Sendable {
    static var name: String { get }
}

/// Tags for every kind of object TenantSim names. Each is an uninhabited enum used only as a type.
public enum TenantKind: IDKind { public static let name = "tenant" }
public enum UserKind: IDKind { public static let name = "user" }
public enum InvitationKind: IDKind { public static let name = "invitation" }
public enum GroupKind: IDKind { public static let name = "group" }
public enum RoleAssignmentKind: IDKind { public static let name = "roleAssignment" }
public enum ApplicationKind: IDKind { public static let name = "app" }
public enum PersonalAccountKind: IDKind { public static let name = "personalAccount" }
public enum EnvironmentKind: IDKind { public static let name = "environment" }
public enum SecurityRoleKind: IDKind { public static let name = "securityRole" }
public enum SystemUserKind: IDKind { public static let name = "systemUser" }
public enum MessageKind: IDKind { public static let name = "message" }
public enum MadeAppKind: IDKind { public static let name = "madeApp" }
public enum TeamKind: IDKind { public static let name = "team" }
public enum PlatformRoleAssignmentKind: IDKind { public static let name = "platformRoleAssignment" }

public typealias TenantID = TypedID<TenantKind>
public typealias UserID = TypedID<UserKind>
public typealias InvitationID = TypedID<InvitationKind>
public typealias GroupID = TypedID<GroupKind>
public typealias RoleAssignmentID = TypedID<RoleAssignmentKind>
public typealias AppID = TypedID<ApplicationKind>
public typealias PersonalAccountID = TypedID<PersonalAccountKind>
public typealias EnvironmentID = TypedID<EnvironmentKind>
public typealias SecurityRoleID = TypedID<SecurityRoleKind>
public typealias SystemUserID = TypedID<SystemUserKind>
public typealias MessageID = TypedID<MessageKind>
public typealias MadeAppID = TypedID<MadeAppKind>
public typealias TeamID = TypedID<TeamKind>
public typealias PlatformRoleAssignmentID = TypedID<PlatformRoleAssignmentKind>
