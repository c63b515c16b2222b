#!/bin/sh
# Give guests the Environment Maker role in an environment without Dataverse, through the Power
# Platform admin API (modifyRoleAssignments) — the guest-maker step an admin scripts with curl:
#
#   sh examples/make_maker.sh "Contoso Apps" pat@fabrikam.com [more guest addresses…]
#
# Client credentials of an app registration that is a Power Platform administrator, and the
# endpoints, come from the environment (a TenantSim run: step sets them; against Microsoft, set
# AZURE_AUTHORITY_HOST=https://login.microsoftonline.com, TENANTSIM_GRAPH_URL=https://graph.microsoft.com/v1.0,
# TENANTSIM_ADMIN_API_URL=https://api.bap.microsoft.com and TENANTSIM_ADMIN_API_SCOPE=https://service.powerapps.com/.default):
#   AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, TENANTSIM_CA_BUNDLE (optional).
# Needs curl and jq.
set -eu
environment_name=$1
shift
ca=${TENANTSIM_CA_BUNDLE:+--cacert $TENANTSIM_CA_BUNDLE}

token() {
    curl -sS --fail-with-body $ca -X POST "$AZURE_AUTHORITY_HOST/$AZURE_TENANT_ID/oauth2/v2.0/token" \
        -d grant_type=client_credentials -d "client_id=$AZURE_CLIENT_ID" \
        --data-urlencode "client_secret=$AZURE_CLIENT_SECRET" --data-urlencode "scope=$1" | jq -er .access_token
}

graph=$(token "https://graph.microsoft.com/.default")
admin=$(token "$TENANTSIM_ADMIN_API_SCOPE")
bap="$TENANTSIM_ADMIN_API_URL/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments"

environment=$(curl -sS --fail-with-body $ca -H "Authorization: Bearer $admin" "$bap?api-version=2016-11-01" |
    jq -er --arg name "$environment_name" '.value[] | select(.properties.displayName == $name) | .name')
echo "environment $environment_name: $environment"

for address in "$@"; do
    id=$(curl -sS --fail-with-body $ca -G -H "Authorization: Bearer $graph" "$TENANTSIM_GRAPH_URL/users" \
        --data-urlencode "\$filter=mail eq '$address'" --data-urlencode '$select=id' | jq -er '.value[0].id')
    body=$(jq -n --arg id "$id" '{add: [{properties: {roleDefinition: {id: "EnvironmentMaker"}, principal: {id: $id, type: "User"}}}]}')
    curl -sS --fail-with-body $ca -X POST -H "Authorization: Bearer $admin" -H "Content-Type: application/json" \
        "$bap/$environment/modifyRoleAssignments?api-version=2016-11-01" -d "$body" >/dev/null
    echo "$address ($id): Environment Maker in $environment_name"
done
