"""The docs as a reader follows them: every scenario path they name exists."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_scenario_path_in_the_docs_exists():
    missing = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for number, line in enumerate(doc.read_text().splitlines(), 1):
            for path in re.findall(r"scenarios/[A-Za-z0-9_./-]+", line):
                path = path.rstrip(".")
                if "NN-" in path:
                    continue
                if not (ROOT / path).exists():
                    missing.append(f"{doc.name}:{number} {path}")
    assert not missing, missing


def _doc_commands():
    """Every `tenantsim …` command the docs show, without comments and redirections."""
    import shlex

    commands = set()
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for match in re.finditer(r"(?:swift run )?tenantsim ((?:[^`|\n#>])*)", doc.read_text()):
            text = match.group(1).strip().rstrip(".")
            if not text or text.split()[0] in {"is", "reads", "binary", "copied", "teaches"}:
                continue
            try:
                commands.add(tuple(shlex.split(text)))
            except ValueError:
                continue
    return sorted(commands)


PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z.]*|N|\[.*|.*…|FILE\.csv|ADDRESS…)$")


def test_every_tenantsim_command_in_the_docs_parses_and_the_safe_ones_run(tmp_path):
    import subprocess

    binary = ROOT / ".build" / "debug" / "tenantsim"
    commands = _doc_commands()
    assert len(commands) >= 15
    runnable = {"run", "explain", "rules", "coverage", "learn"}
    for command in commands:
        words = list(command)
        if words[0].startswith("--generate-completion-script"):
            assert subprocess.run([binary, *words], capture_output=True, timeout=60).returncode == 0
            continue
        subcommand = words[0]
        help_text = subprocess.run([binary, subcommand, "--help"], capture_output=True, text=True, timeout=60)
        assert help_text.returncode == 0, f"{command}: no subcommand '{subcommand}'"
        for word in words[1:]:
            if word.startswith("--"):
                assert word.split("=")[0] in help_text.stdout, f"{command}: '{word}' is not an option of tenantsim {subcommand}"
            elif word.startswith("scenarios/"):
                assert (ROOT / word).exists(), f"{command}: {word} doesn't exist"
        # A bare `tenantsim explain` in prose names the command; it isn't meant to run as written.
        bare_reference = len(words) == 1 and subcommand == "explain"
        # `learn N --check FILE` judges a learner's fix: as written in the docs it has none yet.
        checks_an_exercise = subcommand == "learn" and "--check" in words
        if subcommand in runnable and not bare_reference and not checks_an_exercise and not any(PLACEHOLDER.match(word) for word in words[1:]):
            lesson = subcommand == "learn" and len(words) > 1 and words[1].isdigit()
            # Lessons write their exercise into the working folder: keep it out of the checkout.
            result = subprocess.run([binary, *words, *(["--no-pause"] if lesson else [])],
                                    cwd=tmp_path if subcommand == "learn" else ROOT, capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"{command}: exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
