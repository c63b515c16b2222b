"""The scenario reports as other tools read them: JUnit XML through a JUnit parser, JSON byte for byte."""
import json
import os
import subprocess
from pathlib import Path

from junitparser import JUnitXml

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TENANTSIM_BIN", str(ROOT / ".build" / "debug" / "tenantsim"))


def run_scenarios(tmp_path, *paths, name="report"):
    junit = tmp_path / f"{name}.xml"
    report = tmp_path / f"{name}.json"
    result = subprocess.run(
        [BIN, "run", *paths, "--junit", str(junit), "--json", str(report), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return result, junit, report


def test_junit_report_parses_with_a_junit_parser(tmp_path):
    result, junit, report = run_scenarios(tmp_path, "scenarios/01-inviting")
    assert result.returncode == 0, result.stdout + result.stderr
    xml = JUnitXml.fromfile(str(junit))
    suites = list(xml)
    data = json.loads(report.read_text())
    assert len(suites) == len(data["scenarios"]) > 0
    for suite, scenario in zip(suites, data["scenarios"]):
        cases = list(suite)
        assert suite.name == scenario["name"]
        assert len(cases) == len(scenario["steps"]) + len(scenario["assertions"])
        assert all(case.is_passed for case in cases)
    assert xml.failures == 0


def test_a_failing_scenario_is_a_junit_failure_and_a_nonzero_exit(tmp_path):
    failing = tmp_path / "failing.yaml"
    failing.write_text(
        "name: Wrong expectation\n"
        "world: { fixtures: [contoso, fabrikam] }\n"
        "steps:\n"
        "  - as: useradmin@contoso.com\n"
        "    invite: pat@fabrikam.com\n"
        "  - as: licenseadmin@contoso.com\n"
        "    assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }\n"
        "    expect: ok\n"
    )
    result, junit, _ = run_scenarios(tmp_path, str(failing))
    assert result.returncode != 0
    assert "license.assign.usage-location-missing" in result.stdout
    suite = list(JUnitXml.fromfile(str(junit)))[0]
    failures = [case for case in suite if not case.is_passed]
    assert len(failures) == 1
    assert "expected ok" in failures[0].result[0].message


def test_the_same_scenarios_give_byte_identical_reports(tmp_path):
    first, _, report_one = run_scenarios(tmp_path, "scenarios/01-inviting", name="one")
    second, _, report_two = run_scenarios(tmp_path, "scenarios/01-inviting", name="two")
    assert first.returncode == second.returncode == 0
    assert report_one.read_bytes() == report_two.read_bytes()
    assert first.stdout == second.stdout
