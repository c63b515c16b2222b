"""Interop: Microsoft's Dataverse SDK (`PowerPlatform-Dataverse-Client`) against `tenantsim serve`.

The client is built exactly as Microsoft's README shows, with only the environment URL (prefix
mode: `https://127.0.0.1:PORT/contoso.crm.dynamics.com`), the credential's authority and the CA
changed. The SDK derives its token scope from that URL (`<base_url>/.default`); TenantSim maps it
to the Dataverse instance, so the token it issues is the one the Web API accepts.

The SDK has no call for N:N associations or for WhoAmI, so those two use `requests` with a token
from the same credential for the same scope, as scripts written for the real service do.
"""

from __future__ import annotations

import pytest
import requests
from azure.identity import ClientSecretCredential
from PowerPlatform.Dataverse.client import DataverseClient
from PowerPlatform.Dataverse.core.errors import HttpError

from conftest import CONTOSO_TENANT_ID, DATAVERSE_HOST, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET, READER_CLIENT_ID, READER_SECRET

SALES_GROUP_NAME = "Sales Environment Users"


def _credential(server, client_id=ONBOARDING_CLIENT_ID, secret=ONBOARDING_SECRET):
    return ClientSecretCredential(
        CONTOSO_TENANT_ID, client_id, secret, authority=server.authority, disable_instance_discovery=True,
        connection_verify=server.ca_bundle,
    )


@pytest.fixture(scope="module")
def environment_url(tenantsim_server):
    return f"{tenantsim_server.base_url}/{DATAVERSE_HOST}"


@pytest.fixture(scope="module")
def dataverse(tenantsim_server, environment_url):
    credential = _credential(tenantsim_server)
    with DataverseClient(environment_url, credential) as client:
        yield client


@pytest.fixture(scope="module")
def web_api(tenantsim_server, environment_url):
    """A requests session with the SDK's own token (scope `<environment url>/.default`)."""
    token = _credential(tenantsim_server).get_token(f"{environment_url}/.default").token
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "OData-Version": "4.0", "Accept": "application/json"})
    session.verify = tenantsim_server.ca_bundle
    return session


def test_records_list_of_systemuser_reads_the_environment_users(dataverse):
    users = dataverse.records.list("systemuser", select=["fullname", "domainname", "azureactivedirectoryobjectid"])
    domains = [user["domainname"] for user in users]
    assert "maya@contoso.com" in domains
    assert all(user["azureactivedirectoryobjectid"] for user in users)


def test_records_retrieve_of_one_systemuser(dataverse):
    maya = next(user for user in dataverse.records.list("systemuser", filter="domainname eq 'maya@contoso.com'"))
    record = dataverse.records.retrieve("systemuser", maya["systemuserid"], select=["fullname", "isdisabled"])
    assert record["isdisabled"] is False
    assert record["fullname"]


def test_records_list_of_role_names_the_predefined_roles(dataverse):
    names = {role["name"] for role in dataverse.records.list("role", select=["name"])}
    assert {"System Administrator", "Environment Maker", "Basic User"} <= names


def test_a_group_team_is_created_updated_and_given_a_role(dataverse, web_api, environment_url, tenantsim_server):
    groups = requests.get(
        f"{tenantsim_server.graph_url}/groups", params={"$filter": f"displayName eq '{SALES_GROUP_NAME}'"},
        headers={"Authorization": f"Bearer {_credential(tenantsim_server).get_token('https://graph.microsoft.com/.default').token}"},
        verify=tenantsim_server.ca_bundle,
    ).json()["value"]
    team_id = dataverse.records.create(
        "team", {"name": "Sales partners", "teamtype": 2, "azureactivedirectoryobjectid": groups[0]["id"], "membershiptype": 0}
    )
    dataverse.records.update("team", team_id, {"description": "Partner makers of the Sales environment"})
    team = dataverse.records.retrieve("team", team_id, select=["name", "teamtype", "membershiptype", "description"])
    assert (team["name"], team["teamtype"], team["membershiptype"]) == ("Sales partners", 2, 0)
    assert team["description"] == "Partner makers of the Sales environment"

    maker = next(role for role in dataverse.records.list("role", filter="name eq 'Environment Maker'"))
    api = f"{environment_url}/api/data/v9.2"
    reply = web_api.post(f"{api}/teams({team_id})/teamroles_association/$ref", json={"@odata.id": f"{api}/roles({maker['roleid']})"})
    assert reply.status_code == 204, reply.text
    held = web_api.get(f"{api}/teams({team_id})/teamroles_association").json()["value"]
    assert [role["name"] for role in held] == ["Environment Maker"]


def test_a_team_of_an_unknown_type_is_refused_with_dataverse_error(dataverse):
    with pytest.raises(HttpError) as raised:
        dataverse.records.create("team", {"name": "Odd", "teamtype": 7})
    assert raised.value.status_code == 400
    assert "teamtype" in str(raised.value)


def test_whoami_names_the_application_user(web_api, environment_url):
    reply = web_api.get(f"{environment_url}/api/data/v9.2/WhoAmI")
    assert reply.status_code == 200
    body = reply.json()
    assert body["UserId"] and body["BusinessUnitId"] and body["OrganizationId"]


def test_an_app_that_is_not_an_application_user_cannot_create_teams(tenantsim_server, environment_url):
    with DataverseClient(environment_url, _credential(tenantsim_server, READER_CLIENT_ID, READER_SECRET)) as reader:
        with pytest.raises(HttpError) as raised:
            reader.records.create("team", {"name": "Not mine"})
    assert raised.value.status_code in (401, 403)
