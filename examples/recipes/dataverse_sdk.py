# Python: Microsoft's Dataverse SDK; the environment URL is the prefix URL, and the SDK asks for <url>/.default.
import os
from azure.identity import ClientSecretCredential
from PowerPlatform.Dataverse.client import DataverseClient

B = os.environ.get("TENANTSIM_URL", "https://127.0.0.1:8443")
credential = ClientSecretCredential(
    "6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50", "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10", "tenantsim-onboarding-secret",
    authority=B, disable_instance_discovery=True)
with DataverseClient(f"{B}/contoso.crm.dynamics.com", credential) as client:
    for user in client.records.list("systemuser", select=["domainname"], filter="domainname eq 'maya@contoso.com'"):
        print(user["domainname"])
