#!/usr/bin/env python3
# onboard_buggy.py: examples/onboard.py with one classic bug, for scenarios/11-real-scripts/
# buggy-script-is-caught.yaml. It assigns the licence BEFORE setting the usage location, so
# Graph refuses the licence (400 Request_BadRequest "License assignment cannot be done for user
# with invalid usage location.") for every new guest, who arrives without a usage location.
# Everything else is the same code: `diff examples/onboard.py examples/onboard_buggy.py`.
"""Onboard partner guests (Microsoft Entra B2B) into a Power Platform environment.

    python3 onboard.py guests.csv [--environment "Contoso Sales"] [--sku POWERAPPS_PER_USER]
                                  [--role "Environment Maker"]

guests.csv has the columns email, givenName, surname, usageLocation (ISO 3166 two-letter code).

Once for the tenant:
  * find the environment in the Power Platform admin API, with its Dataverse URL and the
    security group that controls access to it;
  * look up the licence's skuId (GET /subscribedSkus);
  * allow guests to make apps (admin API updateTenantSettings,
    powerPlatform.powerApps.enableGuestsToMake = true);
  * give guests the same access as members (the guest access level of Entra's external
    collaboration settings: PATCH /policies/authorizationPolicy guestUserRoleId) -- guest makers
    need it to browse the directory when they make apps.
For each guest, in this order (the order matters, see below):
  1. invite (POST /invitations); a guest who has accepted is not invited again, one still pending
     gets the invitation again as a reminder (Graph reuses the same guest account)
  2. set first name, last name and usage location (PATCH /users/{id})
  3. assign the licence (POST /users/{id}/assignLicense) -- needs the usage location of step 2
  4. add to the environment's security group (POST /groups/{id}/members/$ref)
  5. give the Environment Maker security role in the environment's Dataverse
     (systemuserroles_association). Dataverse only knows guests who have accepted their
     invitation, hold a licence and are in the security group; a guest who has not accepted yet
     is reported as waiting -- run the script again later, it picks up where it stopped.

Re-running is safe: every step first reads the current state and only changes what is missing.

Credentials (client credentials of an app registration):
  AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
The app needs the Graph application permissions User.Invite.All, User.ReadWrite.All,
LicenseAssignment.ReadWrite.All, GroupMember.ReadWrite.All and Policy.ReadWrite.Authorization; it
must be registered as a Power Platform management application (pac admin application register) and
be an application user with the System Administrator role in the environment.

Against TenantSim (a `run:` step of a scenario) the TENANTSIM_* variables point the same code at
the emulator: the authority host, the Graph base URL, the admin API and Dataverse URLs, and a CA
bundle (REQUESTS_CA_BUNDLE / SSL_CERT_FILE). There, and only there, the script also plays the
guest accepting the invitation email, through TenantSim's control API.

Exit code: 0 when every guest is onboarded (or only waiting to accept), 1 on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import sys
import uuid

import requests
from azure.core.exceptions import ClientAuthenticationError
from azure.identity import ClientSecretCredential
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph import GraphServiceClient
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

GRAPH_SCOPE = "https://graph.microsoft.com/.default"
ADMIN_API_URL = os.environ.get("TENANTSIM_ADMIN_API_URL", "https://api.bap.microsoft.com").rstrip("/")
ADMIN_API_SCOPE = os.environ.get("TENANTSIM_ADMIN_API_SCOPE", "https://service.powerapps.com//.default")
ADMIN_API_VERSION = "2020-10-01"
ADMIN_API = ADMIN_API_URL + "/providers/Microsoft.BusinessAppPlatform"
DATAVERSE_API = "/api/data/v9.2"
# The guest access level "Guest users have the same access as members (most inclusive)".
GUESTS_SAME_AS_MEMBERS = uuid.UUID("a0b1b346-4d3e-4e8b-98f8-753987be4970")
CSV_COLUMNS = ("email", "givenName", "surname", "usageLocation")
USER_FIELDS = [
    "id", "userPrincipalName", "displayName", "givenName", "surname", "mail", "userType",
    "usageLocation", "externalUserState", "assignedLicenses",
]


class StepFailed(Exception):
    """A step failed; the message says which and why, the details were printed already."""


class ServiceError(Exception):
    """An error answer of the admin API, Dataverse or TenantSim's control API."""

    def __init__(self, service: str, response: requests.Response):
        self.service = service
        self.status = response.status_code
        try:
            error = response.json().get("error", {})
        except ValueError:
            error = {}
        if not isinstance(error, dict):
            error = {"message": str(error)}
        self.code = error.get("code") or response.reason
        self.message = error.get("message") or response.text[:300]
        self.tenantsim = error.get("tenantsim") or (error.get("innerError") or {}).get("tenantsim")
        super().__init__(f"{service} answered {self.status} {self.code}: {self.message}")


def say(mark: str, step: str, detail: str = "") -> None:
    print(f"  {mark:<5} {step:<11} {detail}".rstrip(), flush=True)


def explain(error: Exception) -> list[str]:
    """The lines that tell an admin what went wrong: the service's error code and message and,
    against TenantSim, the rule that decided and its explanation."""
    extras = None
    if isinstance(error, ODataError):
        main = error.error
        code = getattr(main, "code", None) or "(no code)"
        message = getattr(main, "message", None) or str(error)
        lines = [f"Graph answered {error.response_status_code} {code}: {message}"]
        inner = getattr(main, "inner_error", None)
        if inner is not None and inner.additional_data:
            extras = inner.additional_data.get("tenantsim")
    elif isinstance(error, ServiceError):
        lines = [str(error)]
        extras = error.tenantsim
    elif isinstance(error, ClientAuthenticationError):
        lines = [f"sign-in failed: {error.message}"]
    else:
        lines = [f"{type(error).__name__}: {error}"]
    if isinstance(extras, dict):
        if extras.get("ruleId"):
            lines.append(f"TenantSim rule: {extras['ruleId']}")
        if extras.get("explanation"):
            lines.append(f"Why: {extras['explanation']}")
    return lines


def read_guests(path: str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as file:
        reader = csv.DictReader(file)
        missing = [column for column in CSV_COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise StepFailed(f"{path}: missing column(s) {', '.join(missing)} (expected {','.join(CSV_COLUMNS)})")
        guests = []
        for row in reader:
            guest = {column: (row.get(column) or "").strip() for column in CSV_COLUMNS}
            if not any(guest.values()):
                continue
            empty = [column for column in CSV_COLUMNS if not guest[column]]
            if empty:
                raise StepFailed(f"{path}, line {reader.line_num}: empty {', '.join(empty)}")
            guests.append(guest)
    if not guests:
        raise StepFailed(f"{path}: no guests")
    return guests


class Onboarding:
    def __init__(self, environment: str, sku: str, role: str):
        self.environment_name = environment
        self.sku_part_number = sku
        self.role_name = role
        tenant_id, client_id, secret = (
            os.environ.get(f"TENANTSIM_{name}") or os.environ.get(f"AZURE_{name}") for name in ("TENANT_ID", "CLIENT_ID", "CLIENT_SECRET"))
        if not (tenant_id and client_id and secret):
            raise StepFailed("set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (the app registration's client credentials)")
        options = {}
        if os.environ.get("TENANTSIM_AUTHORITY_HOST"):
            # The emulator is its own authority: no instance discovery against login.microsoft.com.
            options = {"authority": os.environ["TENANTSIM_AUTHORITY_HOST"], "disable_instance_discovery": True}
        self.credential = ClientSecretCredential(tenant_id, client_id, secret, **options)
        self.graph = GraphServiceClient(credentials=self.credential, scopes=[GRAPH_SCOPE])
        if os.environ.get("TENANTSIM_GRAPH_URL"):
            self.graph.request_adapter.base_url = os.environ["TENANTSIM_GRAPH_URL"]
        self.http = requests.Session()
        self.environment: dict = {}
        self.group_id: str | None = None
        self.group_name = ""
        self.sku_id: uuid.UUID | None = None
        self.dataverse_url = ""  # where the Web API answers, e.g. https://contoso.crm.dynamics.com
        self.dataverse_scope = ""
        self.environment_url = ""  # the environment's own URL, e.g. https://contoso.crm.dynamics.com
        self.role_ids: dict[str, str] = {}  # business unit id -> role id

    # --- plumbing for the REST APIs without an SDK: the admin API, Dataverse, the control API -----

    def call(self, service: str, method: str, url: str, scope: str | None, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if scope:
            headers["Authorization"] = f"Bearer {self.credential.get_token(scope).token}"
        response = self.http.request(method, url, headers=headers, timeout=60, **kwargs)
        if response.status_code >= 400:
            raise ServiceError(service, response)
        return response

    def admin_api(self, method: str, path: str, **kwargs) -> requests.Response:
        return self.call("admin API", method, f"{ADMIN_API}{path}?api-version={ADMIN_API_VERSION}", ADMIN_API_SCOPE, **kwargs)

    def dataverse(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Accept": "application/json", "OData-MaxVersion": "4.0", "OData-Version": "4.0"}
        return self.call("Dataverse", method, self.dataverse_url + DATAVERSE_API + path, self.dataverse_scope, headers=headers, **kwargs)

    async def step(self, name: str, action):
        """Runs one step; on failure prints what the service said and raises StepFailed."""
        try:
            return await action()
        except StepFailed as error:
            say("FAIL", name, str(error))
            raise
        except Exception as error:  # noqa: BLE001 - every failure is reported the same way
            lines = explain(error)
            say("FAIL", name, lines[0])
            for line in lines[1:]:
                say("", "", line)
            raise StepFailed(f"{name}: {lines[0]}") from None

    # --- once for the tenant --------------------------------------------------------------------

    async def prepare(self) -> None:
        print(f"Tenant-wide set-up for environment \"{self.environment_name}\"", flush=True)
        await self.step("environment", self.find_environment)
        await self.step("group", self.find_group)
        await self.step("licence", self.find_sku)
        await self.step("guest maker", self.enable_guest_makers)
        await self.step("guest access", self.give_guests_member_access)

    async def find_environment(self) -> None:
        environments, url = [], f"{ADMIN_API}/scopes/admin/environments?api-version={ADMIN_API_VERSION}"
        while url:
            page = self.call("admin API", "GET", url, ADMIN_API_SCOPE).json()
            environments += page.get("value", [])
            url = page.get("nextLink")
        wanted = self.environment_name.casefold()
        matches = [e for e in environments if e["name"] == self.environment_name or e["properties"].get("displayName", "").casefold() == wanted]
        if len(matches) != 1:
            names = ", ".join(sorted(e["properties"].get("displayName", e["name"]) for e in environments))
            raise StepFailed(f"{len(matches)} environments named \"{self.environment_name}\" (the tenant has: {names})")
        self.environment = matches[0]
        linked = self.environment["properties"].get("linkedEnvironmentMetadata") or {}
        if not linked.get("instanceUrl"):
            raise StepFailed(f"\"{self.environment_name}\" has no Dataverse database: there is no security role to assign")
        self.environment_url = linked["instanceUrl"].rstrip("/")
        self.dataverse_scope = f"{self.environment_url}/.default"
        self.dataverse_url = self.environment_url
        self.group_id = linked.get("securityGroupId")
        if os.environ.get("TENANTSIM_AUTHORITY_HOST"):
            # TenantSim serves every environment's Dataverse under its own address.
            if os.environ.get("TENANTSIM_ENVIRONMENT_URL", "").rstrip("/") != self.environment_url:
                raise StepFailed(
                    f"TENANTSIM_DATAVERSE_URL is for {os.environ.get('TENANTSIM_ENVIRONMENT_URL', '(none)')}, not {self.environment_url}:"
                    f" name \"{self.environment_name}\" as the run: step's environment")
            self.dataverse_url = os.environ["TENANTSIM_DATAVERSE_URL"].rstrip("/")
        say("ok", "environment", f"\"{self.environment['properties']['displayName']}\" ({self.environment['name']}), Dataverse {self.environment_url}")

    async def find_group(self) -> None:
        if not self.group_id:
            say("ok", "group", "the environment has no security group: every licensed user of the tenant may use it")
            return
        group = await self.graph.groups.by_group_id(self.group_id).get()
        self.group_name = group.display_name
        say("ok", "group", f"access is controlled by the security group \"{group.display_name}\" ({group.id})")

    async def find_sku(self) -> None:
        skus = await self.graph.subscribed_skus.get()
        sku = next((s for s in skus.value if s.sku_part_number == self.sku_part_number), None)
        if sku is None:
            owned = ", ".join(sorted(s.sku_part_number for s in skus.value)) or "none"
            raise StepFailed(f"the tenant has no {self.sku_part_number} subscription (it has: {owned})")
        self.sku_id = sku.sku_id
        enabled = sku.prepaid_units.enabled if sku.prepaid_units else None
        say("ok", "licence", f"{sku.sku_part_number} is skuId {sku.sku_id}: {sku.consumed_units} of {enabled} units in use")

    async def enable_guest_makers(self) -> None:
        settings = self.admin_api("POST", "/listTenantSettings").json()
        if settings.get("powerPlatform", {}).get("powerApps", {}).get("enableGuestsToMake") is True:
            say("ok", "guest maker", "guests may already make apps (enableGuestsToMake is true)")
            return
        body = {"powerPlatform": {"powerApps": {"enableGuestsToMake": True}}}
        updated = self.admin_api("POST", "/scopes/admin/updateTenantSettings", json=body).json()
        if updated.get("powerPlatform", {}).get("powerApps", {}).get("enableGuestsToMake") is not True:
            raise StepFailed("updateTenantSettings answered without enableGuestsToMake = true")
        say("ok", "guest maker", "enabled guests to make apps (updateTenantSettings enableGuestsToMake = true)")

    async def give_guests_member_access(self) -> None:
        policy = await self.graph.policies.authorization_policy.get()
        if policy.guest_user_role_id == GUESTS_SAME_AS_MEMBERS:
            say("ok", "guest access", "guests already have the same access as members")
            return
        await self.graph.policies.authorization_policy.patch(AuthorizationPolicy(guest_user_role_id=GUESTS_SAME_AS_MEMBERS))
        say("ok", "guest access", f"guests now have the same access as members (guestUserRoleId {GUESTS_SAME_AS_MEMBERS})")

    # --- per guest ------------------------------------------------------------------------------

    async def onboard(self, guest: dict[str, str]) -> bool:
        """Onboards one guest; True when done, False when waiting for the guest to accept."""
        print(guest["email"], flush=True)
        user, redeem_url = await self.step("invite", lambda: self.invite(guest))
        await self.step("licence", lambda: self.assign_licence(user))
        user = await self.step("profile", lambda: self.set_profile(guest, user))
        await self.step("group", lambda: self.add_to_group(user))
        if not await self.step("accept", lambda: self.accepted(guest, user, redeem_url)):
            return False
        await self.step("role", lambda: self.assign_security_role(user))
        return True

    async def get_user(self, user_id: str) -> User:
        query = UserItemRequestBuilder.UserItemRequestBuilderGetQueryParameters(select=USER_FIELDS)
        return await self.graph.users.by_user_id(user_id).get(RequestConfiguration(query_parameters=query))

    async def invite(self, guest: dict[str, str]) -> tuple[User, str | None]:
        address = guest["email"]
        query = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters(
            filter=f"mail eq '{address.replace(chr(39), chr(39) * 2)}'", select=USER_FIELDS)
        existing = (await self.graph.users.get(RequestConfiguration(query_parameters=query))).value or []
        if existing and existing[0].external_user_state != "PendingAcceptance":
            user = existing[0]
            say("ok", "invite", f"already in the tenant: {user.user_principal_name} ({user.user_type}, {user.external_user_state or 'member'})")
            return user, None
        invitation = Invitation(
            invited_user_email_address=address,
            invited_user_display_name=f"{guest['givenName']} {guest['surname']}",
            invite_redirect_url=self.environment_url or "https://make.powerapps.com",
            send_invitation_message=True,
        )
        result = await self.graph.invitations.post(invitation)
        user = await self.get_user(result.invited_user.id)
        if existing:
            say("ok", "invite", f"invitation sent again to the existing guest {user.user_principal_name} ({result.status})")
        else:
            say("ok", "invite", f"invited: new guest {user.user_principal_name} ({result.status})")
        return user, result.invite_redeem_url

    async def set_profile(self, guest: dict[str, str], user: User) -> User:
        wanted = {
            "given_name": guest["givenName"],
            "surname": guest["surname"],
            "display_name": f"{guest['givenName']} {guest['surname']}",
            "usage_location": guest["usageLocation"].upper(),
        }
        changes = {name: value for name, value in wanted.items() if getattr(user, name) != value}
        summary = f"{wanted['display_name']}, usage location {wanted['usage_location']}"
        if not changes:
            say("ok", "profile", f"already {summary}")
            return user
        await self.graph.users.by_user_id(user.id).patch(User(**changes))
        say("ok", "profile", f"set {summary}")
        return await self.get_user(user.id)

    async def assign_licence(self, user: User) -> None:
        if any(license.sku_id == self.sku_id for license in user.assigned_licenses or []):
            say("ok", "licence", f"already has {self.sku_part_number}")
            return
        body = AssignLicensePostRequestBody(add_licenses=[AssignedLicense(sku_id=self.sku_id, disabled_plans=[])], remove_licenses=[])
        await self.graph.users.by_user_id(user.id).assign_license.post(body)
        say("ok", "licence", f"assigned {self.sku_part_number}")

    async def add_to_group(self, user: User) -> None:
        if not self.group_id:
            say("ok", "group", "no security group to join")
            return
        members = self.graph.groups.by_group_id(self.group_id).members
        query = MembersRequestBuilder.MembersRequestBuilderGetQueryParameters(select=["id"], top=999)
        page = await members.get(RequestConfiguration(query_parameters=query))
        while page is not None:
            if any(member.id == user.id for member in page.value or []):
                say("ok", "group", f"already a member of \"{self.group_name}\"")
                return
            page = await members.with_url(page.odata_next_link).get() if page.odata_next_link else None
        await members.ref.post(ReferenceCreate(odata_id=f"https://graph.microsoft.com/v1.0/directoryObjects/{user.id}"))
        say("ok", "group", f"added to \"{self.group_name}\"")

    async def accepted(self, guest: dict[str, str], user: User, redeem_url: str | None) -> bool:
        if user.user_type != "Guest" or user.external_user_state == "Accepted":
            return True
        control = os.environ.get("TENANTSIM_CONTROL_URL")
        if not control or not redeem_url:
            say("wait", "accept", "the guest has not accepted the invitation yet; run this script again once they have")
            return False
        # Only against TenantSim: play the guest clicking "Accept" in the invitation email.
        say("sim", "accept", f"TenantSim: simulating {guest['email']} accepting the invitation email")
        key = os.environ.get("TENANTSIM_CONTROL_KEY", "")
        self.call("TenantSim control API", "POST", control.rstrip("/") + "/redeem", None, json={"url": redeem_url},
                  headers={"Authorization": f"Bearer {key}"})
        state = (await self.get_user(user.id)).external_user_state
        if state != "Accepted":
            raise StepFailed(f"the guest redeemed but externalUserState is {state}")
        say("ok", "accept", "invitation accepted (externalUserState Accepted)")
        return True

    def find_systemuser(self, user_id: str) -> dict | None:
        query = {"$select": "systemuserid,fullname,isdisabled,_businessunitid_value", "$filter": f"azureactivedirectoryobjectid eq {user_id}"}
        rows = self.dataverse("GET", "/systemusers", params=query).json()["value"]
        return rows[0] if rows else None

    def find_role(self, business_unit: str) -> str:
        if business_unit not in self.role_ids:
            name = self.role_name.replace("'", "''")
            query = {"$select": "roleid,name", "$filter": f"name eq '{name}' and _businessunitid_value eq {business_unit}"}
            rows = self.dataverse("GET", "/roles", params=query).json()["value"]
            if not rows:
                raise StepFailed(f"no security role \"{self.role_name}\" in \"{self.environment_name}\"")
            self.role_ids[business_unit] = rows[0]["roleid"]
        return self.role_ids[business_unit]

    async def assign_security_role(self, user: User) -> None:
        systemuser = self.find_systemuser(user.id)
        if systemuser is None:
            # Not synced yet: ask Power Platform to add the user now (the admin center's "Add user").
            self.admin_api("POST", f"/scopes/admin/environments/{self.environment['name']}/addUser", json={"ObjectId": user.id})
            systemuser = self.find_systemuser(user.id)
            if systemuser is None:
                raise StepFailed("addUser succeeded but the user is still not in Dataverse")
            say("ok", "dataverse", f"added to \"{self.environment_name}\" on demand (admin API addUser)")
        if systemuser["isdisabled"]:
            raise StepFailed(f"the Dataverse user {systemuser['systemuserid']} is disabled: check licence and group membership")
        role_id = self.find_role(systemuser["_businessunitid_value"])
        held = self.dataverse("GET", f"/systemusers({systemuser['systemuserid']})/systemuserroles_association", params={"$select": "roleid,name"}).json()["value"]
        if any(row["roleid"] == role_id for row in held):
            say("ok", "role", f"already has {self.role_name} in \"{self.environment_name}\"")
            return
        reference = {"@odata.id": f"{self.environment_url}{DATAVERSE_API}/roles({role_id})"}
        self.dataverse("POST", f"/systemusers({systemuser['systemuserid']})/systemuserroles_association/$ref", json=reference)
        say("ok", "role", f"{self.role_name} in \"{self.environment_name}\" (systemuser {systemuser['systemuserid']})")


async def main(arguments: argparse.Namespace) -> int:
    try:
        guests = read_guests(arguments.csv)
    except (OSError, StepFailed) as error:
        print(f"error: {error}", flush=True)
        return 1
    if os.environ.get("TENANTSIM_AUTHORITY_HOST"):
        print("Against TenantSim (TENANTSIM_AUTHORITY_HOST is set), not Microsoft's cloud", flush=True)
    try:
        onboarding = Onboarding(arguments.environment, arguments.sku, arguments.role)
    except StepFailed as error:
        print(f"error: {error}", flush=True)
        return 1
    try:
        await onboarding.prepare()
    except StepFailed:
        print("FAILED: the tenant-wide set-up did not complete, so no guest was onboarded", flush=True)
        return 1
    done, waiting, failed = [], [], []
    for guest in guests:
        try:
            (done if await onboarding.onboard(guest) else waiting).append(guest["email"])
        except StepFailed:
            failed.append(guest["email"])
    print(f"Onboarded {len(done)} of {len(guests)} guest(s) into \"{onboarding.environment_name}\""
          f" ({onboarding.sku_part_number}, {onboarding.role_name}, group \"{onboarding.group_name or '-'}\")", flush=True)
    if waiting:
        print(f"Waiting for the guest to accept: {', '.join(waiting)} (run again later)", flush=True)
    if failed:
        print(f"FAILED: {', '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Onboard B2B guests into a Power Platform environment.")
    parser.add_argument("csv", help="CSV file with the columns email, givenName, surname, usageLocation")
    parser.add_argument("--environment", default="Contoso Sales", help="display name or id of the environment (default: %(default)s)")
    parser.add_argument("--sku", default="POWERAPPS_PER_USER", help="licence part number (default: %(default)s)")
    parser.add_argument("--role", default="Environment Maker", help="Dataverse security role (default: %(default)s)")
    sys.exit(asyncio.run(main(parser.parse_args())))
