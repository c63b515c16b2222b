# Python: Microsoft's Graph SDK with azure-identity; only the authority, instance discovery and base URL change.
import asyncio, os
from azure.identity.aio import ClientSecretCredential
from msgraph import GraphServiceClient

B = os.environ.get("TENANTSIM_URL", "https://127.0.0.1:8443")


async def main():
    credential = ClientSecretCredential(
        "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50", "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10", "tenantsim-onboarding-secret",
        authority=B, disable_instance_discovery=True)
    client = GraphServiceClient(credential, scopes=["https://graph.microsoft.com/.default"])
    client.request_adapter.base_url = f"{B}/graph.microsoft.com/v1.0"
    organization = await client.organization.get()
    print(organization.value[0].display_name)
    await credential.close()

asyncio.run(main())
