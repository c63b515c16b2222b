"""The README's recipes, one per client, run as written against `tenantsim serve`.

Each recipe is a file in examples/recipes/ whose text the README shows verbatim (checked here), so
what a reader copies is exactly what CI runs. A recipe reads the server's URL and CA bundle from
TENANTSIM_URL and TENANTSIM_CA (the banner's values), and the clients' usual CA variables.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

RECIPES = REPO / "examples" / "recipes"


def _run(tenantsim_server, tmp_path, command: list[str]) -> str:
    environment = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    environment.update(
        TENANTSIM_URL=tenantsim_server.base_url, TENANTSIM_CA=tenantsim_server.ca_bundle, REQUESTS_CA_BUNDLE=tenantsim_server.ca_bundle,
        SSL_CERT_FILE=tenantsim_server.ca_bundle, AZURE_CONFIG_DIR=str(tmp_path / "azure"), PATH=bin_dir + os.pathsep + environment["PATH"],
    )
    (tmp_path / "azure").mkdir(exist_ok=True)
    # az checks PyPI for a newer version on first use; record this one as current so the run stays offline.
    (tmp_path / "azure" / "versionCheck.json").write_text(json.dumps({
        "versions": {"azure-cli": {"local": "2.91.0"}, "core": {"local": "2.91.0"}, "telemetry": {"local": "1.1.0"}},
        "update_time": "2000-01-01 00:00:00.000000",
    }))
    result = subprocess.run(command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, f"{command}: {result.stdout[-1000:]}\n{result.stderr[-2000:]}"
    return result.stdout


@pytest.mark.parametrize(
    "recipe, expected",
    [
        ("curl.sh", ["maya@contoso.com"]),
        ("azure-cli.sh", ["maya@contoso.com", "true", "Contoso"]),
        ("graph_sdk.py", ["Contoso"]),
        ("msal_token.py", ["Bearer True"]),
        ("dataverse_sdk.py", ["maya@contoso.com"]),
        ("powerplatform_sdk.py", ["Contoso (default)", "Contoso Sales"]),
    ],
)
def test_recipe_runs_as_written(tenantsim_server, tmp_path, recipe, expected):
    path = RECIPES / recipe
    command = ["bash", "-euo", "pipefail", str(path)] if recipe.endswith(".sh") else [sys.executable, str(path)]
    lines = _run(tenantsim_server, tmp_path, command).splitlines()
    for line in expected:
        assert line in lines, f"{recipe} printed {lines}"


@pytest.mark.parametrize("recipe", sorted(path.name for path in RECIPES.iterdir()))
def test_readme_shows_the_recipe_verbatim(recipe):
    text = (RECIPES / recipe).read_text()
    assert text.strip() in (REPO / "README.md").read_text(), f"README.md does not show examples/recipes/{recipe} as written"
