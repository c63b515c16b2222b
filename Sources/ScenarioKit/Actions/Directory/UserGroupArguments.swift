/// A user (address, UPN or id) and a group (display name or id) of the actor's tenant.
struct UserGroupArguments: Decodable {
    var user: String
    var group: String
}
