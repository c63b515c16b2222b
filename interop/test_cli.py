"""The command line as a user meets it: exit codes by class of error, the built-in scenario library
from any folder, and Python scenarios skipped (not passed) where their modules are missing."""
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TENANTSIM_BIN", str(ROOT / ".build" / "debug" / "tenantsim"))


def flat(text):
    """Output read as one line: the text report wraps to 80 columns when piped."""
    return " ".join(line.strip() for line in text.splitlines())


def tenantsim(*args, cwd=ROOT, env=None):
    return subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env)


def test_exit_codes_tell_failures_from_configuration_errors(tmp_path):
    failing = tmp_path / "failing.yaml"
    failing.write_text(
        "name: Wrong expectation\n"
        "world: { fixtures: [contoso, fabrikam] }\n"
        "steps:\n"
        "  - as: admin@contoso.com\n"
        "    invite: pat@fabrikam.com\n"
        "  - as: admin@contoso.com\n"
        "    assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }\n"
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: Broken\nsteps:\n  - as: admin@contoso.com\n    invit: pat@fabrikam.com\n")
    assert tenantsim("run", "scenarios/01-inviting/usage-location-before-licence.yaml").returncode == 0
    assert tenantsim("run", str(failing)).returncode == 1
    result = tenantsim("run", str(broken))
    assert result.returncode == 2
    assert "unknown action 'invit'" in flat(result.stdout)
    assert tenantsim("run", str(tmp_path / "missing")).returncode == 2
    result = tenantsim("run", "--no-such-option")
    assert result.returncode == 2
    assert "Unknown option" in result.stderr
    assert tenantsim("rules", "no.such.rule").returncode == 2
    assert tenantsim("--version").returncode == 0
    assert "Exit codes: 0" in tenantsim("--help").stdout


def test_the_completion_script_is_documented_and_generated():
    assert "--generate-completion-script" in tenantsim("--help").stdout
    result = tenantsim("--generate-completion-script", "bash")
    assert result.returncode == 0
    assert "_tenantsim" in result.stdout


def test_the_library_runs_from_any_folder_with_python_scenarios_skipped_not_passed(tmp_path):
    env = dict(os.environ, PATH="/usr/local/bin:/usr/bin:/bin")
    result = tenantsim("run", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    # The summary may wrap to 80 columns: read the output as one line.
    summary = " ".join(line.strip() for line in result.stdout.splitlines())
    summary = summary[summary.rindex(" scenario(s): ") - 2:].strip()
    files = list((ROOT / "scenarios").rglob("*.yaml"))
    needing_files = sum(1 for f in files if "requires:" in f.read_text() and "files:" in f.read_text())
    assert needing_files >= 3
    count = len(files)
    assert summary.startswith(f"{count} scenario(s): {count - needing_files} passed, 0 failed, {needing_files} skipped"), summary
    flat = " ".join(line.strip() for line in result.stdout.splitlines())
    assert "skipped: needs examples/onboard.py, examples/guests.csv in the working folder; fix: run it from the TenantSim checkout" in flat


def test_a_checkout_without_the_python_modules_skips_the_real_script_scenarios_with_the_fix(tmp_path):
    plain = subprocess.run(["/usr/bin/python3", "-c", "import msgraph"], capture_output=True)
    if plain.returncode == 0:
        pytest.skip("the system python3 has msgraph, so nothing would be missing")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = dict(os.environ, PATH="/usr/local/bin:/usr/bin:/bin")
    result = tenantsim(
        "run", "scenarios/11-real-scripts/onboarding-script-passes.yaml", "scenarios/11-real-scripts/buggy-script-is-caught.yaml",
        cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 passed, 0 failed, 2 skipped" in flat(result.stdout)
    assert "needs the Python modules msgraph, azure.identity, requests" in flat(result.stdout)
    assert "fix: run scripts/setup" in flat(result.stdout)
    assert "✓" not in result.stdout


def test_bulk_invite_reports_every_row_and_prints_no_progress_when_piped(tmp_path):
    source = tmp_path / "guests.csv"
    source.write_text(
        "version:v1.0,,,\n"
        "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,Department\n"
        "Example:    someone@fabrikam.com,https://myapplications.microsoft.com,Sales\n"
        "pat@fabrikam.com,https://myapplications.microsoft.com,Sales\n"
        "not-an-email,https://myapplications.microsoft.com,Ops\n"
    )
    first = tenantsim("bulk-invite", str(source), cwd=tmp_path)
    assert first.returncode == 1, first.stdout + first.stderr
    assert first.stdout.splitlines()[0] == "2 rows: 1 invited, 1 failed (Entra template; example row skipped)"
    assert "  failed: row 5 (not-an-email): " in first.stdout
    assert "Warning: bulk-invite doesn't read the column 'Department'" in first.stderr
    assert "rows/s" not in first.stdout + first.stderr and "[" not in first.stdout.splitlines()[0]
    results = (tmp_path / "guests.results.csv").read_text().splitlines()
    assert len(results) == 4 and ",skipped," in results[1]
    second = tenantsim("bulk-invite", str(source), cwd=tmp_path)
    assert second.stdout.splitlines()[0] == first.stdout.splitlines()[0], "the same file gives the same summary"
    timed = tenantsim("bulk-invite", str(source), "--timings", cwd=tmp_path)
    assert "rows/s" in timed.stdout
    missing = tmp_path / "nothing.csv"
    missing.write_text("Who,Where\npat@fabrikam.com,x\n")
    refused = tenantsim("bulk-invite", str(missing), cwd=tmp_path)
    assert refused.returncode == 2
    assert "No email column" in refused.stderr and "[inviteeEmail]" in refused.stderr


def test_onboard_suggests_names_exits_2_on_a_bad_plan_and_completes_offline_with_redeem(tmp_path):
    guests = str(ROOT / "examples" / "guests.csv")
    base = ["onboard", "--guests", guests, "--environment", "Contoso Sales", "--license", "POWERAPPS_PER_USER"]
    typo = tenantsim(*base, "--role", "Basic Usr", cwd=tmp_path)
    assert typo.returncode == 2
    assert "has no security role 'Basic Usr'" in typo.stderr and "(did you mean 'Basic User'?)" in typo.stderr
    tenant = tenantsim(*base, "--role", "Basic User", "--tenant", "contosso", cwd=tmp_path)
    assert tenant.returncode == 2
    assert "no tenant 'contosso' (did you mean 'Contoso'?)" in tenant.stderr and "Usage:" not in tenant.stderr
    first = tenantsim(*base, "--role", "Basic User", cwd=tmp_path)
    assert first.returncode == 1 and "waiting for the guest to redeem" in flat(first.stdout)
    redeemed = tenantsim("redeem", "pat@fabrikam.com", "lee@fabrikam.com", "sam@fabrikam.com", cwd=tmp_path)
    assert redeemed.returncode == 0, redeemed.stdout + redeemed.stderr
    assert "pat@fabrikam.com: redeemed the invitation (ExternalAzureAD)" in redeemed.stdout
    second = tenantsim(*base, "--role", "Basic User", cwd=tmp_path)
    assert second.returncode == 0, second.stdout
    assert "3 guests: 3 complete, 0 incomplete" in second.stdout
    assert tenantsim("redeem", "nobody@fabrikam.com", cwd=tmp_path).returncode == 1


def test_onboard_redeem_as_guest_completes_in_one_run_and_says_which_values_it_defaulted(tmp_path):
    source = tmp_path / "guests.csv"
    source.write_text("email,givenName,surname,usageLocation\npat@fabrikam.com,Pat,Partner,\n")
    result = tenantsim(
        "onboard", "--guests", str(source), "--environment", "Contoso Sales", "--license", "POWERAPPS_PER_USER",
        "--role", "Basic User", "--redeem-as-guest", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "usage location US (the default: the row has no usageLocation)" in result.stdout
    assert "TenantSim played the guest accepting the invitation" in result.stdout


def _run_on_a_terminal(args, env, columns=70):
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen([BIN, *args], cwd=ROOT, stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_the_report_is_coloured_and_wrapped_on_a_terminal_plain_when_piped_or_no_color():
    scenario = "scenarios/01-inviting/usage-location-before-licence.yaml"
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    coloured = _run_on_a_terminal(["run", scenario], env)
    assert "\x1b[" in coloured
    assert "⊘" in coloured and "denied as expected (rule" in coloured.replace("\r\n", " ")
    plain_lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in coloured.split("\r\n")]
    # Only a word longer than the width (a URL) may stand alone past it.
    assert all(len(line) <= 70 for line in plain_lines if max(map(len, line.split()), default=0) <= 60)
    no_colour = _run_on_a_terminal(["run", scenario], dict(env, NO_COLOR="1"))
    assert "\x1b[" not in no_colour and "⊘" in no_colour
    piped = tenantsim("run", scenario)
    assert "\x1b[" not in piped.stdout
    assert all(len(line) <= 80 for line in piped.stdout.splitlines() if " " in line and max(map(len, line.split())) < 60)


def test_the_bulk_invite_progress_bar_fits_the_terminal_and_counts_data_rows(tmp_path):
    source = tmp_path / "many.csv"
    rows = "".join(f"g{i}@fabrikam.com,https://myapplications.microsoft.com\n" for i in range(400))
    source.write_text(
        "version:v1.0\nEmail address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required\n"
        "Example:    someone@fabrikam.com,https://myapplications.microsoft.com\n" + rows)
    env = dict(os.environ, TERM="xterm-256color")
    output = _run_on_a_terminal(["bulk-invite", str(source), "--state", str(tmp_path / "state.sqlite")], env, columns=60)
    screen = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", output)
    lines = [line for chunk in screen.split("\r\n") for line in chunk.split("\r")]
    bars = [line for line in lines if "rows," in line and "invited" in line and "[" in line]
    assert bars, screen[-2000:]
    assert max(len(line) for line in bars) <= 60
    assert any(line.startswith("400/400 rows") for line in bars), "the total counts data rows, not the example row"
    assert "400 rows: 400 invited, 0 failed" in screen


def test_learn_lists_teaches_and_checks_an_exercise(tmp_path):
    listing = tenantsim("learn", cwd=tmp_path)
    assert listing.returncode == 0 and "12. Features that refuse guests" in listing.stdout
    lesson = tenantsim("learn", "5", "--no-pause", cwd=tmp_path)
    assert lesson.returncode == 0, lesson.stdout + lesson.stderr
    assert "learn.microsoft.com/power-platform/admin/invite-users-azure-active-directory-b2b-collaboration#" in lesson.stdout.replace("\n", "")
    assert "Exercise" in lesson.stdout and (tmp_path / "lesson-5.yaml").exists()
    unsolved = tenantsim("learn", "5", "--check", "lesson-5.yaml", cwd=tmp_path)
    assert unsolved.returncode == 1 and "license.assign.usage-location-missing" in flat(unsolved.stdout)
    exercise = (tmp_path / "lesson-5.yaml").read_text()
    profile = "  - as: useradmin@contoso.com\n    setProfile: { user: pat@fabrikam.com, usageLocation: GB }\n"
    licence = "  - as: licenseadmin@contoso.com\n    assignLicense: { user: pat@fabrikam.com, sku: POWERAPPS_PER_USER }\n"
    assert profile in exercise and licence in exercise
    (tmp_path / "lesson-5.yaml").write_text(exercise.replace(licence, "").replace(profile, profile + licence))
    solved = tenantsim("learn", "5", "--check", "lesson-5.yaml", cwd=tmp_path)
    assert solved.returncode == 0, solved.stdout
    assert "solved" in solved.stdout
    assert tenantsim("learn", "99", cwd=tmp_path).returncode == 2


def test_every_lesson_runs_without_pausing_and_its_exercise_fails_check_as_given(tmp_path):
    for number in range(1, 13):
        result = tenantsim("learn", str(number), "--no-pause", cwd=tmp_path)
        assert result.returncode == 0, f"lesson {number}: {result.stdout[-1500:]}{result.stderr}"
        assert (tmp_path / f"lesson-{number}.yaml").exists()
        unsolved = tenantsim("learn", str(number), "--check", f"lesson-{number}.yaml", cwd=tmp_path)
        assert unsolved.returncode == 1, f"lesson {number}'s exercise passes as given"
        assert "was denied by" in flat(unsolved.stdout) or "not done yet" in flat(unsolved.stdout)


def test_no_line_of_run_output_is_wider_than_an_80_column_tmux_window(tmp_path):
    if not shutil.which("tmux"):
        pytest.skip("needs tmux")
    socket = str(tmp_path / "tmux.sock")
    done = tmp_path / "done"
    command = f"{BIN} run scenarios/06-guest-makers --verbose; touch {done}"
    subprocess.run(["tmux", "-S", socket, "new-session", "-d", "-x", "80", "-y", "50", "-c", str(ROOT), command + "; sleep 30"], check=True)
    try:
        import time
        deadline = time.monotonic() + 300
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert done.exists(), "tenantsim run didn't finish in tmux"
        # -J joins lines the terminal wrapped, so a line the program printed too wide shows whole.
        screen = subprocess.run(["tmux", "-S", socket, "capture-pane", "-p", "-J", "-S", "-10000"], capture_output=True, text=True, check=True).stdout
    finally:
        subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)
    plain = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in screen.splitlines()]
    assert any("scenario(s):" in line for line in plain), screen[-1000:]
    too_wide = [line for line in plain if len(line) > 80 and max(map(len, line.split()), default=0) <= 70]
    assert not too_wide, too_wide[:5]
