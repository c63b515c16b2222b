import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `POST /users`: a member account on one of the tenant's domains. Under realistic consistency
    /// the new user replicates like an invited guest.
    public func createUser(_ draft: UserDraft, in tenantId: TenantID, by caller: Caller, requestId: String? = nil) async throws(TenantError) -> User {
        try await perform(.createUser, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let upn = draft.userPrincipalName.lowercased()
            let context = UserCreationContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.createUser, tenant: tenant, userPrincipalName: upn)
            guard EmailAddress(upn) != nil else { throw TenantError.badRequest("Property userPrincipalName is invalid.") }
            try scope.enforce(OperationRules.createUser.decide(context))
            try Self.validate(draft)
            if try scope.tx.user(idOrUPN: upn, in: tenant.id).map({ !$0.isDeleted }) == true {
                throw TenantError.badRequest("Another object with the same value for property userPrincipalName already exists.")
            }
            let user = User(
                id: try scope.newID(), tenantId: tenant.id, userPrincipalName: upn, displayName: draft.displayName, givenName: draft.givenName,
                surname: draft.surname, mail: nil, mailNickname: draft.mailNickname, usageLocation: draft.usageLocation?.uppercased(),
                accountEnabled: draft.accountEnabled, createdDateTime: scope.now)
            try scope.tx.insert(user)
            try scope.tx.setPassword(draft.password, for: user.id)
            try Consistency.startReplicating(user.id.rawValue, kind: "user", tenant: tenant.id, scope: scope)
            scope.target = user.id.rawValue
            scope.touchedUsers.insert(user.id)
            return user
        }
    }

    /// Graph's checks of the properties themselves (after the rules, which decide who may create whom).
    static func validate(_ draft: UserDraft) throws(TenantError) {
        func invalid(_ property: String) -> TenantError {
            TenantError.badRequest("Invalid value specified for property '\(property)' of resource 'User'.")
        }
        if draft.displayName.trimmingCharacters(in: .whitespaces).isEmpty || draft.displayName.count > 256 { throw invalid("displayName") }
        let nicknameAllowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~."))
        if draft.mailNickname.isEmpty || draft.mailNickname.count > 64
            || draft.mailNickname.unicodeScalars.contains(where: { !nicknameAllowed.contains($0) })
        {
            throw invalid("mailNickname")
        }
        if let location = draft.usageLocation, !CountryCode.isValid(location.uppercased()) { throw invalid("usageLocation") }
        if draft.password.isEmpty || draft.password.count > 256 { throw invalid("passwordProfile") }
    }
}
