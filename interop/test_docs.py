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
