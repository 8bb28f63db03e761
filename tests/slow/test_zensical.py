"""The generated site also builds with Zensical, Material for MkDocs' successor, from the same
configuration MkDocs builds it with."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from generator.engine.build import SiteName, generate, write_engine_config


def test_zensical_builds_the_generated_site(built_site: Path, tmp_path: Path) -> None:
    root = tmp_path / "zensical"
    root.mkdir()
    shutil.copytree(built_site / "generated", root / "generated")
    shutil.copy(built_site / "mkdocs.yml", root / "mkdocs.yml")
    briefing = generate(built_site).briefing
    name = SiteName(briefing.title, briefing.description)
    config = write_engine_config(root, name, Path("generated"), Path("site"), ".zensical.yml")
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config)],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = root / "site"
    for page in (
        "index.html",
        "matrix/index.html",
        "changes/index.html",
        "actors/russia/index.html",
        "issues/ceasefire/index.html",
        "articles/000_1d2e21283015eb8c/index.html",
    ):
        assert (site / page).is_file(), page
    for data in ("feed.xml", "positions.json", "positions.schema.json", "matrix.csv"):
        assert (site / data).read_bytes() == (built_site / "generated" / data).read_bytes()
    # Zensical writes its search index to search.json; MkDocs to search/search_index.json.
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert "Lavrov" in json.dumps(index)
    head = (site / "actors" / "russia" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in head and 'href="../../feed.xml"' in head
