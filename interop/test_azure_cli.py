"""Interop: the Azure CLI (`az`) against `tenantsim serve`, in prefix mode, unpatched.

Setup is what an admin types (README "Azure CLI"): a custom cloud whose endpoints are TenantSim's
prefix URLs, instance discovery off, the CA bundle in REQUESTS_CA_BUNDLE, a private config dir.
`az rest` on Graph names `--resource https://graph.microsoft.com`: in prefix mode Graph and Resource
Manager share one origin, and az would otherwise attach its Resource Manager token.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTOSO_TENANT_ID, ONBOARDING_CLIENT_ID, ONBOARDING_SECRET

SALES_GROUP = "Sales Environment Users"
GRAPH = "https://graph.microsoft.com"


class AzureCLI:
    def __init__(self, server, config_dir: Path):
        self.base = server.base_url
        self.env = dict(os.environ)
        self.env.update(
            AZURE_CONFIG_DIR=str(config_dir), REQUESTS_CA_BUNDLE=server.ca_bundle, AZURE_CORE_INSTANCE_DISCOVERY="false",
            AZURE_CORE_COLLECT_TELEMETRY="false", AZURE_CORE_SURVEY_MESSAGE="false", AZURE_CORE_ONLY_SHOW_ERRORS="true",
            AZURE_CORE_ERROR_RECOMMENDATION="off",
        )
        # az checks PyPI for a newer version on first use; record this one as current so it stays offline.
        config_dir.mkdir(parents=True, exist_ok=True)
        (config_dir / "versionCheck.json").write_text(json.dumps({
            "versions": {"azure-cli": {"local": "2.91.0"}, "core": {"local": "2.91.0"}, "telemetry": {"local": "1.1.0"}},
            "update_time": "2000-01-01 00:00:00.000000",
        }))
        self.executable = str(Path(sys.executable).parent / "az")

    def run(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run([self.executable, *arguments], env=self.env, capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            pytest.fail(f"az {' '.join(arguments)} failed ({result.returncode}): {result.stderr[-2000:]}")
        return result

    def json(self, *arguments: str):
        return json.loads(self.run(*arguments, "-o", "json").stdout)


    def register_tenantsim_cloud(self):
        """`az cloud register` with TenantSim's prefix URLs, then `az cloud set`."""
        self.run(
            "cloud", "register", "--name", "TenantSim", "--skip-endpoint-discovery",
            "--endpoint-active-directory", f"{self.base}/login.microsoftonline.com",
            "--endpoint-resource-manager", f"{self.base}/management.azure.com/",
            "--endpoint-active-directory-resource-id", "https://management.core.windows.net/",
            "--endpoint-microsoft-graph-resource-id", f"{self.base}/graph.microsoft.com/",
        )
        self.run("cloud", "set", "--name", "TenantSim")
        return self


@pytest.fixture(scope="module")
def az(tenantsim_server, tmp_path_factory):
    return AzureCLI(tenantsim_server, tmp_path_factory.mktemp("azure-config")).register_tenantsim_cloud()


@pytest.fixture(scope="module")
def signed_in(az):
    accounts = az.json(
        "login", "--service-principal", "-u", ONBOARDING_CLIENT_ID, "-p", ONBOARDING_SECRET, "--tenant", CONTOSO_TENANT_ID,
        "--allow-no-subscriptions",
    )
    return az, accounts


def test_login_with_a_service_principal_and_no_subscriptions(signed_in):
    az, accounts = signed_in
    assert [account["tenantId"] for account in accounts] == [CONTOSO_TENANT_ID]
    assert az.json("account", "show")["tenantId"] == CONTOSO_TENANT_ID


def test_a_wrong_secret_is_refused(az, tmp_path_factory, tenantsim_server):
    # A config dir of its own: az would otherwise answer from the token the other tests cached.
    fresh = AzureCLI(tenantsim_server, tmp_path_factory.mktemp("azure-config-wrong")).register_tenantsim_cloud()
    result = fresh.run("login", "--service-principal", "-u", ONBOARDING_CLIENT_ID, "-p", "not-the-secret", "--tenant",
                       CONTOSO_TENANT_ID, "--allow-no-subscriptions", check=False)
    assert result.returncode != 0
    assert "AADSTS7000215" in result.stderr


def test_ad_user_list_and_show(signed_in):
    az, _ = signed_in
    names = {user["userPrincipalName"] for user in az.json("ad", "user", "list")}
    assert "maya@contoso.com" in names
    maya = az.json("ad", "user", "show", "--id", "maya@contoso.com")
    assert maya["userPrincipalName"] == "maya@contoso.com"


def test_ad_group_member_add_check_list(signed_in):
    az, _ = signed_in
    inviter = az.json("ad", "user", "show", "--id", "inviter@contoso.com")["id"]
    group = az.json("ad", "group", "show", "--group", SALES_GROUP)["id"]
    assert az.json("ad", "group", "member", "check", "--group", group, "--member-id", inviter)["value"] is False
    az.run("ad", "group", "member", "add", "--group", SALES_GROUP, "--member-id", inviter)
    try:
        assert az.json("ad", "group", "member", "check", "--group", group, "--member-id", inviter)["value"] is True
        members = {member["userPrincipalName"] for member in az.json("ad", "group", "member", "list", "--group", group)}
        assert {"maya@contoso.com", "inviter@contoso.com"} <= members
    finally:
        az.run("ad", "group", "member", "remove", "--group", SALES_GROUP, "--member-id", inviter)
    assert az.json("ad", "group", "member", "check", "--group", group, "--member-id", inviter)["value"] is False


def test_rest_invites_a_guest_sets_usage_location_and_assigns_a_licence(signed_in):
    az, _ = signed_in
    graph = f"{az.base}/graph.microsoft.com/v1.0"
    invitation = az.json(
        "rest", "--method", "post", "--url", f"{graph}/invitations", "--resource", GRAPH, "--body",
        json.dumps({"invitedUserEmailAddress": "kim@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com",
                    "sendInvitationMessage": False}),
    )
    guest = invitation["invitedUser"]["id"]
    az.run("rest", "--method", "patch", "--url", f"{graph}/users/{guest}", "--resource", GRAPH, "--body", '{"usageLocation": "US"}')
    skus = az.json("rest", "--url", f"{graph}/subscribedSkus", "--resource", GRAPH)["value"]
    sku = next(s["skuId"] for s in skus if s["skuPartNumber"] == "POWERAPPS_PER_USER")
    az.run("rest", "--method", "post", "--url", f"{graph}/users/{guest}/assignLicense", "--resource", GRAPH, "--body",
           json.dumps({"addLicenses": [{"skuId": sku}], "removeLicenses": []}))
    user = az.json("rest", "--url", f"{graph}/users/{guest}?$select=userType,usageLocation,assignedLicenses", "--resource", GRAPH)
    assert user["userType"] == "Guest"
    assert user["usageLocation"] == "US"
    assert [license["skuId"] for license in user["assignedLicenses"]] == [sku]
