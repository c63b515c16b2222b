"""The safe server, seen from a real HTTP client (requests): the control API needs the key printed in
`tenantsim serve`'s banner, never answers CORS, and a foreign Host header is refused (DNS rebinding)."""

import requests


def _session(server) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.verify = server.ca_bundle
    return session


def test_control_api_needs_the_banner_key(tenantsim_server):
    http = _session(tenantsim_server)
    missing = http.get(tenantsim_server.control("world"))
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "ControlKeyRequired"
    assert "control-key" in missing.json()["error"]["message"]
    assert "clientSecret" not in missing.text
    wrong = http.get(tenantsim_server.control("world"), headers={"Authorization": "Bearer tsk_wrong"})
    assert wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "InvalidControlKey"
    assert tenantsim_server.control_key.startswith("tsk_")
    right = http.get(tenantsim_server.control("world"), headers=tenantsim_server.control_headers)
    assert right.status_code == 200
    assert "clientSecret" in right.text


def test_control_api_never_answers_cors(tenantsim_server):
    http = _session(tenantsim_server)
    preflight = http.options(
        tenantsim_server.control("reset"),
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
    keyed = http.get(tenantsim_server.control("clock"), headers={**tenantsim_server.control_headers, "Origin": "https://evil.example"})
    assert keyed.status_code == 200
    assert "Access-Control-Allow-Origin" not in keyed.headers


def test_foreign_host_is_misdirected(tenantsim_server):
    http = _session(tenantsim_server)
    reply = http.get(f"{tenantsim_server.base_url}/v1.0/users", headers={"Host": "rebound.attacker.example"})
    assert reply.status_code == 421
    assert reply.json()["error"]["code"] == "MisdirectedRequest"
    served = http.get(f"{tenantsim_server.base_url}/v1.0/users", headers={"Host": "graph.microsoft.com"})
    assert served.status_code == 401  # served (no token), not misdirected
