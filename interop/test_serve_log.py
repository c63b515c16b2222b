"""`tenantsim serve`'s request log as a user watching the terminal sees it."""
import time

import requests

from conftest import CONTOSO_TENANT_ID, GRAPH_SCOPE, READER_CLIENT_ID, READER_SECRET


def test_every_request_gets_a_line_with_status_rule_and_milliseconds(tenantsim_server):
    token = requests.post(
        f"{tenantsim_server.base_url}/{CONTOSO_TENANT_ID}/oauth2/v2.0/token",
        data={"grant_type": "client_credentials", "client_id": READER_CLIENT_ID, "client_secret": READER_SECRET, "scope": GRAPH_SCOPE},
        verify=tenantsim_server.ca_bundle, timeout=30,
    ).json()["access_token"]
    denied = requests.post(
        f"{tenantsim_server.graph_url}/invitations", headers={"Authorization": f"Bearer {token}"},
        json={"invitedUserEmailAddress": "log@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"},
        verify=tenantsim_server.ca_bundle, timeout=30,
    )
    assert denied.status_code == 401, denied.text  # POST /invitations answers 401 without permission, as Graph does
    assert denied.headers["x-tenantsim-rule"] == "graph.permission.missing"
    deadline = time.monotonic() + 10
    wanted = "POST 127.0.0.1/v1.0/invitations 401 graph.permission.missing "
    while time.monotonic() < deadline and not any(line.startswith(wanted) for line in tenantsim_server.output):
        time.sleep(0.1)
    lines = [line for line in tenantsim_server.output if line.startswith(wanted)]
    assert lines, "".join(tenantsim_server.output[-20:])
    assert lines[-1].rstrip().endswith(" ms")
    assert any(line.startswith(f"POST 127.0.0.1/{CONTOSO_TENANT_ID}/oauth2/v2.0/token 200 ") for line in tenantsim_server.output)
    assert not any(token in line for line in tenantsim_server.output), "tokens never reach the log"


def test_a_port_in_use_is_a_configuration_error_exit_2(tenantsim_server, tmp_path):
    import os
    import subprocess
    from pathlib import Path

    binary = os.environ.get("TENANTSIM_BIN", str(Path(__file__).resolve().parent.parent / ".build" / "debug" / "tenantsim"))
    result = subprocess.run(
        [binary, "serve", "--state", str(tmp_path / "state.sqlite"), "--port", str(tenantsim_server.port)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert str(tenantsim_server.port) in result.stderr
