import Foundation
import TenantModel

/// The admin API's environment object (domain-facts §8.2).
enum EnvironmentRepresentation {
    static func json(_ environment: PowerPlatformEnvironment, tenant: Tenant) -> JSONValue {
        var properties: [String: JSONValue] = [
            "azureRegion": .string(environment.region), "displayName": .string(environment.displayName),
            "description": .string(""), "createdTime": APIResponse.dateTime(environment.createdDateTime),
            "createdBy": .object([
                "id": .optional(environment.createdBy?.rawValue), "displayName": .string("SYSTEM"), "type": .string("NotSpecified"),
                "tenantId": .string(tenant.id.rawValue),
            ]),
            "lastModifiedTime": APIResponse.dateTime(environment.createdDateTime), "provisioningState": .string("Succeeded"),
            "creationType": .string(environment.isDefault ? "DefaultTenant" : "User"),
            "environmentSku": .string(environment.sku.rawValue), "isDefault": .bool(environment.isDefault),
            "clientUris": .object([
                "admin": .string("https://admin.powerplatform.microsoft.com/environments/environmentPage/\(environment.id)/hub"),
                "maker": .string("https://\(environment.cloud.makerPortalHost)/environments/\(environment.id)/home"),
            ]),
            "runtimeEndpoints": .object([:]), "capacity": .array([]), "addons": .array([]),
            "states": .object(["management": .object(["id": .string("Ready")]), "runtime": .object(["id": .string("Enabled")])]),
            "retentionPeriod": .string("SevenDays"), "protectionStatus": .object(["keyManagedBy": .string("Microsoft")]),
            "connectedGroups": .array([]), "governanceConfiguration": .object(["protectionLevel": .string("Basic")]),
        ]
        if environment.hasDataverse, let org = environment.organizationName, let url = environment.instanceURL {
            properties["databaseType"] = .string("CommonDataService")
            var linked: [String: JSONValue] = [
                "resourceId": .string(environment.id.rawValue), "friendlyName": .string(environment.displayName),
                "uniqueName": .string(org), "domainName": .string(org), "version": .string("9.2.24111.00000"),
                "instanceUrl": .string(url + "/"), "instanceApiUrl": .string("https://\(environment.instanceAPIHost ?? "")/"),
                "baseLanguage": .int(1033), "instanceState": .string("Ready"), "createdTime": APIResponse.dateTime(environment.createdDateTime),
                "backgroundOperationsState": .string("Enabled"), "scaleGroup": .string("NAMCRMSG01"), "platformSku": .string("Standard"),
            ]
            if let group = environment.securityGroupId { linked["securityGroupId"] = .string(group.rawValue) }
            properties["linkedEnvironmentMetadata"] = .object(linked)
        } else {
            properties["databaseType"] = .string("None")
        }
        return .object([
            "id": .string("/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/\(environment.id)"),
            "type": .string("Microsoft.BusinessAppPlatform/scopes/environments"), "location": .string(environment.region),
            "name": .string(environment.id.rawValue), "properties": .object(properties),
        ])
    }
}
