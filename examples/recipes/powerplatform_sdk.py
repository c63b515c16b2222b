# Python: the Power Platform API SDK (powerplatform-management), built as Microsoft's RBAC tutorial builds it.
import asyncio, os
from azure.identity.aio import ClientSecretCredential
from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
from kiota_http.httpx_request_adapter import HttpxRequestAdapter
from mspp_management.service_client_base import ServiceClientBase

B = os.environ.get("TENANTSIM_URL", "https://127.0.0.1:8443")


async def main():
    credential = ClientSecretCredential(
        "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50", "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10", "tenantsim-onboarding-secret",
        authority=B, disable_instance_discovery=True)
    adapter = HttpxRequestAdapter(AzureIdentityAuthenticationProvider(credential, scopes=["https://api.powerplatform.com/.default"]))
    adapter.base_url = f"{B}/api.powerplatform.com"
    environments = await ServiceClientBase(adapter).environmentmanagement.environments.get()
    for environment in environments.value:
        print(environment.display_name)
    await credential.close()

asyncio.run(main())
