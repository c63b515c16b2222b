import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// `teams`, `teams(id)/teamroles_association` and `businessunits` on the Dataverse Web API.
extension DataverseRequest {
    static let teamColumns: Set<String> = [
        "teamid", "name", "teamtype", "azureactivedirectoryobjectid", "membershiptype", "description", "isdefault", "_businessunitid_value",
        "createdon", "modifiedon",
    ]

    static let businessUnitColumns: Set<String> = ["businessunitid", "name", "_parentbusinessunitid_value"]

    func teamJSON(_ team: DataverseTeam) -> [String: JSONValue] {
        [
            "teamid": .string(team.id.rawValue), "name": .string(team.name), "teamtype": .int(team.teamType.rawValue),
            "azureactivedirectoryobjectid": .optional(team.groupId?.rawValue), "membershiptype": .int(team.membershipType.rawValue),
            "description": .optional(team.teamDescription), "isdefault": .bool(team.isDefault),
            "_businessunitid_value": .string(businessUnitId), "createdon": APIResponse.dateTime(team.createdOn),
            "modifiedon": APIResponse.dateTime(team.modifiedOn),
        ]
    }

    func findTeam(_ key: String) async throws -> DataverseTeam {
        guard let team = try await api.engine.teams(in: environment.id).first(where: { $0.id.rawValue == key }) else {
            throw TenantError(status: 404, code: "0x80040217", message: "team With Id = \(key) Does Not Exist", surface: .dataverse)
        }
        return team
    }

    func listTeams() async throws -> Response {
        let rows = try await api.engine.teams(in: environment.id).map(teamJSON)
        return try collection("teams", entity: "team", rows: rows, selectable: Self.teamColumns, key: "teamid")
    }

    func getTeam(_ key: String) async throws -> Response {
        try entity("teams", teamJSON(try await findTeam(key)), selectable: Self.teamColumns, key: "teamid")
    }

    /// `POST teams`: an owner or access team, or an Entra group team (`teamtype` 2 or 3 with
    /// `azureactivedirectoryobjectid` and `membershiptype`).
    func createTeam() async throws -> Response {
        let body = try await DataverseBody.read(request, context: context, entity: "team")
        try body.allowOnly(["name", "teamtype", "azureactivedirectoryobjectid", "membershiptype", "description"])
        try checkBusinessUnitBinding(body)
        let draft = TeamDraft(
            name: try body.string("name") ?? "", teamType: try body.option("teamtype") ?? .owner,
            groupId: try body.string("azureactivedirectoryobjectid"), membershipType: try body.option("membershiptype") ?? .membersAndGuests,
            teamDescription: try body.string("description"))
        let team = try await api.engine.createTeam(draft, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return created("teams", id: team.id.rawValue, representation: teamJSON(team))
    }

    /// `PATCH teams(id)`: name, description, membership type.
    func updateTeam(_ key: String) async throws -> Response {
        let team = try await findTeam(key)
        let body = try await DataverseBody.read(request, context: context, entity: "team")
        try body.allowOnly(["name", "membershiptype", "description"])
        let changes = TeamChanges(
            name: try body.string("name"), membershipType: try body.option("membershiptype"),
            teamDescription: body.has("description") ? .some(try body.string("description")) : nil)
        let updated = try await api.engine.updateTeam(team.id, changes, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return updatedResponse("teams", representation: teamJSON(updated))
    }

    func listTeamRoles(_ key: String) async throws -> Response {
        let team = try await findTeam(key)
        let names = try await api.engine.teamRoleNames(in: environment.id)[team.id] ?? []
        let rows = try await roleRows().filter { names.contains($0["name"]?.stringValue ?? "") }
        return try collection("roles", entity: "role", rows: rows, selectable: Self.roleColumns, key: "roleid")
    }

    func associateTeamRole(_ key: String) async throws -> Response {
        let team = try await findTeam(key)
        let roleId = try await referencedRoleId()
        try await api.engine.assignTeamRole(roleId, to: team.id, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return APIResponse.noContent(headers: [.init("OData-Version")!: "4.0"])
    }

    func disassociateTeamRole(_ key: String, roleReference: String) async throws -> Response {
        let team = try await findTeam(key)
        guard let roleId = Self.roleId(roleReference) else {
            throw TenantError(status: 400, code: "0x80060888", message: "Can't read a role id from '\(roleReference)'.", surface: .dataverse)
        }
        try await api.engine.removeTeamRole(roleId, from: team.id, in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return APIResponse.noContent(headers: [.init("OData-Version")!: "4.0"])
    }

    /// The role id of a `$ref` body: `{"@odata.id": "…/roles(<id>)"}`.
    func referencedRoleId() async throws -> String {
        let body = try await JSONBody.read(request, context: context, resource: "role")
        guard case .string(let reference)? = body.object["@odata.id"], let roleId = Self.roleId(reference) else {
            throw TenantError(
                status: 400, code: "0x80060888", message: "The body needs {\"@odata.id\": \"<org>/api/data/v9.2/roles(<roleid>)\"}.",
                surface: .dataverse)
        }
        return roleId
    }

    func listBusinessUnits() throws -> Response {
        let row: [String: JSONValue] = [
            "businessunitid": .string(businessUnitId), "name": .string(environment.businessUnitName), "_parentbusinessunitid_value": .null,
        ]
        return try collection("businessunits", entity: "businessunit", rows: [row], selectable: Self.businessUnitColumns, key: "businessunitid")
    }

    /// A `…@odata.bind` to a business unit must name the environment's one.
    func checkBusinessUnitBinding(_ body: DataverseBody) throws {
        guard let binding = body.object["businessunitid@odata.bind"] ?? body.object["parentbusinessunitid@odata.bind"] else { return }
        guard case .string(let reference) = binding, let open = reference.lastIndex(of: "("), reference.hasSuffix(")") else {
            throw TenantError(
                status: 400, code: "0x80060888", message: "businessunitid@odata.bind must be '/businessunits(<id>)'.", surface: .dataverse)
        }
        let id = reference[reference.index(after: open)..<reference.index(before: reference.endIndex)].lowercased()
        guard id == businessUnitId else {
            throw TenantError(status: 404, code: "0x80040217", message: "businessunit With Id = \(id) Does Not Exist", surface: .dataverse)
        }
    }
}
