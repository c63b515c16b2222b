"""Interop: Microsoft's official Python clients against `tenantsim serve`.

Graph calls go through msgraph-sdk's GraphServiceClient with azure-identity's ClientSecretCredential
(authority = the emulator, instance discovery off, the emulator's CA bundle); the only change from a
script written for the real cloud is `client.request_adapter.base_url`. The admin API (BAP) and
Dataverse have no official Python SDK, so those calls use `requests` with tokens from the same
credential, exactly as scripts for the real services do.

The onboarding tests (test_onboarding_*) run in file order and share one guest; each one skips if
an earlier step it depends on did not complete.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph.generated.groups.groups_request_builder import GroupsRequestBuilder
from msgraph.generated.groups.item.members.members_request_builder import MembersRequestBuilder
from msgraph.generated.models.assigned_license import AssignedLicense
from msgraph.generated.models.authorization_policy import AuthorizationPolicy
from msgraph.generated.models.invitation import Invitation
from msgraph.generated.models.o_data_errors.o_data_error import ODataError
from msgraph.generated.models.reference_create import ReferenceCreate
from msgraph.generated.models.user import User
from msgraph.generated.users.item.assign_license.assign_license_post_request_body import AssignLicensePostRequestBody
from msgraph.generated.users.item.user_item_request_builder import UserItemRequestBuilder
from msgraph.generated.users.users_request_builder import UsersRequestBuilder
from msgraph_core.tasks.page_iterator import PageIterator

from conftest import BAP_SCOPE, DATAVERSE_HOST, DATAVERSE_SCOPE, GRAPH_SCOPE

POWERAPPS_PER_USER = uuid.UUID("b30411f5-fea1-4a59-9ad9-3db7c7ead579")
GUEST_SAME_AS_MEMBERS = uuid.UUID("a0b1b346-4d3e-4e8b-98f8-753987be4970")
SALES_GROUP = "Sales Environment Users"
GUEST_EMAIL = "pat@fabrikam.com"  # Pat Partner, a member of the partner tenant Fabrikam
BULK_GUESTS = 245  # Contoso starts with 7 members: 7 + Pat + 245 >= 250 users
BULK_BATCH = 25
INVALID_USAGE_LOCATION = "License assignment cannot be done for user with invalid usage location."
API_VERSION = "api-version=2020-10-01"


@pytest.fixture(scope="module")
def flow():
    """What the onboarding steps hand to each other (guest id, redeem URL, group id, ...)."""
    return {}


def need(flow: dict, *keys: str) -> None:
    missing = [key for key in keys if key not in flow]
    if missing:
        pytest.skip(f"an earlier onboarding step did not produce {', '.join(missing)}")


def bearer(credential, scope: str) -> dict:
    return {"Authorization": f"Bearer {credential.get_token(scope).token}"}


def invitation(email: str) -> Invitation:
    return Invitation(invited_user_email_address=email, invite_redirect_url="https://myapps.microsoft.com", send_invitation_message=False)


def journal_tail(http, server) -> int:
    entries = http.get(server.control("journal")).json()["value"]
    return max((entry["sequence"] for entry in entries), default=0)


# --- Graph: the onboarding of one guest, step by step ------------------------------------------


def test_onboarding_1_create_invitation(graph, event_loop_runner, flow):
    result = event_loop_runner(graph.invitations.post(invitation(GUEST_EMAIL)))
    assert result.status == "PendingAcceptance"
    assert result.invited_user_email_address == GUEST_EMAIL
    assert result.invited_user is not None and result.invited_user.id
    uuid.UUID(result.invited_user.id)  # a GUID
    assert result.invite_redeem_url and result.invite_redeem_url.startswith("https://")
    assert result.invited_user_type == "Guest"

    user = event_loop_runner(
        graph.users.by_user_id(result.invited_user.id).get(
            RequestConfiguration(
                query_parameters=UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(
                    select=["id", "userPrincipalName", "userType", "externalUserState", "mail"]
                )
            )
        )
    )
    assert user.id == result.invited_user.id
    assert user.user_type == "Guest"
    assert user.external_user_state == "PendingAcceptance"
    assert user.user_principal_name == "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com"
    flow.update(guest_id=result.invited_user.id, redeem_url=result.invite_redeem_url)


def test_onboarding_2_list_guests_with_filter_and_select(graph, event_loop_runner, flow, http, credential, tenantsim_server):
    need(flow, "guest_id")
    selected = ["displayName", "mail", "userType"]
    page = event_loop_runner(
        graph.users.get(
            RequestConfiguration(
                query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
                    filter="userType eq 'Guest'", select=selected
                )
            )
        )
    )
    assert page.value, "no guests listed"
    assert all(user.user_type == "Guest" for user in page.value)
    guest = next((user for user in page.value if user.id == flow["guest_id"]), None)
    assert guest is not None, "the new guest is not in the list"
    assert guest.mail == GUEST_EMAIL
    # Properties that were not selected stay unset in the SDK's model ...
    for user in page.value:
        assert user.user_principal_name is None and user.given_name is None and user.surname is None
        assert user.job_title is None and user.business_phones is None
        assert not user.additional_data, user.additional_data

    # ... and on the wire each object carries exactly the selected properties plus id.
    response = http.get(
        f"{tenantsim_server.graph_url}/users",
        params={"$filter": "userType eq 'Guest'", "$select": ",".join(selected)},
        headers=bearer(credential, GRAPH_SCOPE),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["@odata.context"].endswith("$metadata#users(displayName,mail,userType)"), body["@odata.context"]
    for item in body["value"]:
        assert set(item) == set(selected) | {"id"}, item


def test_onboarding_3_page_through_250_users(graph, event_loop_runner, flow):
    need(flow, "guest_id")

    async def invite_all():
        created = []
        for start in range(0, BULK_GUESTS, BULK_BATCH):
            batch = [
                graph.invitations.post(invitation(f"bulk.guest.{index:03d}@northwindtraders.com"))
                for index in range(start, min(start + BULK_BATCH, BULK_GUESTS))
            ]
            created += await asyncio.gather(*batch)
        return created

    created = event_loop_runner(invite_all())
    assert len(created) == BULK_GUESTS
    assert all(result.status == "PendingAcceptance" for result in created)
    assert len({result.invited_user.id for result in created}) == BULK_GUESTS

    top = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(top=100)

    # 1) Follow @odata.nextLink by hand with with_url(), checking each page's size.
    async def pages_by_hand():
        sizes, ids, links = [], [], []
        page = await graph.users.get(RequestConfiguration(query_parameters=top))
        while True:
            sizes.append(len(page.value))
            ids += [user.id for user in page.value]
            if not page.odata_next_link:
                return sizes, ids, links
            links.append(page.odata_next_link)
            page = await graph.users.with_url(page.odata_next_link).get()

    sizes, ids, links = event_loop_runner(pages_by_hand())
    assert len(ids) >= 250, sizes
    assert len(set(ids)) == len(ids), "a user came back on two pages"
    assert all(size == 100 for size in sizes[:-1]), sizes
    assert 0 < sizes[-1] <= 100, sizes
    assert len(sizes) == -(-len(ids) // 100), sizes
    for link in links:
        assert link.startswith(graph.request_adapter.base_url + "/users?"), link
        assert "%24skiptoken=" in link or "$skiptoken=" in link, link
    assert flow["guest_id"] in ids

    # 2) The SDK's PageIterator follows the same links.
    async def pages_by_iterator():
        first = await graph.users.get(RequestConfiguration(query_parameters=top))
        seen = []
        iterator = PageIterator(first, graph.request_adapter)

        def collect(user):
            seen.append(user.id)
            return True

        await iterator.iterate(collect)
        return seen

    assert event_loop_runner(pages_by_iterator()) == ids


def test_onboarding_4_license_needs_usage_location(graph, event_loop_runner, flow):
    need(flow, "guest_id")
    body = AssignLicensePostRequestBody(add_licenses=[AssignedLicense(sku_id=POWERAPPS_PER_USER, disabled_plans=[])], remove_licenses=[])
    with pytest.raises(ODataError) as caught:
        event_loop_runner(graph.users.by_user_id(flow["guest_id"]).assign_license.post(body))
    error = caught.value
    assert error.response_status_code == 400
    assert error.error.code == "Request_BadRequest"
    assert error.error.message == INVALID_USAGE_LOCATION
    assert error.error.inner_error is not None and error.error.inner_error.request_id
    flow["license_refused"] = True


def consumed_units(graph, event_loop_runner, sku_id: uuid.UUID) -> int:
    skus = event_loop_runner(graph.subscribed_skus.get())
    return next(sku.consumed_units for sku in skus.value if sku.sku_id == sku_id)


def test_onboarding_5_set_usage_location_then_license(graph, event_loop_runner, flow):
    need(flow, "guest_id")
    user_builder = graph.users.by_user_id(flow["guest_id"])
    consumed_before = consumed_units(graph, event_loop_runner, POWERAPPS_PER_USER)
    assert event_loop_runner(user_builder.patch(User(usage_location="US"))) is None  # 204 No Content

    body = AssignLicensePostRequestBody(add_licenses=[AssignedLicense(sku_id=POWERAPPS_PER_USER, disabled_plans=[])], remove_licenses=[])
    updated = event_loop_runner(user_builder.assign_license.post(body))
    assert updated is not None and updated.id == flow["guest_id"]

    user = event_loop_runner(
        user_builder.get(
            RequestConfiguration(
                query_parameters=UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(select=["assignedLicenses", "usageLocation"])
            )
        )
    )
    assert user.usage_location == "US"
    assert [license.sku_id for license in user.assigned_licenses] == [POWERAPPS_PER_USER]
    assert consumed_units(graph, event_loop_runner, POWERAPPS_PER_USER) == consumed_before + 1
    flow["licensed"] = True


def test_onboarding_6_add_to_sales_group(graph, event_loop_runner, flow, tenantsim_server):
    need(flow, "guest_id")
    groups = event_loop_runner(
        graph.groups.get(
            RequestConfiguration(
                query_parameters=GroupsRequestBuilder.GroupsRequestBuilderGetQueryParameters(filter=f"displayName eq '{SALES_GROUP}'")
            )
        )
    )
    assert len(groups.value) == 1, [group.display_name for group in groups.value]
    group_id = groups.value[0].id

    reference = ReferenceCreate(odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{flow['guest_id']}")
    assert event_loop_runner(graph.groups.by_group_id(group_id).members.ref.post(reference)) is None  # 204

    members = event_loop_runner(
        graph.groups.by_group_id(group_id).members.get(
            RequestConfiguration(query_parameters=MembersRequestBuilder.MembersRequestBuilderGetQueryParameters(top=999))
        )
    )
    member_ids = {member.id for member in members.value}
    assert flow["guest_id"] in member_ids
    guest = next(member for member in members.value if member.id == flow["guest_id"])
    assert type(guest).__name__ == "User", f"member deserialised as {type(guest).__name__} (@odata.type missing?)"
    flow["group_id"] = group_id

    # Adding the same member again: 400 "already exist" from real Graph.
    with pytest.raises(ODataError) as caught:
        event_loop_runner(graph.groups.by_group_id(group_id).members.ref.post(reference))
    assert caught.value.response_status_code == 400
    assert caught.value.error.code == "Request_BadRequest"
    assert "already exist" in caught.value.error.message


def test_onboarding_7_authorization_policy(graph, event_loop_runner, flow):
    policy_builder = graph.policies.authorization_policy
    before = event_loop_runner(policy_builder.get())
    assert before.guest_user_role_id is not None
    assert isinstance(before.guest_user_role_id, uuid.UUID)

    assert event_loop_runner(policy_builder.patch(AuthorizationPolicy(guest_user_role_id=GUEST_SAME_AS_MEMBERS))) is None  # 204
    after = event_loop_runner(policy_builder.get())
    assert after.guest_user_role_id == GUEST_SAME_AS_MEMBERS
    flow["guests_like_members"] = True


def test_advanced_queries_need_consistency_level(graph, event_loop_runner, flow):
    need(flow, "guest_id")
    query = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
        filter="endsWith(mail,'@fabrikam.com')", count=True, select=["id", "mail"]
    )
    with pytest.raises(ODataError) as caught:
        event_loop_runner(graph.users.get(RequestConfiguration(query_parameters=query)))
    assert caught.value.response_status_code == 400
    assert caught.value.error.code == "Request_UnsupportedQuery"

    advanced = RequestConfiguration(query_parameters=query)
    advanced.headers.add("ConsistencyLevel", "eventual")
    page = event_loop_runner(graph.users.get(advanced))
    assert flow["guest_id"] in {user.id for user in page.value}
    assert all(user.mail.endswith("@fabrikam.com") for user in page.value)
    assert page.odata_count == len(page.value)

    # GET /users/$count answers text/plain, which the SDK reads as an int.
    counting = RequestConfiguration()
    counting.headers.add("ConsistencyLevel", "eventual")
    everyone = event_loop_runner(
        graph.users.get(RequestConfiguration(query_parameters=UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(top=999, select=["id"])))
    )
    assert everyone.odata_next_link is None
    assert event_loop_runner(graph.users.count.get(counting)) == len(everyone.value)


# --- Power Platform admin API (BAP) and Dataverse with requests ---------------------------------


def test_onboarding_8_tenant_settings_enable_guest_makers(http, credential, tenantsim_server, flow):
    headers = bearer(credential, BAP_SCOPE)
    listed = http.post(f"{tenantsim_server.bap_url}/listTenantSettings?{API_VERSION}", headers=headers)
    assert listed.status_code == 200, listed.text
    settings = listed.json()
    assert settings["powerPlatform"]["powerApps"]["enableGuestsToMake"] is False
    assert "walkMeOptOut" in settings

    updated = http.post(
        f"{tenantsim_server.bap_url}/scopes/admin/updateTenantSettings?{API_VERSION}",
        headers=headers,
        json={"powerPlatform": {"powerApps": {"enableGuestsToMake": True}}},
    )
    assert updated.status_code == 200, updated.text
    result = updated.json()
    assert result["powerPlatform"]["powerApps"]["enableGuestsToMake"] is True
    # A partial update keeps everything else.
    assert result["walkMeOptOut"] == settings["walkMeOptOut"]
    assert result["powerPlatform"]["powerApps"]["disableShareWithEveryone"] == settings["powerPlatform"]["powerApps"]["disableShareWithEveryone"]

    again = http.post(f"{tenantsim_server.bap_url}/listTenantSettings?{API_VERSION}", headers=headers).json()
    assert again["powerPlatform"]["powerApps"]["enableGuestsToMake"] is True
    flow["guest_makers_enabled"] = True


def test_onboarding_9_guest_redeems(http, tenantsim_server, graph, event_loop_runner, flow):
    need(flow, "guest_id", "redeem_url")
    response = http.post(tenantsim_server.control("redeem"), json={"url": flow["redeem_url"]})
    assert response.status_code == 200, response.text
    assert response.json()["userId"] == flow["guest_id"]
    user = event_loop_runner(
        graph.users.by_user_id(flow["guest_id"]).get(
            RequestConfiguration(
                query_parameters=UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(select=["externalUserState"])
            )
        )
    )
    assert user.external_user_state == "Accepted"
    flow["redeemed"] = True


def test_onboarding_10_dataverse_environment_maker(http, credential, tenantsim_server, flow):
    need(flow, "guest_id", "licensed", "group_id", "redeemed")
    base = tenantsim_server.dataverse_url
    headers = {
        **bearer(credential, DATAVERSE_SCOPE),
        "OData-MaxVersion": "4.0",
        "OData-Version": "4.0",
        "Accept": "application/json",
    }
    users = http.get(
        f"{base}/systemusers",
        params={"$select": "systemuserid,isdisabled", "$filter": f"azureactivedirectoryobjectid eq {flow['guest_id']}"},
        headers=headers,
    )
    assert users.status_code == 200, users.text
    rows = users.json()["value"]
    assert len(rows) == 1, rows
    assert rows[0]["isdisabled"] is False
    systemuser_id = rows[0]["systemuserid"]

    roles = http.get(f"{base}/roles", params={"$select": "roleid,name", "$filter": "name eq 'Environment Maker'"}, headers=headers)
    assert roles.status_code == 200, roles.text
    role_rows = roles.json()["value"]
    assert len(role_rows) == 1 and role_rows[0]["name"] == "Environment Maker", role_rows
    role_id = role_rows[0]["roleid"]

    associate = http.post(
        f"{base}/systemusers({systemuser_id})/systemuserroles_association/$ref",
        headers={**headers, "Content-Type": "application/json"},
        json={"@odata.id": f"https://{DATAVERSE_HOST}/api/data/v9.2/roles({role_id})"},
    )
    assert associate.status_code == 204, associate.text
    assert associate.content == b""

    assigned = http.get(f"{base}/systemusers({systemuser_id})/systemuserroles_association", headers=headers)
    assert assigned.status_code == 200, assigned.text
    assert role_id in {row["roleid"] for row in assigned.json()["value"]}, assigned.json()


# --- The SDK's retry handler against emulated throttling ---------------------------------------


def test_retry_handler_rides_out_two_429s(graph, event_loop_runner, http, tenantsim_server):
    after = journal_tail(http, tenantsim_server)
    seeded = http.post(tenantsim_server.control("faults"), json={"operation": "createInvitation", "status": 429, "count": 2, "retryAfter": 1})
    assert seeded.status_code == 200, seeded.text

    started = time.monotonic()
    result = event_loop_runner(graph.invitations.post(invitation("throttled.guest@northwindtraders.com")))
    elapsed = time.monotonic() - started
    assert result.status == "PendingAcceptance"
    assert elapsed >= 2.0, f"two Retry-After: 1 answers should cost at least 2 s, took {elapsed:.2f} s"
    assert http.get(tenantsim_server.control("faults")).json()["value"] == []

    entries = http.get(tenantsim_server.control("journal"), params={"after": after}).json()["value"]
    invitations = [entry for entry in entries if entry["operation"] == "createInvitation"]
    assert [entry["outcome"] for entry in invitations] == ["faulted", "faulted", "succeeded"], invitations
    assert invitations[-1]["target"] == result.invited_user.id


# --- A caller without the permission --------------------------------------------------------


def test_reader_app_cannot_invite(reader_graph, event_loop_runner, reader_credential, http, tenantsim_server):
    with pytest.raises(ODataError) as caught:
        event_loop_runner(reader_graph.invitations.post(invitation("nobody@northwindtraders.com")))
    error = caught.value
    # The invitation service's own answer (microsoft-graph-docs-contrib#4228), not Graph's usual 403.
    assert error.response_status_code == 401
    assert error.error.code == "Unauthorized"
    assert "ControllerName=MSGraphInviteAPI, ActionName=CreateInvite" in error.error.message
    # The SDK keeps unknown innerError members in additional_data.
    extras = error.error.inner_error.additional_data
    assert extras.get("tenantsim", {}).get("ruleId") == "graph.permission.missing", extras

    # The same on the wire.
    response = http.post(
        f"{tenantsim_server.graph_url}/invitations",
        headers=bearer(reader_credential, GRAPH_SCOPE),
        json={"invitedUserEmailAddress": "nobody@northwindtraders.com", "inviteRedirectUrl": "https://myapps.microsoft.com"},
    )
    assert response.status_code == 401
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == "Unauthorized"
    assert body["error"]["innerError"]["tenantsim"]["ruleId"] == "graph.permission.missing"
    assert body["error"]["innerError"]["request-id"] == response.headers["request-id"]


def test_sdk_json_batch(graph, event_loop_runner, tenantsim_server):
    """msgraph-core's BatchRequestContent through GraphServiceClient.batch: two reads in one POST /$batch.

    msgraph-core 1.x keeps the absolute URL in each BatchRequestItem once the client has sent a request
    (msgraph-sdk-python#1015, msgraph-sdk-python-core#1116); Graph refuses absolute URLs in a batch
    ("Invalid batch payload format."), and so does TenantSim. The documented workaround strips the base."""
    from kiota_abstractions.api_error import APIError
    from msgraph_core.requests.batch_request_content import BatchRequestContent
    from msgraph_core.requests.batch_request_item import BatchRequestItem

    def items():
        users = BatchRequestItem(request_information=graph.users.to_get_request_information())
        skus = BatchRequestItem(request_information=graph.subscribed_skus.to_get_request_information())
        return users, skus

    async def run(relative: bool):
        users, skus = items()
        for item in (users, skus):
            if relative:
                item.url = item.url.replace(tenantsim_server.graph_url, "")
        content = BatchRequestContent({users.id: users, skus.id: skus})
        return users.id, skus.id, await graph.batch.post(batch_request_content=content)

    event_loop_runner(graph.users.get())  # the client has sent a request: its items now carry absolute URLs
    assert items()[0].url.startswith("https://")
    with pytest.raises(APIError) as refused:
        event_loop_runner(run(relative=False))
    assert refused.value.response_status_code == 400

    users_id, skus_id, response = event_loop_runner(run(relative=True))
    codes = response.get_response_status_codes()
    assert codes == {users_id: 200, skus_id: 200}, codes
