# Python: plain MSAL, a confidential client with instance discovery off.
import os
import msal

B = os.environ.get("TENANTSIM_URL", "https://127.0.0.1:8443")
app = msal.ConfidentialClientApplication(
    "3f6a9c2e-7b1d-4e8f-a5c3-9d2b4f6e8a10", client_credential="tenantsim-onboarding-secret",
    authority=f"{B}/6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50", instance_discovery=False)
result = app.acquire_token_for_client(scopes=["https://service.powerapps.com//.default"])
print(result["token_type"], result["expires_in"] > 0)
