# Azure CLI: a custom cloud on TenantSim's prefix URLs, instance discovery off, a private config dir.
B=${TENANTSIM_URL:-https://127.0.0.1:8443}
export REQUESTS_CA_BUNDLE=${TENANTSIM_CA:-.tenantsim/state.sqlite.tls/bundle.pem}
export AZURE_CONFIG_DIR=${AZURE_CONFIG_DIR:-$PWD/.tenantsim/azure}
export AZURE_CORE_INSTANCE_DISCOVERY=false AZURE_CORE_COLLECT_TELEMETRY=false AZURE_CORE_ONLY_SHOW_ERRORS=true
az cloud register --name TenantSim --skip-endpoint-discovery \
  --endpoint-active-directory "$B/login.microsoftonline.com" \
  --endpoint-resource-manager "$B/management.azure.com/" \
  --endpoint-active-directory-resource-id https://management.core.windows.net/ \
  --endpoint-microsoft-graph-resource-id "$B/graph.microsoft.com/"
az cloud set --name TenantSim
az login --service-principal -u 3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10 -p tenantsim-onboarding-secret \
  --tenant 6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50 --allow-no-subscriptions -o none
az ad user show --id maya@contoso.com --query userPrincipalName -o tsv
MAYA=$(az ad user show --id maya@contoso.com --query id -o tsv)
az ad group member check --group "Sales Environment Users" --member-id "$MAYA" --query value -o tsv
# az rest on Graph names Graph's resource: in prefix mode Graph and Resource Manager share one origin.
az rest --url "$B/graph.microsoft.com/v1.0/organization" --resource https://graph.microsoft.com --query "value[0].displayName" -o tsv
