"""Interop: delegated (password grant) tokens through MSAL and azure-identity, and local JWT validation.

MSAL's password flow first calls user realm discovery at `https://<host>/common/userrealm/<user>`,
built from the authority's host name *without its port* (msal/authority.py). Against TenantSim on
port 443 that call simply works; on the test server's random port the MSAL test routes port-less
`https://127.0.0.1/...` requests to the server (as port 443 would), so the realm call really
happens. The azure-identity test uses the one-line workaround the README documents instead
(`Authority._domains_without_user_realm_discovery.add("127.0.0.1")`).
"""

from __future__ import annotations

import warnings

import jwt
import msal
import pytest
import requests
from requests.adapters import HTTPAdapter

from conftest import CONTOSO_TENANT_ID, GRAPH_SCOPE, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET

MAYA = "maya@contoso.com"
MAYA_PASSWORD = "Contoso-Maya-2025!"  # fixtures/contoso.yaml


class PortlessTo(HTTPAdapter):
    """Sends `https://127.0.0.1/...` (no port, i.e. 443) to the test server, recording the paths."""

    def __init__(self, base_url: str):
        super().__init__()
        self.base_url = base_url
        self.rewritten: list[str] = []

    def send(self, request, **kwargs):
        if request.url.startswith("https://127.0.0.1/"):
            request.url = self.base_url + request.url[len("https://127.0.0.1"):]
            self.rewritten.append(request.url)
        return super().send(request, **kwargs)


def _session(server) -> tuple[requests.Session, PortlessTo]:
    session = requests.Session()
    session.verify = server.ca_bundle
    adapter = PortlessTo(server.base_url)
    session.mount("https://", adapter)
    return session, adapter


def test_msal_password_grant_then_accounts_and_silent_refresh(tenantsim_server):
    msal.authority.Authority._domains_without_user_realm_discovery.discard("127.0.0.1")
    session, adapter = _session(tenantsim_server)
    app = msal.PublicClientApplication(
        ONBOARDING_CLIENT_ID,
        authority=f"{tenantsim_server.base_url}/{CONTOSO_TENANT_ID}",
        instance_discovery=False,
        http_client=session,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # MSAL discourages ROPC; scripts still use it
        result = app.acquire_token_by_username_password(MAYA, MAYA_PASSWORD, scopes=["User.Read"])
        wrong = app.acquire_token_by_username_password(MAYA, "not-her-password", scopes=["User.Read"])
    assert "access_token" in result, result
    assert any("/common/userrealm/maya@contoso.com" in url for url in adapter.rewritten), adapter.rewritten
    assert result["id_token_claims"]["preferred_username"] == MAYA
    assert result["id_token_claims"]["tid"] == CONTOSO_TENANT_ID

    accounts = app.get_accounts()
    assert [account["username"] for account in accounts] == [MAYA]
    cached = app.acquire_token_silent(["User.Read"], account=accounts[0])
    assert cached and cached["access_token"] == result["access_token"]
    refreshed = app.acquire_token_silent(["User.Read"], account=accounts[0], force_refresh=True)
    assert refreshed and "access_token" in refreshed, refreshed
    assert refreshed["access_token"] != result["access_token"]

    me = session.get(f"{tenantsim_server.graph_url}/me", headers={"Authorization": f"Bearer {refreshed['access_token']}"})
    assert me.status_code == 200, me.text
    assert me.json()["userPrincipalName"] == MAYA

    assert wrong["error"] == "invalid_grant"
    assert 50126 in wrong["error_codes"]


def test_azure_identity_username_password_credential(tenantsim_server):
    from azure.identity import UsernamePasswordCredential

    msal.authority.Authority._domains_without_user_realm_discovery.add("127.0.0.1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        credential = UsernamePasswordCredential(
            ONBOARDING_CLIENT_ID,
            MAYA,
            MAYA_PASSWORD,
            tenant_id=CONTOSO_TENANT_ID,
            authority=tenantsim_server.authority,
            disable_instance_discovery=True,
            connection_verify=tenantsim_server.ca_bundle,
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        token = credential.get_token("https://graph.microsoft.com/User.Read")
        again = credential.get_token("https://graph.microsoft.com/User.Read")
    me = requests.get(
        f"{tenantsim_server.graph_url}/me", headers={"Authorization": f"Bearer {token.token}"}, verify=tenantsim_server.ca_bundle
    )
    assert me.status_code == 200, me.text
    assert me.json()["userPrincipalName"] == MAYA
    # Silent: the second call comes from MSAL's cache (or its refresh token).
    assert again.token


def test_tokens_validate_locally_against_the_jwks_on_wall_clock_time(tenantsim_server, credential):
    token = credential.get_token(GRAPH_SCOPE).token
    keys = requests.get(
        f"{tenantsim_server.base_url}/{CONTOSO_TENANT_ID}/discovery/v2.0/keys", verify=tenantsim_server.ca_bundle
    ).json()
    header = jwt.get_unverified_header(token)
    key = next(jwt.PyJWK(entry) for entry in keys["keys"] if entry["kid"] == header["kid"])
    claims = jwt.decode(
        token,
        key.key,
        algorithms=["RS256"],
        audience="https://graph.microsoft.com",
        issuer=f"https://login.microsoftonline.com/{CONTOSO_TENANT_ID}/v2.0",
    )
    assert claims["tid"] == CONTOSO_TENANT_ID


def test_common_authority_resolves_and_client_credentials_there_answer_aadsts50059(tenantsim_server):
    session, _ = _session(tenantsim_server)
    app = msal.ConfidentialClientApplication(
        ONBOARDING_CLIENT_ID,
        client_credential=ONBOARDING_SECRET,
        authority=f"{tenantsim_server.base_url}/common",
        instance_discovery=False,
        http_client=session,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        result = app.acquire_token_for_client([GRAPH_SCOPE])
    assert result["error"] == "invalid_request", result
    assert result["error_codes"] == [50059]
    assert result["error_description"].startswith("AADSTS50059:")
