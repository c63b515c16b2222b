"""Interop: the Power Platform API SDK (`powerplatform-management`) against `tenantsim serve`.

Built as Microsoft's RBAC tutorial builds it (Kiota adapter, azure-identity credential, scope
`https://api.powerplatform.com/.default`); only the adapter's base URL (prefix mode), the
credential's authority and the CA change. The SDK registers no error classes for these calls, so a
refusal is a plain `APIError` carrying the status code.

The SDK has no "add user to environment" call (that is the admin API's `addUser`); a guest invited
through Graph is given a role on the environment through an environment-scoped role assignment,
and the admin API adds guests to Dataverse in test_graph_sdk.py.
"""

from __future__ import annotations

import asyncio
import ssl

import httpx
import pytest
from azure.identity.aio import ClientSecretCredential
from kiota_abstractions.api_error import APIError
from kiota_authentication_azure.azure_identity_authentication_provider import AzureIdentityAuthenticationProvider
from kiota_http.httpx_request_adapter import HttpxRequestAdapter
from kiota_http.kiota_client_factory import KiotaClientFactory
from mspp_management.models.role_assignment_request import RoleAssignmentRequest
from mspp_management.service_client_base import ServiceClientBase

from conftest import CONTOSO_TENANT_ID, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET, READER_CLIENT_ID, READER_SECRET

SCOPE = "https://api.powerplatform.com/.default"
CONTRIBUTOR = "ff954d61-a89a-4fbe-ace9-01c367b89f87"


def _run(coroutine):
    return asyncio.run(coroutine)


async def _with_client(server, body, client_id=ONBOARDING_CLIENT_ID, secret=ONBOARDING_SECRET):
    credential = ClientSecretCredential(
        CONTOSO_TENANT_ID, client_id, secret, authority=server.authority, disable_instance_discovery=True,
        connection_verify=server.ca_bundle,
    )
    try:
        auth = AzureIdentityAuthenticationProvider(credential, scopes=[SCOPE])
        http = KiotaClientFactory.create_with_default_middleware(
            client=httpx.AsyncClient(verify=ssl.create_default_context(cafile=server.ca_bundle))
        )
        adapter = HttpxRequestAdapter(auth, http_client=http)
        adapter.base_url = f"{server.base_url}/api.powerplatform.com"
        return await body(ServiceClientBase(adapter))
    finally:
        await credential.close()


def test_environments_are_listed_and_read(tenantsim_server):
    async def body(client):
        listed = await client.environmentmanagement.environments.get()
        sales = next(e for e in listed.value if e.display_name == "Contoso Sales")
        one = await client.environmentmanagement.environments.by_environment_id(sales.id).get()
        return sales, one

    sales, one = _run(_with_client(tenantsim_server, body))
    assert one.id == sales.id
    assert one.url.rstrip("/").endswith("contoso.crm.dynamics.com")
    assert one.tenant_id == CONTOSO_TENANT_ID


def test_an_unknown_environment_is_404(tenantsim_server):
    async def body(client):
        await client.environmentmanagement.environments.by_environment_id("00000000-0000-0000-0000-000000000000").get()

    with pytest.raises(APIError) as raised:
        _run(_with_client(tenantsim_server, body))
    assert raised.value.response_status_code == 404


def test_a_guest_is_given_a_role_on_the_environment_and_it_is_listed(tenantsim_server):
    async def body(client):
        environments = await client.environmentmanagement.environments.get()
        sales = next(e for e in environments.value if e.display_name == "Contoso Sales")
        definitions = await client.authorization.role_definitions.get()
        assert CONTRIBUTOR in {d.role_definition_id for d in definitions.value}
        guest = await _invited_guest(tenantsim_server, "robin@fabrikam.com")
        request = RoleAssignmentRequest(
            principal_object_id=guest["id"], principal_type="User", role_definition_id=CONTRIBUTOR,
            scope=f"/tenants/{CONTOSO_TENANT_ID}/environments/{sales.id}",
        )
        environment = client.authorization.environments.by_environment_id(sales.id)
        created = await environment.role_assignments.post(request)
        listed = await environment.role_assignments.get()
        return guest, created.value[0], listed.value

    guest, created, listed = _run(_with_client(tenantsim_server, body))
    assert guest["userType"] == "Guest"
    assert created.principal_object_id == guest["id"]
    assert created.role_definition_id == CONTRIBUTOR
    assert created.role_assignment_id in {a.role_assignment_id for a in listed}


def test_an_app_that_is_not_a_management_app_cannot_assign_roles(tenantsim_server):
    async def body(client):
        request = RoleAssignmentRequest(
            principal_object_id=READER_CLIENT_ID, principal_type="ApplicationUser", role_definition_id=CONTRIBUTOR,
            scope=f"/tenants/{CONTOSO_TENANT_ID}",
        )
        await client.authorization.role_assignments.post(request)

    with pytest.raises(APIError) as raised:
        _run(_with_client(tenantsim_server, body, READER_CLIENT_ID, READER_SECRET))
    assert raised.value.response_status_code == 403


async def _invited_guest(server, address):
    """Invites `address` into Contoso through Graph (as an onboarding script does) and returns the guest user."""
    credential = ClientSecretCredential(
        CONTOSO_TENANT_ID, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET, authority=server.authority,
        disable_instance_discovery=True, connection_verify=server.ca_bundle,
    )
    try:
        token = (await credential.get_token("https://graph.microsoft.com/.default")).token
    finally:
        await credential.close()
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(verify=ssl.create_default_context(cafile=server.ca_bundle)) as http:
        invitation = await http.post(
            f"{server.graph_url}/invitations", headers=headers,
            json={"invitedUserEmailAddress": address, "inviteRedirectUrl": "https://myapps.microsoft.com", "sendInvitationMessage": False},
        )
        assert invitation.status_code == 201, invitation.text
        user = await http.get(f"{server.graph_url}/users/{invitation.json()['invitedUser']['id']}?$select=id,userType", headers=headers)
    return user.json()
