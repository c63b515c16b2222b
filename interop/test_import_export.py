"""`tenantsim import` against a running server and `tenantsim export` of its state, as an admin
uses them: the fixture file loads in a scenario, gaps are named in it, --anonymize hides people."""
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TENANTSIM_BIN", str(ROOT / ".build" / "debug" / "tenantsim"))


def tenantsim(*args, cwd=ROOT):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_import_from_a_server_loads_in_a_scenario(tenantsim_server, tmp_path):
    fixture = tmp_path / "contoso-imported.yaml"
    result = tenantsim(
        "import", "--graph", tenantsim_server.base_url, "--tenant", "contoso", "--ca", tenantsim_server.ca_file,
        "--control-key", tenantsim_server.control_key, "--include-guests", "-o", str(fixture))
    assert result.returncode == 0, result.stderr
    assert "Imported Contoso" in result.stderr
    text = fixture.read_text()
    assert text.startswith("# Imported by tenantsim import from the TenantSim server")
    assert "# Gap: collaboration restrictions" in text
    assert "could not read" not in text
    assert oct(fixture.stat().st_mode & 0o777) == "0o600"
    scenario = tmp_path / "against-imported.yaml"
    scenario.write_text(
        "name: Inviting into the imported tenant\n"
        f"world: {{ fixtures: [{fixture}, fabrikam] }}\n"
        "steps:\n"
        "  - as: useradmin@contoso.com\n"
        "    invite: newcomer@fabrikam.com\n"
        "  - as: newcomer@fabrikam.com\n"
        "    redeem: contoso\n")
    run = tenantsim("run", str(scenario))
    assert run.returncode == 0, run.stdout


def test_export_of_the_server_state_anonymized_keeps_domains_and_hides_people(tenantsim_server, tmp_path):
    out = tmp_path / "contoso-anonymized.yaml"
    result = tenantsim("export", "--state", tenantsim_server.state, "--tenant", "contoso", "--anonymize", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "maya@contoso.com" not in text and "Maya Member" not in text and "tenantsim-onboarding-secret" not in text
    assert "@contoso.com" in text
    unknown = tenantsim("export", "--state", tenantsim_server.state, "--tenant", "nowhere")
    assert unknown.returncode == 2
    assert "No tenant 'nowhere'" in unknown.stderr
