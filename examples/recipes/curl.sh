# curl: a client-credentials token, then the members of Contoso.
B=${TENANTSIM_URL:-https://127.0.0.1:8443}                    # the banner's base URL
CA=${TENANTSIM_CA:-.tenantsim/state.sqlite.tls/bundle.pem}    # the banner's CA bundle
T=6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50                        # Contoso
TOKEN=$(curl -s --cacert "$CA" "$B/login.microsoftonline.com/$T/oauth2/v2.0/token" \
  -d grant_type=client_credentials -d client_id=3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10 \
  -d client_secret=tenantsim-onboarding-secret -d scope=https://graph.microsoft.com/.default | jq -r .access_token)
curl -s --fail-with-body --cacert "$CA" -H "Authorization: Bearer $TOKEN" \
  "$B/graph.microsoft.com/v1.0/users?\$filter=userType%20eq%20'Member'&\$select=userPrincipalName" | jq -r '.value[].userPrincipalName'
