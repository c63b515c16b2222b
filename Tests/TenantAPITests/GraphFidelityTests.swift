import Foundation
import HTTPTypes
import TenantEngine
import TenantSimTesting
import Testing

@testable import TenantAPI

/// Graph behaviours taken from Microsoft's documentation pages (advanced queries, filter
/// parameter, user update, assignLicense) that real scripts depend on.
@Suite("Graph behaves as Microsoft documents it")
struct GraphFidelityTests {
    static let advanced = ["ConsistencyLevel": "eventual"]

    func names(_ reply: APIClient.Reply) -> [String] {
        ((reply.json["value"] as? [[String: Any]]) ?? []).compactMap { $0["displayName"] as? String }.sorted()
    }

    @Test("ne, not and endsWith need ConsistencyLevel and $count=true, and answer Graph's messages without them")
    func advancedOperatorsNeedAdvancedParameters() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let ne = try await client.graph(.get, "/users?$filter=userType%20ne%20'Guest'", token: token, headers: Self.advanced)
            #expect(ne.status == 400)
            #expect(ne.errorCode == "Request_UnsupportedQuery")
            #expect(ne.errorMessage == "Filter operator 'NotEqualsMatch' is not supported.")
            let endsWith = try await client.graph(
                .get, "/users?$filter=endswith(userPrincipalName,'@contoso.onmicrosoft.com')", token: token, headers: Self.advanced)
            #expect(endsWith.status == 400)
            #expect(
                endsWith.errorMessage?.hasPrefix("Operator 'endsWith' is not supported because the required parameters might be missing.") == true)
            let not = try await client.graph(.get, "/users?$filter=not(displayName%20eq%20'Max%20Member')", token: token)
            #expect(not.errorCode == "Request_UnsupportedQuery")
            let sorted = try await client.graph(.get, "/users?$orderby=createdDateTime", token: token)
            #expect(sorted.errorMessage == "Sorting not supported for current query.")

            let neAdvanced = try await client.graph(
                .get, "/users?$filter=displayName%20ne%20'Max%20Member'&$count=true", token: token, headers: Self.advanced)
            #expect(neAdvanced.status == 200)
            #expect(names(neAdvanced) == ["Ada Admin"])
            #expect(neAdvanced.json["@odata.count"] as? Int == 1)
            let notAdvanced = try await client.graph(
                .get, "/users?$filter=not(displayName%20eq%20'Max%20Member')&$count=true", token: token, headers: Self.advanced)
            #expect(names(notAdvanced) == ["Ada Admin"])
        }
    }

    @Test("lambda filters find users by identity, licence and other mail; collections can't be compared directly")
    func lambdaFilters() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let invite = try await client.graph(
                .post, "/invitations", token: token,
                json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"])
            #expect(invite.status == 201)
            let byIdentity = try await client.graph(
                .get,
                "/users?$filter=identities/any(i:i/issuerAssignedId%20eq%20'pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com'%20and%20i/issuer%20eq%20'contoso.onmicrosoft.com')",
                token: token)
            #expect(byIdentity.status == 200)
            #expect(((byIdentity.json["value"] as? [[String: Any]]) ?? []).compactMap { $0["mail"] as? String } == ["pat@fabrikam.com"])
            let notYetRedeemed = try await client.graph(.get, "/users?$filter=identities/any(i:i/issuer%20eq%20'ExternalAzureAD')", token: token)
            #expect(notYetRedeemed.status == 200)
            #expect(((notYetRedeemed.json["value"] as? [[String: Any]]) ?? []).isEmpty)
            let byMail = try await client.graph(.get, "/users?$filter=proxyAddresses/any(p:p%20eq%20'SMTP:pat@fabrikam.com')", token: token)
            #expect(byMail.status == 200)
            #expect(((byMail.json["value"] as? [[String: Any]]) ?? []).count == 1)

            _ = try await client.graph(.patch, "/users/admin@contoso.com", token: token, json: ["usageLocation": "US"])
            let assigned = try await client.graph(
                .post, "/users/admin@contoso.com/assignLicense", token: token,
                json: ["addLicenses": [["skuId": APIWorld.powerApps, "disabledPlans": []]], "removeLicenses": []])
            #expect(assigned.status == 200)
            let licensed = try await client.graph(
                .get, "/users?$filter=assignedLicenses/any(x:x/skuId%20eq%20\(APIWorld.powerApps.uppercased()))", token: token)
            #expect(licensed.status == 200)
            #expect(names(licensed) == ["Ada Admin"])

            let direct = try await client.graph(.get, "/users?$filter=otherMails%20eq%20'x'", token: token)
            #expect(direct.status == 400)
            #expect(direct.errorCode == "Request_UnsupportedQuery")
            let lambdaOnScalar = try await client.graph(.get, "/users?$filter=displayName/any(d:d%20eq%20'x')", token: token)
            #expect(lambdaOnScalar.errorCode == "Request_UnsupportedQuery")
            let badVariable = try await client.graph(.get, "/users?$filter=identities/any(i:j/issuer%20eq%20'x')", token: token)
            #expect(badVariable.status == 400)
        }
    }

    @Test("createdDateTime compares with DateTimeOffset and Date literals")
    func dateLiterals() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let after = try await client.graph(.get, "/users?$filter=createdDateTime%20ge%202000-01-01T00:00:00Z", token: token)
            #expect(after.status == 200)
            #expect(names(after) == ["Ada Admin", "Max Member"])
            let before = try await client.graph(.get, "/users?$filter=createdDateTime%20le%202000-01-01", token: token)
            #expect(before.status == 200)
            #expect(names(before).isEmpty)
        }
    }

    @Test("real user properties TenantSim doesn't interpret can be selected, patched and read back")
    func profileProperties() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let selected = try await client.graph(.get, "/users?$select=id,displayName,department,signInActivity,onPremisesSyncEnabled", token: token)
            #expect(selected.status == 200)
            let first = (selected.json["value"] as? [[String: Any]])?.first
            #expect(first?.keys.sorted() == ["department", "displayName", "id", "onPremisesSyncEnabled", "signInActivity"])
            let patch = try await client.graph(
                .patch, "/users/member@contoso.com", token: token,
                json: ["department": "Sales", "employeeId": "E-1", "businessPhones": ["+1 555 0100"], "officeLocation": "B1"])
            #expect(patch.status == 204)
            let read = try await client.graph(
                .get, "/users/member@contoso.com?$select=department,employeeId,businessPhones,officeLocation", token: token)
            #expect(read.json["department"] as? String == "Sales")
            #expect(read.json["employeeId"] as? String == "E-1")
            #expect(read.json["businessPhones"] as? [String] == ["+1 555 0100"])
            let byDepartment = try await client.graph(.get, "/users?$filter=department%20eq%20'sales'&$select=displayName", token: token)
            #expect(names(byDepartment) == ["Max Member"])
            let cleared = try await client.graph(.patch, "/users/member@contoso.com", token: token, json: ["department": NSNull()])
            #expect(cleared.status == 204)
            let after = try await client.graph(.get, "/users/member@contoso.com?$select=department", token: token)
            #expect(after.json["department"] is NSNull)

            let before = try await api.engine.dump()
            let wrongType = try await client.graph(.patch, "/users/member@contoso.com", token: token, json: ["department": 7])
            #expect(wrongType.status == 400)
            #expect(wrongType.errorMessage == "Invalid value specified for property 'department' of resource 'User'.")
            let upn = try await client.graph(.patch, "/users/member@contoso.com", token: token, json: ["userPrincipalName": "x@contoso.com"])
            #expect(upn.status == 501)
            #expect(try await api.engine.dump() == before)
            let aboutMe = try await client.graph(.get, "/users?$select=aboutMe", token: token)
            #expect(aboutMe.status == 501)
            let aboutMeSingle = try await client.graph(.get, "/users/member@contoso.com?$select=aboutMe", token: token)
            #expect(aboutMeSingle.status == 200)
        }
    }

    @Test("assignLicense needs both parameters, at least one change, and only removes licences the user holds")
    func assignLicenseValidation() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let before = try await api.engine.dump()
            let path = "/users/admin@contoso.com/assignLicense"
            let noRemove = try await client.graph(
                .post, path, token: token, json: ["addLicenses": [["skuId": APIWorld.powerApps, "disabledPlans": []]]])
            #expect(noRemove.status == 400)
            #expect(noRemove.errorCode == "Request_BadRequest")
            #expect(
                noRemove.errorMessage
                    == "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: removeLicenses."
            )
            let empty = try await client.graph(.post, path, token: token, json: ["addLicenses": [], "removeLicenses": []])
            #expect(empty.status == 400)
            #expect(empty.errorMessage == "No license changes provided. At least one license to add or remove must be specified.")
            let notHeld = try await client.graph(.post, path, token: token, json: ["addLicenses": [], "removeLicenses": [APIWorld.powerApps]])
            #expect(notHeld.status == 400)
            #expect(notHeld.errorMessage == "User does not have a corresponding license.")
            #expect(try await api.engine.dump() == before)
        }
    }

    @Test("a deleted guest's address can be invited again, and user ids match in upper case")
    func reinviteAfterDeleteAndUppercaseIds() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let body: [String: Any] = ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"]
            let first = try await client.graph(.post, "/invitations", token: token, json: body)
            let firstId = try #require((first.json["invitedUser"] as? [String: Any])?["id"] as? String)
            let upper = try await client.graph(.get, "/users/\(firstId.uppercased())", token: token)
            #expect(upper.status == 200)
            #expect(upper.json["id"] as? String == firstId)
            let deleted = try await client.graph(.delete, "/users/\(firstId)", token: token)
            #expect(deleted.status == 204)
            let again = try await client.graph(.post, "/invitations", token: token, json: body)
            #expect(again.status == 201)
            let secondId = (again.json["invitedUser"] as? [String: Any])?["id"] as? String
            #expect(secondId != nil && secondId != firstId)
            let byUPN = try await client.graph(.get, "/users/pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", token: token)
            #expect(byUPN.json["id"] as? String == secondId)
        }
    }

    @Test("PATCH bodies with partial nested objects keep the members they leave out, as Microsoft's update examples do")
    func partialNestedPatches() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let policy = try await client.graph(
                .patch, "/policies/authorizationPolicy", token: token, json: ["defaultUserRolePermissions": ["allowedToCreateApps": false]])
            #expect(policy.status == 204)
            let read = try await client.graph(.get, "/policies/authorizationPolicy", token: token)
            let permissions = read.json["defaultUserRolePermissions"] as? [String: Any]
            #expect(permissions?["allowedToCreateApps"] as? Bool == false)
            #expect(permissions?["allowedToReadOtherUsers"] as? Bool == true)
            #expect(permissions?["permissionGrantPoliciesAssigned"] as? [String] == ["ManagePermissionGrantsForSelf.microsoft-user-default-legacy"])

            let trust = try await client.graph(
                .patch, "/policies/crossTenantAccessPolicy/default", token: token, json: ["inboundTrust": ["isMfaAccepted": true]])
            #expect(trust.status == 204)
            let outbound = try await client.graph(
                .patch, "/policies/crossTenantAccessPolicy/default", token: token,
                json: [
                    "b2bCollaborationOutbound": [
                        "usersAndGroups": [
                            "accessType": "blocked", "targets": [["target": "6f546279-4da5-4b53-a095-09ea0cef9971", "targetType": "group"]],
                        ]
                    ]
                ])
            #expect(outbound.status == 204)
            let defaults = try await client.graph(.get, "/policies/crossTenantAccessPolicy/default", token: token)
            let inbound = defaults.json["inboundTrust"] as? [String: Any]
            #expect(inbound?["isMfaAccepted"] as? Bool == true)
            #expect(inbound?["isCompliantDeviceAccepted"] as? Bool == false)
            let out = defaults.json["b2bCollaborationOutbound"] as? [String: Any]
            #expect((out?["usersAndGroups"] as? [String: Any])?["accessType"] as? String == "blocked")
            #expect((out?["applications"] as? [String: Any])?["accessType"] as? String == "allowed")

            // Microsoft's create example sets only the applications of a direct-connect block: the users stay unset (inherited).
            let documented = try await client.graph(
                .post, "/policies/crossTenantAccessPolicy/partners", token: token,
                json: [
                    "tenantId": APIWorld.high,
                    "b2bDirectConnectOutbound": [
                        "usersAndGroups": [
                            "accessType": "blocked", "targets": [["target": "6f546279-4da5-4b53-a095-09ea0cef9971", "targetType": "group"]],
                        ]
                    ],
                    "b2bDirectConnectInbound": [
                        "applications": ["accessType": "allowed", "targets": [["target": "Office365", "targetType": "application"]]]
                    ],
                ])
            #expect(documented.status == 201, "\(documented.text)")
            #expect(
                ((documented.json["b2bDirectConnectInbound"] as? [String: Any])?["applications"] as? [String: Any])?["accessType"] as? String
                    == "allowed")
            let created = try await client.graph(
                .post, "/policies/crossTenantAccessPolicy/partners", token: token,
                json: ["tenantId": APIWorld.fabrikam, "inboundTrust": ["isCompliantDeviceAccepted": true]])
            #expect(created.status == 201)
            #expect((created.json["inboundTrust"] as? [String: Any])?["isMfaAccepted"] as? Bool == true)
            #expect((created.json["inboundTrust"] as? [String: Any])?["isCompliantDeviceAccepted"] as? Bool == true)
            let consent = try await client.graph(
                .patch, "/policies/crossTenantAccessPolicy/partners/\(APIWorld.fabrikam)", token: token,
                json: ["automaticUserConsentSettings": ["inboundAllowed": true]])
            #expect(consent.status == 204)
            let partner = try await client.graph(.get, "/policies/crossTenantAccessPolicy/partners/\(APIWorld.fabrikam)", token: token)
            let settings = partner.json["automaticUserConsentSettings"] as? [String: Any]
            #expect(settings?["inboundAllowed"] as? Bool == true)
            #expect(settings?["outboundAllowed"] as? Bool == false)

            let before = try await api.engine.dump()
            let wrong = try await client.graph(
                .patch, "/policies/crossTenantAccessPolicy/default", token: token, json: ["inboundTrust": ["isMfaAccepted": "yes"]])
            #expect(wrong.status == 400)
            #expect(
                wrong.errorMessage == "Invalid value specified for property 'inboundTrust' of resource 'crossTenantAccessPolicyConfigurationDefault'."
            )
            #expect(try await api.engine.dump() == before)
        }
    }

    @Test("path names match in any letter case, keys work in OData parentheses, and every answer carries a client-request-id")
    func pathSpellings() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let upper = try await client.graph(.get, "/Users?$top=1", token: token)
            #expect(upper.status == 200)
            let skus = try await client.graph(.get, "/subscribedskus", token: token)
            #expect(skus.status == 200)
            let policy = try await client.graph(.get, "/policies/AuthorizationPolicy", token: token)
            #expect(policy.json["id"] as? String == "authorizationPolicy")
            let member = try await client.graph(.get, "/users/member@contoso.com", token: token)
            let id = try #require(member.json["id"] as? String)
            let keyed = try await client.graph(.get, "/users('\(id)')", token: token)
            #expect(keyed.status == 200)
            #expect(keyed.json["id"] as? String == id)
            let keyedUPN = try await client.graph(.get, "/users(%27member@contoso.com%27)/licenseDetails", token: token)
            #expect(keyedUPN.status == 200)
            #expect(upper.headers[.init("client-request-id")!] == upper.headers[.init("request-id")!])
            let echoed = try await client.graph(.get, "/users?$top=1", token: token, headers: ["client-request-id": "my-correlation"])
            #expect(echoed.headers[.init("client-request-id")!] == "my-correlation")
            let unknown = try await client.graph(.get, "/Userz", token: token)
            #expect(unknown.status == 501)
        }
    }

    @Test("memberOf lists a user's groups, transitively through nested groups; member casts, $select and $expand; /groups/$count counts")
    func membershipReads() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let groups = try await client.graph(.get, "/groups", token: token)
            let sales = try #require(
                ((groups.json["value"] as? [[String: Any]]) ?? []).first { $0["displayName"] as? String == "Sales Environment Users" }?["id"]
                    as? String)
            let minted = try await client.send(
                .post, "localhost", "/_tenantsim/tokens",
                json: ["tenant": APIWorld.contoso, "app": APIWorld.onboardingApp, "permissions": ["Group.ReadWrite.All"]])
            let groupWriter = try #require(minted.json["access_token"] as? String)
            let outer = try await client.graph(
                .post, "/groups", token: groupWriter,
                json: ["displayName": "All Partners", "mailNickname": "allpartners", "mailEnabled": false, "securityEnabled": true])
            let outerId = try #require(outer.json["id"] as? String)
            let member = try await client.graph(.get, "/users/member@contoso.com", token: token)
            let memberId = try #require(member.json["id"] as? String)
            let add = try await client.graph(
                .post, "/groups/\(sales)/members/$ref", token: token,
                json: ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(memberId)"])
            #expect(add.status == 204)
            let nest = try await client.graph(
                .post, "/groups/\(outerId)/members/$ref", token: token,
                json: ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(sales)"])
            #expect(nest.status == 204)

            let direct = try await client.graph(.get, "/users/\(memberId)/memberOf", token: token)
            #expect(direct.status == 200)
            #expect(names(direct) == ["Sales Environment Users"])
            #expect((direct.json["value"] as? [[String: Any]])?.first?["@odata.type"] as? String == "#microsoft.graph.group")
            let transitive = try await client.graph(.get, "/users/\(memberId)/transitiveMemberOf", token: token)
            #expect(names(transitive) == ["All Partners", "Sales Environment Users"])
            let cast = try await client.graph(
                .get, "/users/\(memberId)/transitiveMemberOf/microsoft.graph.group?$filter=startswith(displayName,'All')&$count=true", token: token,
                headers: Self.advanced)
            #expect(names(cast) == ["All Partners"], "\(cast.text)")
            #expect(cast.json["@odata.count"] as? Int == 1)
            let memberOfCount = try await client.graph(.get, "/users/\(memberId)/transitiveMemberOf/$count", token: token, headers: Self.advanced)
            #expect(memberOfCount.text == "2")
            let membersCount = try await client.graph(.get, "/groups/\(outerId)/members/$count", token: token, headers: Self.advanced)
            #expect(membersCount.text == "1")

            let users = try await client.graph(.get, "/groups/\(outerId)/members/microsoft.graph.user", token: token)
            #expect(users.status == 200)
            #expect(((users.json["value"] as? [Any]) ?? []).isEmpty)
            let nested = try await client.graph(.get, "/groups/\(outerId)/members/graph.group?$select=displayName", token: token)
            #expect(((nested.json["value"] as? [[String: Any]]) ?? []).map { $0.keys.sorted() } == [["displayName", "id"]])
            let filteredMembers = try await client.graph(
                .get, "/groups/\(sales)/members?$filter=startswith(displayName,'Max')&$count=true", token: token, headers: Self.advanced)
            #expect(names(filteredMembers) == ["Max Member"], "\(filteredMembers.text)")
            let noneMatch = try await client.graph(.get, "/groups/\(sales)/members?$filter=startswith(displayName,'Zed')", token: token)
            #expect(((noneMatch.json["value"] as? [Any]) ?? [1]).isEmpty)
            let selected = try await client.graph(.get, "/groups/\(sales)/members?$select=displayName", token: token)
            #expect(((selected.json["value"] as? [[String: Any]]) ?? []).first?.keys.sorted() == ["@odata.type", "displayName", "id"])

            let expandedUser = try await client.graph(
                .get, "/users/\(memberId)?$select=displayName&$expand=memberOf($select=displayName)", token: token)
            #expect(expandedUser.status == 200)
            #expect(
                ((expandedUser.json["memberOf"] as? [[String: Any]]) ?? []).compactMap { $0["displayName"] as? String } == ["Sales Environment Users"]
            )
            let expandedGroups = try await client.graph(.get, "/groups?$expand=members", token: token)
            let salesMembers =
                ((expandedGroups.json["value"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == sales }?["members"] as? [[String: Any]]
            #expect(salesMembers?.compactMap { $0["id"] as? String } == [memberId])
            let unsupported = try await client.graph(.get, "/users?$expand=manager", token: token)
            #expect(unsupported.status == 501)

            let m365 = try await client.graph(
                .post, "/groups", token: groupWriter,
                json: [
                    "displayName": "Partner Project", "mailNickname": "partnerproject", "mailEnabled": true, "securityEnabled": false,
                    "groupTypes": ["Unified"],
                ])
            #expect(m365.status == 201)
            let unified = try await client.graph(.get, "/groups?$filter=groupTypes/any(c:c%20eq%20'Unified')", token: token)
            #expect(unified.status == 200, "\(unified.text)")
            #expect(names(unified) == ["Partner Project"])
            let licenseErrors = try await client.graph(
                .get, "/groups?$filter=hasMembersWithLicenseErrors%20eq%20true&$select=id,displayName", token: token)
            #expect(licenseErrors.status == 200)
            // No group-based licensing in TenantSim: no group holds a licence.
            let licensedGroups = try await client.graph(
                .get, "/groups?$filter=assignedLicenses/any(x:x/skuId%20eq%20\(APIWorld.powerApps))", token: token)
            #expect(licensedGroups.status == 200)
            #expect(names(licensedGroups).isEmpty)

            let count = try await client.graph(.get, "/groups/$count", token: token, headers: Self.advanced)
            #expect(count.status == 200)
            #expect(count.text == "3")
            let noHeader = try await client.graph(.get, "/groups/$count", token: token)
            #expect(noHeader.errorCode == "Request_BadRequest")
        }
    }

    @Test("a JSON batch answers each request by id, in order, with 424 for a failed dependency, and changes what its requests change")
    func jsonBatch() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let batch: [String: Any] = [
                "requests": [
                    [
                        "id": "1", "method": "POST", "url": "/invitations", "headers": ["Content-Type": "application/json"],
                        "body": ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"],
                    ],
                    ["id": "2", "method": "GET", "url": "/users?$filter=userType%20eq%20'Guest'&$select=mail", "dependsOn": ["1"]],
                    ["id": "3", "method": "PATCH", "url": "/users/nobody@contoso.com", "body": ["usageLocation": "US"]],
                    ["id": "4", "method": "GET", "url": "users/member@contoso.com", "dependsOn": ["3"]],
                ]
            ]
            let reply = try await client.graph(.post, "/$batch", token: token, json: batch)
            #expect(reply.status == 200)
            let responses = (reply.json["responses"] as? [[String: Any]]) ?? []
            #expect(responses.compactMap { $0["id"] as? String } == ["1", "2", "3", "4"])
            #expect(responses.compactMap { $0["status"] as? Int } == [201, 200, 404, 424])
            let guests = ((responses[1]["body"] as? [String: Any])?["value"] as? [[String: Any]]) ?? []
            #expect(guests.compactMap { $0["mail"] as? String } == ["pat@fabrikam.com"])
            #expect(((responses[2]["body"] as? [String: Any])?["error"] as? [String: Any])?["code"] as? String == "Request_ResourceNotFound")

            let noToken = try await client.graph(.post, "/$batch", token: nil, json: ["requests": [["id": "1", "method": "GET", "url": "/users"]]])
            #expect(noToken.status == 401)
            #expect(noToken.errorCode == "InvalidAuthenticationToken")
            let tooMany = try await client.graph(
                .post, "/$batch", token: token, json: ["requests": (1...21).map { ["id": "\($0)", "method": "GET", "url": "/users"] }])
            #expect(tooMany.status == 400)
            let duplicate = try await client.graph(
                .post, "/$batch", token: token,
                json: ["requests": [["id": "a", "method": "GET", "url": "/users"], ["id": "a", "method": "GET", "url": "/users"]]])
            #expect(duplicate.status == 400)
        }
    }

    @Test("subscribedSkus honours $select, and a group's mail nickname follows Graph's character rules")
    func skuSelectAndNicknames() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let skus = try await client.graph(.get, "/subscribedSkus?$select=skuId,skuPartNumber", token: token)
            #expect(skus.status == 200)
            #expect(((skus.json["value"] as? [[String: Any]]) ?? []).first?.keys.sorted() == ["id", "skuId", "skuPartNumber"])
            #expect((skus.json["@odata.context"] as? String)?.hasSuffix("#subscribedSkus(skuId,skuPartNumber)") == true)
            let unknown = try await client.graph(.get, "/subscribedSkus?$select=nope", token: token)
            #expect(unknown.status == 400)

            let minted = try await client.send(
                .post, "localhost", "/_tenantsim/tokens",
                json: ["tenant": APIWorld.contoso, "app": APIWorld.onboardingApp, "permissions": ["Group.ReadWrite.All"]])
            let writer = try #require(minted.json["access_token"] as? String)
            let before = try await api.engine.dump()
            for nickname in ["g 5", "sales@x", "a(b)", String(repeating: "a", count: 65), "café"] {
                let reply = try await client.graph(
                    .post, "/groups", token: writer,
                    json: ["displayName": "G", "mailNickname": nickname, "mailEnabled": false, "securityEnabled": true])
                #expect(reply.status == 400, "\(nickname)")
                #expect(reply.errorMessage == "Invalid value specified for property 'mailNickname' of resource 'Group'.")
            }
            #expect(try await api.engine.dump() == before)
            let good = try await client.graph(
                .post, "/groups", token: writer,
                json: ["displayName": "G", "mailNickname": "sales-team_1", "mailEnabled": false, "securityEnabled": true])
            #expect(good.status == 201)
        }
    }

    @Test("the invitation answer carries every property of Microsoft's invitation-post example, with its null placeholders")
    func invitationShape() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let reply = try await client.graph(
                .post, "/invitations", token: token,
                json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapp.contoso.com"])
            #expect(reply.status == 201)
            #expect(
                reply.json.keys.sorted() == [
                    "@odata.context", "id", "inviteRedeemUrl", "inviteRedirectUrl", "invitedUser", "invitedUserDisplayName",
                    "invitedUserEmailAddress",
                    "invitedUserMessageInfo", "invitedUserType", "resetRedemption", "sendInvitationMessage", "status",
                ])
            #expect(reply.json["@odata.context"] as? String == "https://graph.microsoft.com/v1.0/$metadata#invitations/$entity")
            #expect(reply.json["status"] as? String == "PendingAcceptance")
            #expect(reply.json["invitedUserDisplayName"] is NSNull)
            let info = reply.json["invitedUserMessageInfo"] as? [String: Any]
            #expect(info?["messageLanguage"] is NSNull)
            let cc = (info?["ccRecipients"] as? [[String: Any]])?.first?["emailAddress"] as? [String: Any]
            #expect(cc?["name"] is NSNull && cc?["address"] is NSNull)
            #expect(
                ((reply.json["invitedUser"] as? [String: Any])?["userPrincipalName"] as? String) == "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com")
        }
    }

    @Test("a browser's CORS preflight is answered without a token, and answers to a page carry its origin")
    func corsPreflight() async throws {
        try await BothModes.run { client, _ in
            let preflight = try await client.send(
                .options, "graph.microsoft.com", "/v1.0/users",
                headers: [
                    "Origin": "https://app.contoso.com", "Access-Control-Request-Method": "GET",
                    "Access-Control-Request-Headers": "authorization,consistencylevel",
                ])
            #expect(preflight.status == 204)
            #expect(preflight.headers[.init("Access-Control-Allow-Origin")!] == "https://app.contoso.com")
            #expect(preflight.headers[.init("Access-Control-Allow-Headers")!] == "authorization,consistencylevel")
            #expect(preflight.headers[.init("Access-Control-Allow-Methods")!]?.contains("PATCH") == true)
            let token = try await client.token()
            let page = try await client.graph(.get, "/users?$top=1", token: token, headers: ["Origin": "https://app.contoso.com"])
            #expect(page.headers[.init("Access-Control-Allow-Origin")!] == "https://app.contoso.com")
            #expect(page.headers[.init("Access-Control-Expose-Headers")!]?.contains("request-id") == true)
        }
    }

    @Test("$search needs ConsistencyLevel, matches word prefixes of the named properties, combines with AND/OR and $filter")
    func search() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let without = try await client.graph(.get, "/users?$search=%22displayName:max%22", token: token)
            #expect(without.status == 400)
            #expect(
                without.errorMessage
                    == "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'")
            let byWord = try await client.graph(.get, "/users?$search=%22displayName:mem%22", token: token, headers: Self.advanced)
            #expect(byWord.status == 200, "\(byWord.text)")
            #expect(names(byWord) == ["Max Member"])
            let either = try await client.graph(
                .get, "/users?$search=%22displayName:ada%22%20OR%20%22displayName:max%22&$count=true", token: token, headers: Self.advanced)
            #expect(names(either) == ["Ada Admin", "Max Member"])
            #expect(either.json["@odata.count"] as? Int == 2)
            let both = try await client.graph(
                .get, "/users?$search=%22displayName:ada%22%20AND%20%22userPrincipalName:admin%22", token: token, headers: Self.advanced)
            #expect(names(both) == ["Ada Admin"])
            let neither = try await client.graph(
                .get, "/users?$search=%22displayName:ada%22%20AND%20%22userPrincipalName:member%22", token: token, headers: Self.advanced)
            #expect(names(neither).isEmpty)
            let filtered = try await client.graph(
                .get, "/users?$search=%22displayName:a%22&$filter=displayName%20eq%20'Ada%20Admin'", token: token, headers: Self.advanced)
            #expect(names(filtered) == ["Ada Admin"])
            let unknown = try await client.graph(.get, "/users?$search=%22colour:red%22", token: token, headers: Self.advanced)
            #expect(unknown.errorCode == "Request_UnsupportedQuery")
            let malformed = try await client.graph(.get, "/users?$search=displayName:ada", token: token, headers: Self.advanced)
            #expect(malformed.status == 400)
            let groups = try await client.graph(.get, "/groups?$search=%22displayName:sales%22", token: token, headers: Self.advanced)
            #expect(names(groups) == ["Sales Environment Users"])
        }
    }

    @Test("PATCH /me changes the signed-in user's own self-service properties; their name needs an admin role")
    func patchMe() async throws {
        try await BothModes.run { client, _ in
            let minted = try await client.send(
                .post, "localhost", "/_tenantsim/tokens",
                json: ["tenant": APIWorld.contoso, "user": "member@contoso.com", "scopes": ["User.ReadWrite"]])
            let token = try #require(minted.json["access_token"] as? String)
            let own = try await client.graph(.patch, "/me", token: token, json: ["mobilePhone": "+1 555 0100", "officeLocation": "B1"])
            #expect(own.status == 204, "\(own.text)")
            let me = try await client.graph(.get, "/me?$select=mobilePhone,officeLocation", token: token)
            #expect(me.json["mobilePhone"] as? String == "+1 555 0100")
            let name = try await client.graph(.patch, "/me", token: token, json: ["displayName": "Maximilian"])
            #expect(name.status == 403)
            #expect(name.errorCode == "Authorization_RequestDenied")
            #expect(name.ruleId == "directory.user.update-not-allowed")
            let app = try await client.token()
            let appOnly = try await client.graph(.patch, "/me", token: app, json: ["mobilePhone": "x"])
            #expect(appOnly.status == 400)
        }
    }
}
